package de.grw.matching.model;

/**
 * What a model estimation saw, kept so that a model can be estimated again without the records (issue 15,
 * {@link ModelEstimator#fromCounts}): the candidate pairs' comparison vectors counted, the counts the EM ran on (with
 * the household pairs blocking left out), the u probabilities from random pairs and the totals.
 *
 * @param candidates  the candidate pairs' comparison vectors with their counts
 * @param emCounts    the counts the EM ran on
 * @param u           u probabilities per comparison and level
 * @param totalPairs  all record pairs the run considered
 * @param recordCount records matched
 */
public record KeptCounts(PatternCounts candidates, PatternCounts emCounts, double[][] u, double totalPairs,
                         int recordCount) {
}
