package de.grw.matching.model;

import java.util.Arrays;

/**
 * The comparison vectors of a run's candidate pairs, each held as the number of its distinct vector (4 bytes a pair
 * instead of 8): a run has millions of pairs but thousands of distinct vectors. Counting them for the estimate is a
 * count per number, no sort of the pairs' vectors.
 */
public final class PairPatterns {
    private final int[] ids;
    private final long[] dictionary;

    private PairPatterns(int[] ids, long[] dictionary) {
        this.ids = ids;
        this.dictionary = dictionary;
    }

    /** The vectors given one by one (a small run, or the two passes of an incremental one merged). */
    public static PairPatterns of(long[] patterns) {
        Dictionary dictionary = new Dictionary();
        Local local = dictionary.local();
        int[] ids = new int[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            ids[i] = local.id(patterns[i]);
        }
        return dictionary.patterns(ids);
    }

    public int size() {
        return ids.length;
    }

    /** The comparison vector of pair {@code i}. */
    public long get(int i) {
        return dictionary[ids[i]];
    }

    /** The number of pair {@code i}'s comparison vector among the {@link #distinct} ones. */
    public int id(int i) {
        return ids[i];
    }

    /** The distinct comparison vectors, by number (a copy). */
    public long[] distinct() {
        return dictionary.clone();
    }

    /** The distinct vectors with how often each occurs, ascending: what {@link PatternCounts#of} gives. */
    public PatternCounts counts() {
        long[] perId = new long[dictionary.length];
        for (int id : ids) {
            perId[id]++;
        }
        Integer[] order = new Integer[dictionary.length];
        int used = 0;
        for (int id = 0; id < dictionary.length; id++) {
            if (perId[id] > 0) {
                order[used++] = id;
            }
        }
        Integer[] present = Arrays.copyOf(order, used);
        Arrays.sort(present, (a, b) -> Long.compare(dictionary[a], dictionary[b]));
        long[] patterns = new long[used];
        long[] counts = new long[used];
        for (int k = 0; k < used; k++) {
            patterns[k] = dictionary[present[k]];
            counts[k] = perId[present[k]];
        }
        return new PatternCounts(patterns, counts);
    }

    /**
     * Numbers distinct vectors, from several threads: each thread asks through a {@link Local} of its own, which
     * asks the shared table (synchronised) only for a vector it has not seen.
     */
    public static final class Dictionary {
        private final LongIntTable shared = new LongIntTable();
        private long[] values = new long[64];

        public Local local() {
            return new Local(this);
        }

        private synchronized int intern(long pattern) {
            int id = shared.get(pattern);
            if (id >= 0) {
                return id;
            }
            id = shared.size();
            shared.put(pattern, id);
            if (id == values.length) {
                values = Arrays.copyOf(values, id * 2);
            }
            values[id] = pattern;
            return id;
        }

        /** The pairs' vectors, {@code ids} numbered by this dictionary (after every thread is done). */
        public synchronized PairPatterns patterns(int[] ids) {
            return new PairPatterns(ids, Arrays.copyOf(values, shared.size()));
        }
    }

    /** One thread's view of a {@link Dictionary}. */
    public static final class Local {
        private final Dictionary dictionary;
        private final LongIntTable seen = new LongIntTable();

        private Local(Dictionary dictionary) {
            this.dictionary = dictionary;
        }

        public int id(long pattern) {
            int id = seen.get(pattern);
            if (id < 0) {
                id = dictionary.intern(pattern);
                seen.put(pattern, id);
            }
            return id;
        }
    }

    /** An open-addressing map from long to non-negative int. */
    private static final class LongIntTable {
        private long[] keys = new long[64];
        private int[] values = filled(64);
        private int size;

        private static int[] filled(int n) {
            int[] v = new int[n];
            Arrays.fill(v, -1);
            return v;
        }

        int size() {
            return size;
        }

        int get(long key) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] >= 0) {
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        void put(long key, int value) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] >= 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (values[i] < 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
            if (size * 2 > keys.length) {
                long[] k = keys;
                int[] v = values;
                keys = new long[k.length * 2];
                values = filled(k.length * 2);
                size = 0;
                for (int j = 0; j < k.length; j++) {
                    if (v[j] >= 0) {
                        put(k[j], v[j]);
                    }
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) ((h ^ (h >>> 29)) & mask);
        }
    }
}
