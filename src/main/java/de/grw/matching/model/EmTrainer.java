package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates the m probabilities and the prior by expectation-maximisation, without labels.
 *
 * <p>The model is fitted over all record pairs, not only the candidates: the u probabilities are fixed from random
 * pairs (see {@link UEstimator}), and pairs that blocking did not propose are treated as certain non-matches, so
 * they add nothing to the m estimates and count only in the denominator of the prior. This keeps the estimates
 * free of the bias that blocking puts into the candidate set (where non-matches agree on the blocked fields far
 * more often than random pairs do).
 */
public final class EmTrainer {
    private static final double SMOOTHING = 0.5;

    private EmTrainer() {
    }

    /**
     * @param counts     comparison vectors of the candidate pairs
     * @param u          fixed u probabilities
     * @param totalPairs number of all record pairs the run considers
     */
    public static ModelParameters train(CompiledComparisons comparisons, PatternCounts counts, double[][] u,
                                        double totalPairs, int maxIterations, double tolerance, int recordCount) {
        int c = comparisons.count();
        double[][] m = initialM(comparisons);
        for (int k = 0; k < c; k++) {
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
        long candidates = counts.total();
        double startShare = Double.parseDouble(System.getProperty("grw.em.start", "0.25"));
        double lambda = Math.min(0.5, Math.max(1.0 / totalPairs, startShare * Math.min(candidates, recordCount)
                / totalPairs));
        long[] patterns = counts.patterns();
        long[] n = counts.counts();
        int[][] levels = new int[patterns.length][c];
        for (int p = 0; p < patterns.length; p++) {
            for (int k = 0; k < c; k++) {
                levels[p][k] = CompiledComparisons.level(patterns[p], k);
            }
        }
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations && !converged) {
            iteration++;
            double[][] logRatio = new double[c][];
            for (int k = 0; k < c; k++) {
                logRatio[k] = new double[m[k].length];
                for (int l = 1; l < m[k].length; l++) {
                    logRatio[k][l] = Math.log(m[k][l] / u[k][l]);
                }
            }
            double logPrior = Math.log(lambda / (1 - lambda));
            double[][] agree = new double[c][];
            double[] present = new double[c];
            for (int k = 0; k < c; k++) {
                agree[k] = new double[m[k].length];
            }
            double expectedMatches = 0;
            for (int p = 0; p < patterns.length; p++) {
                double score = logPrior;
                int[] lv = levels[p];
                for (int k = 0; k < c; k++) {
                    score += logRatio[k][lv[k]];
                }
                double w = score > 0 ? 1.0 / (1.0 + Math.exp(-score)) : Math.exp(score) / (1.0 + Math.exp(score));
                double weighted = w * n[p];
                expectedMatches += weighted;
                for (int k = 0; k < c; k++) {
                    if (lv[k] != 0) {
                        agree[k][lv[k]] += weighted;
                        present[k] += weighted;
                    }
                }
            }
            double newLambda = Math.max(expectedMatches, 1.0) / totalPairs;
            double delta = Math.abs(newLambda - lambda) / lambda;
            for (int k = 0; k < c; k++) {
                int levelsK = m[k].length;
                double neutralMass = 0;
                double neutralU = 0;
                for (int l = 1; l < levelsK; l++) {
                    if (comparisons.isNeutral(k, l)) {
                        neutralMass += agree[k][l];
                        neutralU += u[k][l];
                    }
                }
                double estimated = present[k] - neutralMass;
                for (int l = 1; l < levelsK; l++) {
                    double v;
                    if (comparisons.isNeutral(k, l)) {
                        v = u[k][l]; // weight 0 by design
                    } else {
                        v = (1 - neutralU) * (agree[k][l] + SMOOTHING) / (estimated + SMOOTHING * (levelsK - 1));
                    }
                    delta = Math.max(delta, Math.abs(v - m[k][l]));
                    m[k][l] = v;
                }
            }
            lambda = Math.min(newLambda, 0.5);
            converged = delta < tolerance;
        }
        List<String> names = comparisons.names();
        List<List<String>> labels = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            labels.add(comparisons.labels(k));
        }
        return new ModelParameters(names, labels, m, u, lambda, iteration, converged);
    }

    /** Starting values: most matches agree at the strongest level, few fall into "else". */
    static double[][] initialM(CompiledComparisons comparisons) {
        int c = comparisons.count();
        double[][] m = new double[c][];
        for (int k = 0; k < c; k++) {
            int levels = comparisons.levelCount(k);
            m[k] = new double[levels];
            int explicit = levels - 2;
            m[k][1] = explicit == 0 ? 0.95 : 0.8;
            double rest = 1.0 - m[k][1] - 0.02;
            double share = 0;
            for (int l = 2; l < levels - 1; l++) {
                share += Math.pow(0.6, l - 2);
            }
            for (int l = 2; l < levels - 1; l++) {
                m[k][l] = rest * Math.pow(0.6, l - 2) / share;
            }
            m[k][levels - 1] = explicit == 0 ? 0.05 : 0.02;
            if (explicit == 1) {
                m[k][1] = 0.98;
            }
        }
        return m;
    }
}
