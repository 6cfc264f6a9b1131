package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import java.util.ArrayList;
import java.util.List;

/**
 * Expectation-maximisation for the Fellegi-Sunter model with fixed u probabilities (see {@link UEstimator}).
 *
 * <p>One call fits the m probabilities of the comparisons marked for estimation on a set of pairs, leaving the
 * other comparisons out of the likelihood (as Splink does for the fields of a training blocking rule, which agree
 * by construction), and optionally the share of matches among those pairs. The same routine, with nothing to
 * estimate but the share, gives the prior over all record pairs. Levels marked neutral keep {@code m = u}.
 */
public final class EmTrainer {
    private static final double SMOOTHING = 0.5;
    private static final double LN2 = Math.log(2);
    /** Weight of the reference share of duplicates in the prior, in matching pairs. */
    static final double LAMBDA_PRIOR_MATCHES = 2;

    private EmTrainer() {
    }

    /**
     * What one EM run produced.
     *
     * @param g    the difference-count factors ({@link DifferenceCount}), all 1 when not used
     * @param base the base values of the joint model ({@link DifferenceCount}), m when not used
     */
    public record Fit(double[][] m, double lambda, int iterations, boolean converged, double[] g, double[][] base,
                      List<HouseholdClass> households) {

        /** The difference-count correction fitted, for the given counted comparisons. */
        public DifferenceCount differences(int[] counted) {
            return DifferenceCount.of(counted, g, base, m);
        }
    }

    /**
     * The household classes in one EM run ({@link HouseholdClass}).
     *
     * @param start      starting (or fixed) classes
     * @param estimate   whether their level shares and shares of pairs are estimated in this run
     * @param priorPairs weight, in pairs of a class, of its {@code centers}
     * @param centers    per class, the level shares its estimate is drawn towards (the starting shares)
     */
    public record Households(List<HouseholdClass> start, boolean estimate, double priorPairs,
                             List<double[][]> centers) {
        public static final Households NONE = new Households(List.of(), false, 0, List.of());

        public Households {
            start = List.copyOf(start);
            centers = List.copyOf(centers);
        }

        /** Estimated from the given starting classes, drawn towards their shares. */
        public static Households starting(List<HouseholdClass> classes, double priorPairs) {
            return new Households(classes, true, priorPairs, classes.stream().map(HouseholdClass::h).toList());
        }

        /** Continues from an earlier fit, with the same prior. */
        public Households after(Fit fit, boolean estimateAgain) {
            return new Households(fit.households(), estimateAgain, priorPairs, centers);
        }
    }

    /**
     * The difference-count correction in one EM run.
     *
     * @param comparisons counted comparisons (empty: no correction)
     * @param start       starting (or fixed) factors
     * @param base        starting (or fixed) base values of the joint model; null: m
     * @param estimate    whether the factors are estimated in this run
     */
    public record Differences(int[] comparisons, double[] start, double[][] base, boolean estimate) {
        public static final Differences NONE = new Differences(new int[0], DifferenceCount.NONE.factors(), null,
                false);

        /** Continues from an earlier fit. */
        public static Differences after(int[] comparisons, Fit fit, boolean estimate) {
            return new Differences(comparisons, fit.g(), fit.base(), estimate);
        }
    }

    /**
     * One joint EM over candidate pairs (all comparisons estimated, pairs not in {@code counts} certain
     * non-matches), with the default starting values.
     */
    public static ModelParameters train(CompiledComparisons comparisons, PatternCounts counts, double[][] u,
                                        double totalPairs, int maxIterations, double tolerance, int recordCount) {
        int c = comparisons.count();
        boolean[] all = new boolean[c];
        java.util.Arrays.fill(all, true);
        double lambdaStart = Math.min(0.5, Math.max(1.0 / totalPairs,
                0.25 * Math.min(counts.total(), recordCount) / totalPairs));
        Fit fit = fit(comparisons, counts, u, initialM(comparisons, u, false), all, new boolean[c], lambdaStart,
                totalPairs, maxIterations, tolerance, 0, 0);
        java.util.List<java.util.List<String>> labels = new java.util.ArrayList<>();
        for (int k = 0; k < c; k++) {
            labels.add(comparisons.labels(k));
        }
        return new ModelParameters(comparisons.names(), labels, fit.m(), u, fit.lambda(), fit.iterations(),
                fit.converged());
    }

    /** Starting values without u (neutral levels not adjusted). */
    public static double[][] initialM(CompiledComparisons comparisons) {
        return initialM(comparisons, null, false);
    }

