package de.grw.evaluation;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise quality of a clustering against ground truth: a true pair is two records of the same entity; precision,
 * recall and F1 are over the record pairs that end up in the same predicted cluster.
 *
 * @param truePositives  pairs in the same predicted cluster and of the same entity
 * @param predictedPairs pairs in the same predicted cluster
 * @param truePairs      pairs of the same entity
 */
public record PairwiseEvaluation(long truePositives, long predictedPairs, long truePairs) {

    /**
     * @param predicted predicted cluster label per record
     * @param truth     entity label per record (same order)
     */
    public static <P, T> PairwiseEvaluation of(P[] predicted, T[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("one truth label per record");
        }
        Map<P, Long> clusterSizes = new HashMap<>();
        Map<T, Long> entitySizes = new HashMap<>();
        Map<Map.Entry<P, T>, Long> both = new HashMap<>();
        for (int i = 0; i < predicted.length; i++) {
            clusterSizes.merge(predicted[i], 1L, Long::sum);
            entitySizes.merge(truth[i], 1L, Long::sum);
            both.merge(Map.entry(predicted[i], truth[i]), 1L, Long::sum);
        }
        return new PairwiseEvaluation(pairs(both), pairs(clusterSizes), pairs(entitySizes));
    }

    private static long pairs(Map<?, Long> sizes) {
        long total = 0;
        for (long s : sizes.values()) {
            total += s * (s - 1) / 2;
        }
        return total;
    }

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) truePositives / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1.0 : (double) truePositives / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("precision %.4f, recall %.4f, F1 %.4f (%d of %d predicted pairs true, %d true pairs)",
                precision(), recall(), f1(), truePositives, predictedPairs, truePairs);
    }
}
