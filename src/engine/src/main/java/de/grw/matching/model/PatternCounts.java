package de.grw.matching.model;

import java.util.Arrays;

/**
 * How often each distinct comparison vector occurs among the candidate pairs. EM works on these counts, so its
 * cost depends on the number of distinct vectors (thousands), not on the number of pairs (millions).
 *
 * @param patterns distinct packed comparison vectors
 * @param counts   occurrences of each
 */
public record PatternCounts(long[] patterns, long[] counts) {

    /** Counts the distinct values of an array of packed vectors. */
    public static PatternCounts of(long[] vectors) {
        long[] sorted = vectors.clone();
        Arrays.parallelSort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        long[] patterns = new long[distinct];
        long[] counts = new long[distinct];
        int w = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                patterns[++w] = sorted[i];
            }
            counts[w]++;
        }
        return new PatternCounts(patterns, counts);
    }

    public int size() {
        return patterns.length;
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