    /**
     * @param counts       comparison vectors of the pairs
     * @param u            fixed u probabilities
     * @param mStart       starting m (and the fixed m of comparisons not estimated)
     * @param estimate     per comparison: estimated here (and part of the likelihood) or left out
     * @param useFixed     per comparison not estimated: whether it still counts in the likelihood with its fixed m
     * @param lambdaStart  starting share of matches among {@code denominator} pairs
     * @param denominator  number of pairs the share refers to ({@code counts} total, or all record pairs when the
     *                     pairs not in {@code counts} are certain non-matches)
     * @param priorMatches weight of the reference m values in matching pairs (0: none)
     * @param lambdaPrior  reference share of matches, used with {@code priorMatches} (0: none)
     */
    public static Fit fit(CompiledComparisons comparisons, PatternCounts counts, double[][] u, double[][] mStart,
                          boolean[] estimate, boolean[] useFixed, double lambdaStart, double denominator,
                          int maxIterations, double tolerance, double priorMatches, double lambdaPrior) {
        return fit(comparisons, counts, u, mStart, estimate, useFixed, lambdaStart, denominator, maxIterations,
                tolerance, priorMatches, lambdaPrior, Differences.NONE);
    }

    /** As above, with the difference-count correction applied, and estimated if so marked. */
    public static Fit fit(CompiledComparisons comparisons, PatternCounts counts, double[][] u, double[][] mStart,
                          boolean[] estimate, boolean[] useFixed, double lambdaStart, double denominator,
                          int maxIterations, double tolerance, double priorMatches, double lambdaPrior,
                          Differences differences) {
        return fit(comparisons, counts, u, mStart, estimate, useFixed, lambdaStart, denominator, maxIterations,
                tolerance, priorMatches, lambdaPrior, differences, Households.NONE);
    }

