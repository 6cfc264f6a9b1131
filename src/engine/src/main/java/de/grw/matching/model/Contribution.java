package de.grw.matching.model;

/**
 * How one comparison moved a pair's score: the explanation a clerk sees.
 *
 * @param comparison  comparison name (e.g. {@code family_name})
 * @param level       level label (e.g. {@code phonetic}, {@code else}, {@code missing})
 * @param weight      match weight in bits: positive pushes towards a match, negative away from it
 * @param tfAdjusted  whether the weight includes a term-frequency adjustment (rare values weigh more)
 */
public record Contribution(String comparison, String level, double weight, boolean tfAdjusted) {
}
