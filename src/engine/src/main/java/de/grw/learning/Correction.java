package de.grw.learning;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.model.HouseholdClass;
import de.grw.matching.model.ModelParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * What the labels taught: a correction in bits of the prior and of each comparison level's weight, added to the
 * unsupervised model's weight of a pair ({@code w' = w + delta_0 + sum_k delta_k(level_k)}), with its posterior
 * covariance (how sure the labels make it, which {@link ActiveLearning} asks about).
 *
 * <p>Levels whose weight is 0 by design (neutral levels, {@code m = u}) and missing values get no correction. The
 * correction is folded into an ordinary {@link ModelParameters} ({@link #applyTo}) so that scoring, explanations and
 * the stored model stay as they are: the m of a level is multiplied by {@code 2^delta} (its weight against other
 * pairs and against each household class rises by {@code delta}, since the household weight is
 * {@code -log2(2^-a + 2^-b)}, which moves with both), and the shares of matches, household and other pairs are
 * rescaled so that every prior weight rises by {@code delta_0}. The corrected m are weights, not shares: they need not
 * add up to 1.
 */
public final class Correction {
    private final List<String> comparisons;
    private final List<List<String>> labels;
    /** Per comparison and level, the feature index, or -1 (missing, neutral). Feature 0 is the prior. */
    private final int[][] index;
    private final double[] delta;
    private final double[][] covariance;
    private final int matches;
    private final int nonMatches;

    Correction(List<String> comparisons, List<List<String>> labels, int[][] index, double[] delta,
               double[][] covariance, int matches, int nonMatches) {
        this.comparisons = List.copyOf(comparisons);
        this.labels = labels.stream().map(List::copyOf).toList();
        this.index = index;
        this.delta = delta.clone();
        this.covariance = covariance;
        this.matches = matches;
        this.nonMatches = nonMatches;
    }

    /** The feature layout of a model: one feature for the prior, one per level that carries evidence. */
    static int[][] layout(ModelParameters model) {
        double[][] m = model.m();
        double[][] u = model.u();
        int[][] index = new int[m.length][];
        int next = 1;
        for (int k = 0; k < m.length; k++) {
            index[k] = new int[m[k].length];
            index[k][0] = -1;
            for (int l = 1; l < m[k].length; l++) {
                index[k][l] = m[k][l] == u[k][l] ? -1 : next++;
            }
        }
        return index;
    }

    static int dimension(int[][] index) {
        int d = 1;
        for (int[] row : index) {
            for (int i : row) {
                d = Math.max(d, i + 1);
            }
        }
        return d;
    }

    /** The features a comparison vector switches on (the prior first). */
    int[] features(long pattern) {
        return features(index, pattern);
    }

    static int[] features(int[][] index, long pattern) {
        int[] out = new int[index.length + 1];
        int n = 0;
        out[n++] = 0;
        for (int k = 0; k < index.length; k++) {
            int level = CompiledComparisons.level(pattern, k);
            if (level < index[k].length && index[k][level] >= 0) {
                out[n++] = index[k][level];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The correction of a pair's weight, in bits. */
    public double bits(long pattern) {
        double s = 0;
        for (int f : features(pattern)) {
            s += delta[f];
        }
        return s;
    }

    /** The posterior variance of {@link #bits}, in bits squared. */
    public double variance(long pattern) {
        int[] x = features(pattern);
        double v = 0;
        for (int a : x) {
            for (int b : x) {
                v += covariance[a][b];
            }
        }
        return v;
    }

    /** The correction of the prior, in bits. */
    public double prior() {
        return delta[0];
    }

    /** The correction of a level's weight, in bits (0 for a level without one). */
    public double level(int comparison, int level) {
        int f = index[comparison][level];
        return f < 0 ? 0 : delta[f];
    }

    /** Matches among the labels it was fitted on. */
    public int matches() {
        return matches;
    }

    /** Non-matches among the labels it was fitted on. */
    public int nonMatches() {
        return nonMatches;
    }

    int dimension() {
        return delta.length;
    }

    double[][] covariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = covariance[i].clone();
        }
        return out;
    }

    int[][] index() {
        return index;
    }

    /** The unsupervised model with this correction folded in (see the class comment). */
    public ModelParameters applyTo(ModelParameters base) {
        double[][] m = base.m();
        for (int k = 0; k < m.length; k++) {
            for (int l = 1; l < m[k].length; l++) {
                m[k][l] *= Math.pow(2, level(k, l));
            }
        }
        double lift = Math.pow(2, delta[0]);
        double lambda = base.lambda();
        double scale = 1 / (1 + lambda * (lift - 1));
        List<HouseholdClass> households = new ArrayList<>();
        for (HouseholdClass h : base.households()) {
            households.add(h.with(h.h(), h.lambda() * scale));
        }
        return new ModelParameters(base.comparisons(), base.labels(), m, base.u(), lambda * lift * scale,
                base.iterations(), base.converged(), base.differences(), households);
    }

    /** A readable table: the prior's and every level's correction that moved by at least 0.05 bits. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "labels: %d matches, %d non-matches; prior %+.2f bits",
                matches, nonMatches, delta[0]));
        for (int k = 0; k < index.length; k++) {
            for (int l = 1; l < index[k].length; l++) {
                int f = index[k][l];
                if (f >= 0 && Math.abs(delta[f]) >= 0.05) {
                    lines.add(String.format(java.util.Locale.ROOT, "  %-20s %-28s %+.2f bits (sd %.2f)",
                            comparisons.get(k), labels.get(k).get(l), delta[f], Math.sqrt(covariance[f][f])));
                }
            }
        }
        return lines;
    }
}