    /**
     * As above, with a third class of household pairs beside matches and other pairs: a pair that can belong to one
     * household ({@link HouseholdClass#eligible(long)}) is a match, a household pair or another pair; the household
     * class is estimated if so marked (its level shares on the comparisons in the likelihood, and its share of
     * {@code denominator} pairs).
     */
    public static Fit fit(CompiledComparisons comparisons, PatternCounts counts, double[][] u, double[][] mStart,
                          boolean[] estimate, boolean[] useFixed, double lambdaStart, double denominator,
                          int maxIterations, double tolerance, double priorMatches, double lambdaPrior,
                          Differences differences, Households households) {
        int c = comparisons.count();
        double[] g = differences.start().clone();
        double[][] base = ModelParameters.deepCopy(differences.base() != null ? differences.base() : mStart);
        double[] posterior = new double[counts.size()];
        double[][] m = ModelParameters.deepCopy(mStart);
        int[] counted = differences.comparisons();
        boolean[] adjustable = new boolean[counted.length];
        for (int j = 0; j < counted.length; j++) {
            adjustable[j] = estimate[counted[j]];
        }
        boolean[][] neutral = differences.estimate() ? neutral(comparisons) : null;
        long[] patterns = counts.patterns();
        long[] n = counts.counts();
        int[][] levels = new int[patterns.length][c];
        for (int p = 0; p < patterns.length; p++) {
            for (int k = 0; k < c; k++) {
                levels[p][k] = CompiledComparisons.level(patterns[p], k);
            }
        }
        double lambda = Math.min(0.5, Math.max(lambdaStart, 1e-12));
        List<HouseholdClass> classes = households.start();
        int kinds = classes.size();
        // per pattern, a bit per household class it can belong to
        int[] eligible = new int[patterns.length];
        for (int p = 0; p < patterns.length && kinds > 0; p++) {
            for (int j = 0; j < kinds; j++) {
                eligible[p] |= classes.get(j).eligible(patterns[p]) ? 1 << j : 0;
            }
        }
        double[][][] h = new double[kinds][][];
        double[] lambdaH = new double[kinds];
        for (int j = 0; j < kinds; j++) {
            h[j] = classes.get(j).h();
            lambdaH[j] = classes.get(j).lambda();
        }
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations && !converged) {
            iteration++;
            double[][] logRatio = new double[c][];
            for (int k = 0; k < c; k++) {
                logRatio[k] = new double[m[k].length];
                if (estimate[k] || useFixed[k]) {
                    for (int l = 1; l < m[k].length; l++) {
                        logRatio[k][l] = Math.log(m[k][l] / u[k][l]);
                    }
                }
            }
            double others = 1 - lambda;
            for (double l : lambdaH) {
                others -= l;
            }
            double logPrior = Math.log(lambda / others);
            DifferenceCount correction = DifferenceCount.of(counted, g, base, m);
            double[][] agree = new double[c][];
            double[] present = new double[c];
            for (int k = 0; k < c; k++) {
                agree[k] = new double[m[k].length];
            }
            // per household class: log(h / u) by comparison and level, its prior, and its expected counts
            double[][][] logRatioH = new double[kinds][c][];
            double[][][] agreeH = new double[kinds][c][];
            double[][] presentH = new double[kinds][c];
            double[] logPriorH = new double[kinds];
            double[] expectedHouseholds = new double[kinds];
            double[] scoreH = new double[kinds];
            for (int j = 0; j < kinds; j++) {
                logPriorH[j] = Math.log(lambdaH[j] / others);
                for (int k = 0; k < c; k++) {
                    logRatioH[j][k] = new double[m[k].length];
                    agreeH[j][k] = new double[m[k].length];
                    if (estimate[k] || useFixed[k]) {
                        for (int l = 1; l < m[k].length; l++) {
                            logRatioH[j][k][l] = h[j][k][l] > 0 ? Math.log(h[j][k][l] / u[k][l])
                                    : Double.NEGATIVE_INFINITY;
                        }
                    }
                }
            }
            double expectedMatches = 0;
            for (int p = 0; p < patterns.length; p++) {
                double score = logPrior;
                int[] lv = levels[p];
                for (int k = 0; k < c; k++) {
                    score += logRatio[k][lv[k]];
                }
                if (correction.enabled()) {
                    score += correction.weight(patterns[p]) * LN2;
                }
                double w;
                int mask = eligible[p];
                if (mask != 0) {
                    // several classes: match (score), household classes (scoreH), other (0), all against "other"
                    double top = Math.max(0, score);
                    for (int j = 0; j < kinds; j++) {
                        if ((mask & (1 << j)) != 0) {
                            double sh = logPriorH[j];
                            for (int k = 0; k < c; k++) {
                                sh += logRatioH[j][k][lv[k]];
                            }
                            scoreH[j] = sh;
                            top = Math.max(top, sh);
                        }
                    }
                    double sum = Math.exp(-top) + Math.exp(score - top);
                    for (int j = 0; j < kinds; j++) {
                        if ((mask & (1 << j)) != 0) {
                            scoreH[j] = Math.exp(scoreH[j] - top);
                            sum += scoreH[j];
                        }
                    }
                    w = Math.exp(score - top) / sum;
                    for (int j = 0; j < kinds; j++) {
                        if ((mask & (1 << j)) != 0) {
                            double weightedH = scoreH[j] / sum * n[p];
                            expectedHouseholds[j] += weightedH;
                            for (int k = 0; k < c; k++) {
                                if ((estimate[k] || useFixed[k]) && lv[k] != 0) {
                                    agreeH[j][k][lv[k]] += weightedH;
                                    presentH[j][k] += weightedH;
                                }
                            }
                        }
                    }
                } else {
                    w = score > 0 ? 1.0 / (1.0 + Math.exp(-score)) : Math.exp(score) / (1.0 + Math.exp(score));
                }
                posterior[p] = w;
                double weighted = w * n[p];
                expectedMatches += weighted;
                for (int k = 0; k < c; k++) {
                    if (estimate[k] && lv[k] != 0) {
                        agree[k][lv[k]] += weighted;
                        present[k] += weighted;
                    }
                }
            }
            double newLambda;
            if (lambdaPrior > 0 && priorMatches > 0) {
                // a Beta prior worth LAMBDA_PRIOR_MATCHES matches: decisive for a file of a dozen records, a rounding
                // error for thousands
                newLambda = (expectedMatches + LAMBDA_PRIOR_MATCHES)
                        / (denominator + LAMBDA_PRIOR_MATCHES / lambdaPrior);
            } else {
                newLambda = Math.max(expectedMatches, 1e-3) / denominator;
            }
            newLambda = Math.min(newLambda, 0.5);
            double delta = Math.abs(newLambda - lambda) / lambda;
            lambda = newLambda;
            if (households.estimate()) {
                for (int j = 0; j < kinds; j++) {
                    double next = Math.min(Math.max(expectedHouseholds[j], 1e-3) / denominator, 0.5);
                    delta = Math.max(delta, Math.abs(next - lambdaH[j]) / lambdaH[j]);
                    lambdaH[j] = next;
                    for (int k = 0; k < c; k++) {
                        if ((estimate[k] || useFixed[k]) && !classes.get(j).asStrangers(k)) {
                            delta = Math.max(delta, updateH(comparisons, k, h[j][k], agreeH[j][k], presentH[j][k],
                                    u[k], households.centers().get(j)[k], households.priorPairs()));
                        }
                    }
                }
            }
            for (int k = 0; k < c; k++) {
                if (estimate[k]) {
                    delta = Math.max(delta, updateM(comparisons, k, m[k], agree[k], present[k], u[k], priorMatches));
                }
            }
            if (differences.estimate()) {
                // m now holds the level shares among matches; the joint model's base values reproduce them
                double[] next = DifferenceCount.fit(counted, adjustable, neutral, patterns, n, posterior, m, base, g,
                        priorMatches);
                for (int d = 0; d < g.length; d++) {
                    delta = Math.max(delta, Math.abs(next[d] - g[d]) / g[d]);
                }
                g = next;
            }
            converged = delta < tolerance;
        }
        List<HouseholdClass> fitted = new ArrayList<>();
        for (int j = 0; j < kinds; j++) {
            fitted.add(classes.get(j).with(h[j], lambdaH[j]));
        }
        return new Fit(m, lambda, iteration, converged, g, base, fitted);
    }

    /**
     * M-step for the household shares of one comparison, drawn towards {@code center} by {@code prior} household
     * pairs; neutral levels keep {@code h = u} (weight 0 against households too). Returns the largest change.
     */
    private static double updateH(CompiledComparisons comparisons, int k, double[] h, double[] agree, double present,
                                  double[] u, double[] center, double prior) {
        double neutralMass = 0;
        double neutralU = 0;
        double centerFree = 0;
        for (int l = 1; l < h.length; l++) {
            if (comparisons.isNeutral(k, l)) {
                neutralMass += agree[l];
                neutralU += u[l];
            } else {
                centerFree += center[l];
            }
        }
        double estimated = present - neutralMass;
        double delta = 0;
        for (int l = 1; l < h.length; l++) {
            double v;
            if (comparisons.isNeutral(k, l)) {
                v = u[l];
            } else {
                double c = centerFree > 0 ? center[l] / centerFree : 0;
                v = (1 - neutralU) * (agree[l] + prior * c) / (estimated + prior);
            }
            delta = Math.max(delta, Math.abs(v - h[l]));
            h[l] = v;
        }
        return delta;
    }

    private static boolean[][] neutral(CompiledComparisons comparisons) {
        boolean[][] out = new boolean[comparisons.count()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = new boolean[comparisons.levelCount(k)];
            for (int l = 1; l < out[k].length; l++) {
                out[k][l] = comparisons.isNeutral(k, l);
            }
        }
        return out;
    }

    /** M-step for one comparison; returns the largest change. */
    private static double updateM(CompiledComparisons comparisons, int k, double[] m, double[] agree, double present,
                                  double[] u, double priorMatches) {
        int levels = m.length;
        double neutralMass = 0;
        double neutralU = 0;
        for (int l = 1; l < levels; l++) {
            if (comparisons.isNeutral(k, l)) {
                neutralMass += agree[l];
                neutralU += u[l];
            }
        }
        double estimated = present - neutralMass;
        double[] ref = priorMatches > 0 ? comparisons.referenceM(k) : null;
        double refNeutral = 0;
        if (ref != null) {
            for (int l = 1; l < levels; l++) {
                refNeutral += comparisons.isNeutral(k, l) ? ref[l] : 0;
            }
        }
        double delta = 0;
        for (int l = 1; l < levels; l++) {
            double v;
            if (comparisons.isNeutral(k, l)) {
                v = u[l]; // weight 0 by design
            } else if (ref != null) {
                // the reference counts as priorMatches matching pairs
                double prior = ref[l] / (1 - refNeutral);
                v = (1 - neutralU) * (agree[l] + priorMatches * prior) / (estimated + priorMatches);
            } else {
                v = (1 - neutralU) * (agree[l] + SMOOTHING) / (estimated + SMOOTHING * (levels - 1));
            }
            delta = Math.max(delta, Math.abs(v - m[l]));
            m[l] = v;
        }
        return delta;
    }

    /** Starting values: most matches agree at the strongest level, few fall into "else"; neutral levels m = u. */
    public static double[][] initialM(CompiledComparisons comparisons, double[][] u, boolean useReference) {
        int c = comparisons.count();
        double[][] m = new double[c][];
        for (int k = 0; k < c; k++) {
            int levels = comparisons.levelCount(k);
            double[] ref = comparisons.referenceM(k);
            if (useReference && ref != null) {
                m[k] = ref.clone();
                continue;
            }
            m[k] = new double[levels];
            int explicit = levels - 2;
            if (explicit == 1) {
                m[k][1] = 0.98;
                m[k][2] = 0.02;
            } else {
                m[k][1] = 0.8;
                double rest = 0.18;
                double share = 0;
                for (int l = 2; l < levels - 1; l++) {
                    share += Math.pow(0.6, l - 2);
                }
                for (int l = 2; l < levels - 1; l++) {
                    m[k][l] = rest * Math.pow(0.6, l - 2) / share;
                }
                m[k][levels - 1] = 0.02;
            }
        }
        for (int k = 0; k < c && u != null; k++) {
            double neutralU = 0;
            for (int l = 1; l < m[k].length; l++) {
                if (comparisons.isNeutral(k, l)) {
                    neutralU += u[k][l];
                }
            }
            for (int l = 1; l < m[k].length; l++) {
                m[k][l] = comparisons.isNeutral(k, l) ? u[k][l] : m[k][l] * (1 - neutralU);
            }
        }
        return m;
    }
}
