package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedField;

/**
 * The scorer's weights for the pairs of a run whose comparison vectors are numbered ({@link PairPatterns}): millions
 * of pairs share thousands of distinct vectors, and everything of a pair's weight but its term frequencies depends on
 * the vector alone — each level's weight, the household alternatives ({@code log2} and {@code 2^x} per class) and the
 * difference-count correction. Those are computed here once per distinct vector; a vector without a
 * term-frequency-adjusted level has its whole weight computed once. Per pair there remain the term frequencies of
 * the two records' values, looked up in a table by count instead of computing a logarithm per pair.
 *
 * <p>The weights are those of {@link Scorer#weight} bit for bit: the same additions in the same order, the same
 * formula for each term frequency (the table holds what {@link Scorer} computes for each count), the household
 * alternatives combined in the same order. Thread-safe once built (read only).
 */
public final class PatternScorer {
    /** Counts up to this many (exclusive) have their term-frequency adjustment in a table; larger ones compute it. */
    static final int TABLE_COUNTS = 1 << 16;

    private final Scorer scorer;
    /** Per vector: whether its weight is {@link #fixed} (no term-frequency level is present). */
    private final boolean[] isFixed;
    private final double[] fixed;
    /** Per vector: its present comparisons' terms {@code termStart[p] .. termStart[p+1]-1}. */
    private final int[] termStart;
    /** Per term: the level's weight {@code log2(m/u)}. */
    private final double[] termWeight;
    /** Per term: its term-frequency slot, or -1 for a level without term frequencies. */
    private final int[] termSlot;
    /** Per vector: the weights against the household classes it is eligible for, in class order. */
    private final int[] householdStart;
    private final double[] householdWeight;
    /** Per vector: the difference-count correction. */
    private final double[] correction;
    /** Per term-frequency slot (a comparison's level with term frequencies): its field, u, and table by count. */
    private final PreparedField[] slotField;
    private final double[] slotU;
    private final double[][] slotByCount;

    PatternScorer(Scorer scorer, long[] patterns) {
        this(scorer, patterns, TABLE_COUNTS);
    }

    /** @param tableCounts counts below this have their term-frequency adjustment in a table (tests: a small one) */
    PatternScorer(Scorer scorer, long[] patterns, int tableCounts) {
        this.scorer = scorer;
        CompiledComparisons comparisons = scorer.comparisons();
        int comparisonCount = scorer.comparisonCount();
        int n = patterns.length;
        isFixed = new boolean[n];
        fixed = new double[n];
        termStart = new int[n + 1];
        householdStart = new int[n + 1];
        correction = new double[n];
        int[][] slotOf = new int[comparisonCount][];
        java.util.List<PreparedField> fields = new java.util.ArrayList<>();
        java.util.List<Double> us = new java.util.ArrayList<>();
        int terms = 0;
        int households = 0;
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < comparisonCount; c++) {
                if (CompiledComparisons.level(patterns[p], c) != 0) {
                    terms++;
                }
            }
            households += scorer.eligibleClasses(patterns[p]);
        }
        termWeight = new double[terms];
        termSlot = new int[terms];
        householdWeight = new double[households];
        int t = 0;
        int h = 0;
        for (int p = 0; p < n; p++) {
            long pattern = patterns[p];
            termStart[p] = t;
            boolean anyTf = false;
            for (int c = 0; c < comparisonCount; c++) {
                int level = CompiledComparisons.level(pattern, c);
                if (level == 0) {
                    continue;
                }
                termWeight[t] = scorer.levelWeight(c, level);
                int slot = -1;
                PreparedField f = comparisons.tfField(c, level);
                if (f != null) {
                    if (slotOf[c] == null) {
                        slotOf[c] = new int[comparisons.levelCount(c)];
                        java.util.Arrays.fill(slotOf[c], -1);
                    }
                    if (slotOf[c][level] < 0) {
                        slotOf[c][level] = fields.size();
                        fields.add(f);
                        us.add(scorer.model().u(c, comparisons.tfReferenceLevel(c, level)));
                    }
                    slot = slotOf[c][level];
                    anyTf = true;
                }
                termSlot[t] = slot;
                t++;
            }
            householdStart[p] = h;
            h = scorer.householdWeights(pattern, householdWeight, h);
            correction[p] = scorer.correction(pattern);
            if (!anyTf) {
                // no level reads the records: any two records give the same weight
                isFixed[p] = true;
                fixed[p] = scorer.weight(pattern, 0, 0);
            }
        }
        termStart[n] = t;
        householdStart[n] = h;
        int slots = fields.size();
        slotField = fields.toArray(new PreparedField[0]);
        slotU = new double[slots];
        slotByCount = new double[slots][];
        for (int s = 0; s < slots; s++) {
            slotU[s] = us.get(s);
            PreparedField f = slotField[s];
            int max = 0;
            for (int id = 0; id < f.distinctCount(); id++) {
                max = Math.max(max, f.count(id));
            }
            double[] table = new double[Math.min(max, tableCounts - 1) + 1];
            for (int count = 0; count < table.length; count++) {
                table[count] = scorer.tfAdjustment(slotU[s], count, f.presentCount());
            }
            slotByCount[s] = table;
        }
    }

    /** Number of distinct vectors. */
    public int size() {
        return isFixed.length;
    }

    /** Whether vector {@code p}'s weight was computed once for all its pairs (no term frequencies). */
    boolean fixedWeight(int p) {
        return isFixed[p];
    }

    /** The match weight of records {@code a} and {@code b}, whose comparison vector is number {@code p}. */
    public double weight(int p, int a, int b) {
        if (isFixed[p]) {
            return fixed[p];
        }
        double w = scorer.priorWeight();
        for (int t = termStart[p], end = termStart[p + 1]; t < end; t++) {
            int slot = termSlot[t];
            w += termWeight[t] + (slot < 0 ? 0.0 : tf(slot, a, b));
        }
        for (int h = householdStart[p], end = householdStart[p + 1]; h < end; h++) {
            w = Scorer.combine(w, householdWeight[h]);
        }
        return w + correction[p];
    }

    /** {@link Scorer}'s term-frequency adjustment of a slot's level for the two records. */
    private double tf(int slot, int a, int b) {
        PreparedField f = slotField[slot];
        int ia = f.id(a);
        int ib = f.id(b);
        if (ia < 0 || f.presentCount() == 0) {
            return 0.0;
        }
        int count = ib < 0 ? f.count(ia) : Math.max(f.count(ia), f.count(ib));
        double[] table = slotByCount[slot];
        return count < table.length ? table[count] : scorer.tfAdjustment(slotU[slot], count, f.presentCount());
    }
}
