package de.grw.learning;

import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PatternWeights;
import de.grw.matching.model.PatternCounts;

/**
 * The candidate pairs a threshold is estimated over: comparison vectors with the unsupervised model's weight and how
 * many pairs share both.
 *
 * @param patterns    comparison vectors
 * @param baseWeights the unsupervised weight of each, in bits
 * @param counts      pairs of each
 */
public record Candidates(long[] patterns, double[] baseWeights, long[] counts) {
    public Candidates {
        if (patterns.length != baseWeights.length || patterns.length != counts.length) {
            throw new IllegalArgumentException("patterns, weights and counts differ in length");
        }
    }

    /** Counted comparison vectors, weighed without term frequencies (a workspace's kept counts). */
    public static Candidates of(PatternCounts counts, ModelParameters base) {
        PatternWeights weights = new PatternWeights(base);
        long[] patterns = counts.patterns();
        double[] w = new double[patterns.length];
        for (int p = 0; p < patterns.length; p++) {
            w[p] = weights.weight(patterns[p]);
        }
        return new Candidates(patterns, w, counts.counts());
    }

    /** Single pairs with their weights as scored (term frequencies included). */
    public static Candidates ofPairs(long[] patterns, double[] weights) {
        long[] ones = new long[patterns.length];
        java.util.Arrays.fill(ones, 1);
        return new Candidates(patterns, weights, ones);
    }
}
