package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many of a pair's personal attributes differ at once, as evidence of its own.
 *
 * <p>The Fellegi-Sunter model treats the comparisons of a true duplicate as independent: a typo in the given name
 * makes a wrong birth date neither more nor less likely. Registers often break that assumption. When a duplicate
 * arises from one mistyped attribute, two attributes rarely differ at the same time; when it arises from a sloppy
 * old record, several do. Among matches, this class replaces the product of the counted comparisons' level shares
 * by a joint distribution, in the spirit of Winkler's interaction models:
 * <pre>
 *   P(levels | match) = prod_k b_k(level_k) * g(c) / Z(S)
 * </pre>
 * where {@code c} is the number of counted comparisons that are present and not at their first (agreeing) level,
 * {@code Z(S)} normalises for each set {@code S} of comparisons present, and the base values {@code b_k} and
 * factors {@code g(c)} are fitted without labels, in the EM's M-step, so that the model reproduces both the level
 * shares among matches ({@code m}) and the share of matches with {@code c} differences (iterative proportional
 * fitting). For non-matches the comparisons stay independent: two namesakes' birth dates have nothing to do with
 * each other.
 *
 * <p>{@code g(0) = g(1) = 1}: a factor that grows or shrinks evenly with the count says nothing the base values
 * cannot, so only what two or more differences add beyond it is learnt. {@code g} is kept at or below 1 and
 * non-increasing: the correction learns that differences come together among matches <em>less</em> often than
 * independence predicts, never more, so it cannot raise a pair with several differences, the kind false merges
 * are made of. Where differences do come together, the plain model stays. The count distribution is drawn towards
 * the independent model by a prior worth a given number of matching pairs, so a small file keeps the plain model.
 * Counts above {@link #MAX} share the last class.
 *
 * <p>The explanation keeps each comparison's own weight {@code log2(m / u)}; this class contributes one more line,
 * the difference between the joint and the independent model for the pair's levels:
 * {@code log2(prod_k b_k / prod_k m_k * g(c) / Z(S))}. It depends only on which counted comparisons differ.
 */
public final class DifferenceCount implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Name of the explanation line. */
    public static final String NAME = "differences";
    /** The last count class: this many differences or more. */
    public static final int MAX = 3;
    private static final int MAX_SWEEPS = 200;
    /** No correction. */
    public static final DifferenceCount NONE = new DifferenceCount(new int[0], ones(), new double[0],
            new double[0], new double[1]);

    private final int[] comparisons;
    private final double[] g;
    /** Per counted comparison: {@code log2(b / m)} when it agrees (first level). */
    private final double[] agreeBits;
    /** Per counted comparison: {@code log2(b / m)} when it differs (the same for every later level). */
    private final double[] differBits;
    /** log2 Z(S) by presence mask over {@link #comparisons}. */
    private final double[] log2Z;

    private DifferenceCount(int[] comparisons, double[] g, double[] agreeBits, double[] differBits, double[] log2Z) {
        this.comparisons = comparisons;
        this.g = g;
        this.agreeBits = agreeBits;
        this.differBits = differBits;
        this.log2Z = log2Z;
    }

    /**
     * @param comparisons indices of the counted comparisons (at most 16)
     * @param g           factor per count class {@code 0..MAX}
     * @param base        base values {@code b} of the joint model, per comparison and level
     * @param m           level shares among matches (the model's m)
     */
    public static DifferenceCount of(int[] comparisons, double[] g, double[][] base, double[][] m) {
        if (comparisons.length == 0) {
            return NONE;
        }
        if (comparisons.length > 16 || g.length != MAX + 1) {
            throw new IllegalArgumentException("at most 16 comparisons and " + (MAX + 1) + " factors");
        }
        double[][] independent = independent(comparisons, base);
        double[] log2Z = new double[independent.length];
        for (int mask = 1; mask < independent.length; mask++) {
            double z = 0;
            for (int c = 0; c <= MAX; c++) {
                z += g[c] * independent[mask][c];
            }
            log2Z[mask] = ModelParameters.log2(z);
        }
        double[] agree = new double[comparisons.length];
        double[] differ = new double[comparisons.length];
        for (int j = 0; j < comparisons.length; j++) {
            double[] b = base[comparisons[j]];
            double[] mk = m[comparisons[j]];
            agree[j] = ModelParameters.log2(b[1] / mk[1]);
            differ[j] = ModelParameters.log2((1 - b[1]) / (1 - mk[1]));
        }
        return new DifferenceCount(comparisons.clone(), g.clone(), agree, differ, log2Z);
    }

    public boolean enabled() {
        return comparisons.length > 0;
    }

    /** The correction factors per count class. */
    public double[] factors() {
        return g.clone();
    }

    /** Indices of the counted comparisons. */
    public int[] comparisons() {
        return comparisons.clone();
    }

    /** The correction in bits for a comparison vector; 0 when none of the counted comparisons is present. */
    public double weight(long pattern) {
        // one pass: this runs for every candidate pair
        int mask = 0;
        int differing = 0;
        double w = 0;
        for (int j = 0; j < comparisons.length; j++) {
            int level = CompiledComparisons.level(pattern, comparisons[j]);
            if (level == 1) {
                mask |= 1 << j;
                w += agreeBits[j];
            } else if (level > 1) {
                mask |= 1 << j;
                differing++;
                w += differBits[j];
            }
        }
        return mask == 0 ? 0.0 : w + ModelParameters.log2(g[Math.min(differing, MAX)]) - log2Z[mask];
    }

    /** Whether any counted comparison is present in the vector. */
    public boolean applies(long pattern) {
        return enabled() && mask(comparisons, pattern) != 0;
    }

    /** The count class of a vector, as a level label ({@code differences_0} ... {@code differences_3_or_more}). */
    public String label(long pattern) {
        return label(count(comparisons, pattern));
    }

    /** Label of a count class. */
    public static String label(int countClass) {
        return NAME + "_" + countClass + (countClass == MAX ? "_or_more" : "");
    }

    /**
     * The M-step of the joint model, by iterative proportional fitting: adjusts the base m of the counted
     * comparisons marked {@code adjustable} and the factors {@code g} until the model reproduces the level shares
     * among matches that EM has just estimated ({@code m}, left as it is) and the posterior distribution of the
     * count, drawn towards the independent model by {@code priorMatches} pseudo-matches; {@code g} stays
     * non-increasing.
     *
     * @param neutral   per comparison and level: kept at its value (a level that carries no evidence)
     * @param posterior match probability of each pattern under the current model
     * @param m         the level shares among matches, the target
     * @param base      base values, the starting point; replaced by the fitted ones
     * @return the new factors
     */
    static double[] fit(int[] comparisons, boolean[] adjustable, boolean[][] neutral, long[] patterns, long[] n,
                        double[] posterior, double[][] m, double[][] base, double[] gStart, double priorMatches) {
        int size = comparisons.length;
        double[] maskWeight = new double[1 << size];
        double[] observed = new double[MAX + 1];
        double total = 0;
        for (int p = 0; p < patterns.length; p++) {
            int mask = mask(comparisons, patterns[p]);
            if (mask == 0) {
                continue;
            }
            double w = posterior[p] * n[p];
            maskWeight[mask] += w;
            observed[count(comparisons, patterns[p])] += w;
            total += w;
        }
        if (!(total > 0)) {
            return ones();
        }
        double[] targetCount = new double[MAX + 1];
        double[][] independent = independent(comparisons, m);
        for (int mask = 1; mask < maskWeight.length; mask++) {
            for (int c = 0; c <= MAX; c++) {
                targetCount[c] += maskWeight[mask] * independent[mask][c];
            }
        }
        for (int c = 0; c <= MAX; c++) {
            targetCount[c] = (observed[c] + priorMatches * targetCount[c] / total) / (total + priorMatches);
        }
        double[] g = gStart.clone();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int j = 0; j < size; j++) {
                if (adjustable[j]) {
                    change = Math.max(change, fitComparison(comparisons, j, neutral[comparisons[j]], maskWeight,
                            base, g, m[comparisons[j]]));
                }
            }
            double[] modelCount = modelCounts(comparisons, maskWeight, base, g, total);
            // g(0) = g(1) = 1: a factor linear in the count would only trade places with the base values
            double[] value = new double[MAX - 1];
            double[] weight = new double[MAX - 1];
            for (int c = 2; c <= MAX; c++) {
                value[c - 2] = modelCount[c] > 0 ? g[c] * targetCount[c] / modelCount[c] : g[c];
                weight[c - 2] = modelCount[c];
            }
            double[] pooled = nonIncreasing(value, weight);
            double[] next = ones();
            for (int c = 2; c <= MAX; c++) {
                next[c] = Math.min(1.0, pooled[c - 2]);
                change = Math.max(change, Math.abs(next[c] - g[c]) / g[c]);
            }
            g = next;
            if (change < 1e-7) {
                break;
            }
        }
        return g;
    }

    /** One proportional-fitting step for comparison {@code j}; returns the largest relative change of its m. */
    private static double fitComparison(int[] comparisons, int j, boolean[] neutral, double[] maskWeight,
                                        double[][] m, double[] g, double[] target) {
        double[] mk = m[comparisons[j]];
        double agreeFactor = 0;
        double differFactor = 0;
        double weight = 0;
        for (int mask = 1; mask < maskWeight.length; mask++) {
            if (maskWeight[mask] <= 0 || (mask & (1 << j)) == 0) {
                continue;
            }
            double[] others = independent(comparisons, m, mask & ~(1 << j));
            double agree = 0;
            double differ = 0;
            for (int c = 0; c <= MAX; c++) {
                agree += g[c] * others[c];
                differ += g[Math.min(c + 1, MAX)] * others[c];
            }
            double z = mk[1] * agree + (1 - mk[1]) * differ;
            agreeFactor += maskWeight[mask] * agree / z;
            differFactor += maskWeight[mask] * differ / z;
            weight += maskWeight[mask];
        }
        if (weight <= 0) {
            return 0;
        }
        agreeFactor /= weight;
        differFactor /= weight;
        double[] next = mk.clone();
        double fixed = 0;
        double free = 0;
        for (int l = 1; l < mk.length; l++) {
            if (neutral[l]) {
                fixed += mk[l];
            } else {
                next[l] = target[l] / (l == 1 ? agreeFactor : differFactor);
                free += next[l];
            }
        }
        double change = 0;
        for (int l = 1; l < mk.length; l++) {
            if (!neutral[l]) {
                next[l] = Math.max(next[l] * (1 - fixed) / free, 1e-9);
                change = Math.max(change, Math.abs(next[l] - mk[l]) / mk[l]);
            }
        }
        System.arraycopy(next, 0, mk, 0, mk.length);
        return change;
    }

    /** Share of each count class among matches under the joint model, over the presence masks seen. */
    private static double[] modelCounts(int[] comparisons, double[] maskWeight, double[][] m, double[] g,
                                        double total) {
        double[] out = new double[MAX + 1];
        for (int mask = 1; mask < maskWeight.length; mask++) {
            if (maskWeight[mask] <= 0) {
                continue;
            }
            double[] dist = independent(comparisons, m, mask);
            double z = 0;
            for (int c = 0; c <= MAX; c++) {
                z += g[c] * dist[c];
            }
            for (int c = 0; c <= MAX; c++) {
                out[c] += maskWeight[mask] * g[c] * dist[c] / z / total;
            }
        }
        return out;
    }

    /** Pool-adjacent-violators: the weighted least-squares non-increasing fit; classes without weight follow. */
    static double[] nonIncreasing(double[] value, double[] weight) {
        int k = value.length;
        double[] blockValue = new double[k];
        double[] blockWeight = new double[k];
        int[] blockEnd = new int[k];
        int blocks = 0;
        for (int i = 0; i < k; i++) {
            if (!(weight[i] > 0)) {
                continue;
            }
            blockValue[blocks] = value[i];
            blockWeight[blocks] = weight[i];
            blockEnd[blocks] = i;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] < blockValue[blocks - 1]) {
                double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / w;
                blockWeight[blocks - 2] = w;
                blockEnd[blocks - 2] = blockEnd[blocks - 1];
                blocks--;
            }
        }
        double[] out = ones();
        if (blocks == 0) {
            return out;
        }
        // a class belongs to the block that ends at or after it; one without weight after a block's end takes the
        // value of the block on its left (the milder one)
        int b = 0;
        for (int i = 0; i < k; i++) {
            boolean weighted = weight[i] > 0;
            while (b < blocks - 1 && i > blockEnd[b] && (weighted || hasWeightBetween(weight, blockEnd[b] + 1, i))) {
                b++;
            }
            out[i] = Math.max(blockValue[b], 1e-6);
        }
        return out;
    }

    private static boolean hasWeightBetween(double[] weight, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (weight[i] > 0) {
                return true;
            }
        }
        return false;
    }

    /** The count distribution (classes {@code 0..MAX}) of independent matches, for each presence mask. */
    private static double[][] independent(int[] comparisons, double[][] m) {
        double[][] out = new double[1 << comparisons.length][];
        for (int mask = 0; mask < out.length; mask++) {
            out[mask] = independent(comparisons, m, mask);
        }
        return out;
    }

    /** The count distribution of independent matches over the comparisons in {@code mask}. */
    private static double[] independent(int[] comparisons, double[][] m, int mask) {
        double[] dist = new double[MAX + 1];
        dist[0] = 1;
        for (int j = 0; j < comparisons.length; j++) {
            if ((mask & (1 << j)) == 0) {
                continue;
            }
            double differs = 1 - m[comparisons[j]][1];
            for (int c = MAX; c >= 0; c--) {
                double stay = c == MAX ? dist[c] : dist[c] * (1 - differs);
                double in = c == 0 ? 0 : dist[c - 1] * differs;
                dist[c] = stay + in;
            }
        }
        return dist;
    }

    private static int mask(int[] comparisons, long pattern) {
        int mask = 0;
        for (int j = 0; j < comparisons.length; j++) {
            if (CompiledComparisons.level(pattern, comparisons[j]) != 0) {
                mask |= 1 << j;
            }
        }
        return mask;
    }

    private static int count(int[] comparisons, long pattern) {
        int c = 0;
        for (int comparison : comparisons) {
            if (CompiledComparisons.level(pattern, comparison) > 1) {
                c++;
            }
        }
        return Math.min(c, MAX);
    }

    private static double[] ones() {
        double[] g = new double[MAX + 1];
        Arrays.fill(g, 1.0);
        return g;
    }

    /** The stored form (in the workspace's record of a match run): indices refer to the model's comparisons. */
    @JsonValue
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("comparisons", comparisons.clone());
        out.put("factors", g.clone());
        out.put("agreeBits", agreeBits.clone());
        out.put("differBits", differBits.clone());
        return out;
    }

    @Override
    public String toString() {
        return "DifferenceCount" + Arrays.toString(g);
    }
}
