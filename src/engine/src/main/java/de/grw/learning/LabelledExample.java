package de.grw.learning;

/**
 * One labelled pair as training sees it: its comparison vector and what the unsupervised model made of it.
 *
 * @param pattern    the pair's packed comparison vector ({@code CompiledComparisons.pattern})
 * @param baseWeight the unsupervised model's match weight of the pair in bits (with term frequencies where known)
 * @param match      the clerk's answer
 */
public record LabelledExample(long pattern, double baseWeight, boolean match) {
}
