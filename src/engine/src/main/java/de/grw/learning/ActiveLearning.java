package de.grw.learning;

import de.grw.review.QueueMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the review's questions.
 *
 * <p>{@link QueueMode#UNCERTAIN}: the corrected probability nearest to the threshold first.
 *
 * <p>{@link QueueMode#ACTIVE_LEARNING}: greedily, the question whose answer is expected to teach the correction most
 * ({@link Correction}, a Bayesian logistic layer): the expected information of a label on a pair with features
 * {@code x} is about {@code 1/2 log(1 + p(1-p) ln2^2 x'Σx)}, uncertainty ({@code p(1-p)}) times how little the
 * labels so far say about the levels of this pair ({@code x'Σx}, Σ the posterior covariance). After each choice Σ
 * is updated as if the answer were in (a rank-one update), so the next choice goes to other kinds of pairs: the
 * diversity dedupe gets from sampling across its blocks here comes from the model's own uncertainty. Only the
 * {@link #POOL} most uncertain candidates are considered.
 */
public final class ActiveLearning {
    /** Candidates considered by active learning: the most uncertain ones. */
    public static final int POOL = 20_000;
    private static final double LN2 = Math.log(2);

    private ActiveLearning() {
    }

    /**
     * A question: a pair (or a cluster, by its weakest pair) the review can offer.
     *
     * @param id         the caller's id (a pair's index, a cluster id)
     * @param pattern    the pair's comparison vector
     * @param baseWeight the unsupervised model's weight of the pair, in bits
     */
    public record Candidate(long id, long pattern, double baseWeight) {
    }

    /**
     * The ids of the first {@code count} candidates in the mode's order.
     *
     * @param correction what the labels taught so far (from {@link LabelledTraining#fit}, with no labels: none)
     * @param threshold  the probability threshold the corrected model links from
     */
    public static List<Long> order(List<Candidate> candidates, Correction correction, double threshold, int count,
                                   QueueMode mode) {
        double thresholdBits = Math.log(threshold / (1 - threshold)) / LN2;
        int n = candidates.size();
        double[] distance = new double[n];
        Integer[] byDistance = new Integer[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            distance[i] = Math.abs(c.baseWeight() + correction.bits(c.pattern()) - thresholdBits);
            byDistance[i] = i;
        }
        Arrays.sort(byDistance, Comparator.comparingDouble((Integer i) -> distance[i])
                .thenComparingLong(i -> candidates.get(i).id()));
        List<Long> out = new ArrayList<>();
        if (mode == QueueMode.UNCERTAIN) {
            for (int k = 0; k < Math.min(count, n); k++) {
                out.add(candidates.get(byDistance[k]).id());
            }
            return out;
        }
        int pool = Math.min(n, POOL);
        double[][] sigma = correction.covariance();
        int[][] x = new int[pool][];
        double[] uncertainty = new double[pool];
        for (int k = 0; k < pool; k++) {
            Candidate c = candidates.get(byDistance[k]);
            x[k] = correction.features(c.pattern());
            double p = LabelledTraining.sigmoid(LN2 * (c.baseWeight() + correction.bits(c.pattern())
                    - thresholdBits));
            uncertainty[k] = p * (1 - p) * LN2 * LN2;
        }
        boolean[] taken = new boolean[pool];
        int d = sigma.length;
        for (int round = 0; round < Math.min(count, pool); round++) {
            int best = -1;
            double bestGain = -1;
            for (int k = 0; k < pool; k++) {
                if (taken[k]) {
                    continue;
                }
                double gain = uncertainty[k] * quadratic(sigma, x[k]);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = k;
                }
            }
            taken[best] = true;
            out.add(candidates.get(byDistance[best]).id());
            // Σ <- Σ - c Σx (Σx)' / (1 + c x'Σx)
            double[] sx = new double[d];
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int f : x[best]) {
                    s += sigma[i][f];
                }
                sx[i] = s;
            }
            double c = uncertainty[best];
            double denominator = 1 + c * quadratic(sigma, x[best]);
            for (int i = 0; i < d; i++) {
                if (sx[i] == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    sigma[i][j] -= c * sx[i] * sx[j] / denominator;
                }
            }
        }
        return out;
    }

    private static double quadratic(double[][] sigma, int[] x) {
        double v = 0;
        for (int a : x) {
            for (int b : x) {
                v += sigma[a][b];
            }
        }
        return v;
    }
}
