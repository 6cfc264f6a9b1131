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

    /**
     * These counts plus another set's, each of the other's counts multiplied by {@code factor} (a sample counted for
     * the pairs it was drawn from) and rounded.
     */
    public PatternCounts plus(PatternCounts other, double factor) {
        long[] p = new long[patterns.length + other.patterns.length];
        long[] c = new long[p.length];
        int i = 0;
        int j = 0;
        int w = 0;
        while (i < patterns.length || j < other.patterns.length) {
            long scaled = j < other.patterns.length ? Math.max(1, Math.round(other.counts[j] * factor)) : 0;
            if (j >= other.patterns.length || (i < patterns.length && patterns[i] < other.patterns[j])) {
                p[w] = patterns[i];
                c[w++] = counts[i++];
            } else if (i >= patterns.length || other.patterns[j] < patterns[i]) {
                p[w] = other.patterns[j++];
                c[w++] = scaled;
            } else {
                p[w] = patterns[i];
                c[w++] = counts[i++] + scaled;
                j++;
            }
        }
        return new PatternCounts(Arrays.copyOf(p, w), Arrays.copyOf(c, w));
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
