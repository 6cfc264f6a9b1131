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

    /** Vectors counted by one thread at a time; a range this long is worth a thread. */
    private static final int SLICE = 1 << 20;

    /**
     * Counts the distinct values of an array of packed vectors. The vectors are counted in hash tables of the
     * distinct vectors (thousands), slice by slice on all cores, and only those are sorted: no copy of the array is
     * made (before, a sorted copy plus the parallel sort's buffer stood beside the vectors: 16 bytes a candidate pair,
     * 1.9 GB at 120 million pairs).
     */
    public static PatternCounts of(long[] vectors) {
        int slices = (vectors.length + SLICE - 1) / SLICE;
        Counter total = java.util.stream.IntStream.range(0, slices).parallel().mapToObj(s -> {
            Counter c = new Counter();
            int to = (int) Math.min(vectors.length, (long) (s + 1) * SLICE);
            for (int i = s * SLICE; i < to; i++) {
                c.add(vectors[i], 1);
            }
            return c;
        }).reduce(Counter::merge).orElseGet(Counter::new);
        return total.sorted();
    }

    /** An open-addressing table of vector counts. */
    private static final class Counter {
        private long[] keys = new long[64];
        private long[] counts = new long[64];
        private boolean[] used = new boolean[64];
        private int size;

        void add(long key, long count) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (used[i]) {
                if (keys[i] == key) {
                    counts[i] += count;
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            counts[i] = count;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private void grow() {
            long[] k = keys;
            long[] c = counts;
            boolean[] u = used;
            keys = new long[k.length * 2];
            counts = new long[k.length * 2];
            used = new boolean[k.length * 2];
            size = 0;
            for (int i = 0; i < k.length; i++) {
                if (u[i]) {
                    add(k[i], c[i]);
                }
            }
        }

        Counter merge(Counter other) {
            Counter into = size >= other.size ? this : other;
            Counter from = into == this ? other : this;
            for (int i = 0; i < from.keys.length; i++) {
                if (from.used[i]) {
                    into.add(from.keys[i], from.counts[i]);
                }
            }
            return into;
        }

        PatternCounts sorted() {
            long[] patterns = new long[size];
            int w = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    patterns[w++] = keys[i];
                }
            }
            Arrays.sort(patterns);
            long[] out = new long[size];
            for (int i = 0; i < size; i++) {
                out[i] = count(patterns[i]);
            }
            return new PatternCounts(patterns, out);
        }

        private long count(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != key || !used[i]) {
                i = (i + 1) & mask;
            }
            return counts[i];
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
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
