package de.grw.matching.compare;

import java.util.Arrays;

/**
 * Computes comparison vectors like {@link CompiledComparisons#pattern(int, int)}, remembering each comparison's
 * outcome per pair of distinct values: names, birth dates and places repeat across records, so the costly tests
 * (edit distances, Jaro-Winkler, phonetic and date tests) of a pair of values such as {@code anna}/{@code anne} run
 * once, not once per pair of records carrying them.
 *
 * <p>What is remembered is, per comparison, the first level among the tests that read only the comparison's first
 * field ("value tests"), keyed by the two values' dictionary ids; this is a pure function of the two values because a
 * level test reads only the fields it names ({@link LevelTest#fields()}). Tests that read further fields (a swap of
 * given and family name, a family name against a birth name) are run per record pair as before, only those whose
 * level comes before the remembered one, in level order. So the level is exactly the one
 * {@link CompiledComparisons#level(int, int, int)} gives: the first level whose test passes.
 *
 * <p>The memory is a direct-mapped table per comparison (a newer pair of values displaces an older one with the
 * same slot): fixed size, no allocation per pair. One comparer per thread; not thread-safe.
 */
public final class PairComparer {
    /** Slots per remembered comparison: 2^16 (a key and a level each, 576 KB per comparison). */
    static final int BITS = 16;
    private static final long EMPTY = -1L;

    private final CompiledComparisons comparisons;
    private final long[][] keys;
    private final byte[][] levels;

    PairComparer(CompiledComparisons comparisons) {
        this.comparisons = comparisons;
        int n = comparisons.count();
        keys = new long[n][];
        levels = new byte[n][];
        for (int c = 0; c < n; c++) {
            if (comparisons.memoField(c) != null) {
                keys[c] = new long[1 << BITS];
                Arrays.fill(keys[c], EMPTY);
                levels[c] = new byte[1 << BITS];
            }
        }
    }

    /** The packed comparison vector of a pair, as {@link CompiledComparisons#pattern(int, int)}. */
    public long pattern(int a, int b) {
        long p = 0;
        for (int c = 0; c < keys.length; c++) {
            p |= ((long) level(c, a, b)) << (4 * c);
        }
        return p;
    }

    /** The level of one comparison for a pair, as {@link CompiledComparisons#level(int, int, int)}. */
    public int level(int c, int a, int b) {
        long[] k = keys[c];
        if (k == null) {
            return comparisons.level(c, a, b);
        }
        if (!comparisons.comparable(c, a, b)) {
            return CompiledComparisons.MISSING;
        }
        de.grw.matching.data.PreparedField f = comparisons.memoField(c);
        int ia = f.id(a);
        int ib = f.id(b);
        if (ia < 0 || ib < 0 || ia == ib) {
            // a missing value on one side (another field made the pair comparable), or equal values: the tests
            // decide at once
            return comparisons.levelOfTests(c, a, b);
        }
        long key = ((long) ia << 32) | ib;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
        int valueLevel;
        if (k[slot] == key) {
            valueLevel = levels[c][slot];
        } else {
            valueLevel = comparisons.levelOfValueTests(c, a, b);
            k[slot] = key;
            levels[c][slot] = (byte) valueLevel;
        }
        return comparisons.levelOfOtherTests(c, a, b, valueLevel);
    }
}
