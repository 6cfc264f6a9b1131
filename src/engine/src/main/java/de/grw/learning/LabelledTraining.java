package de.grw.learning;

import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PatternCounts;
import java.util.List;
import java.util.Random;

/**
 * Trains the model with the clerks' labels on top of the unsupervised one.
 *
 * <p><b>How.</b> The unsupervised model (EM with household classes and the difference-count correction) stays the
 * starting point and the offset; the labels fit a calibrated layer over the comparison vectors: a logistic
 * regression of the answer on the pair's unsupervised weight (fixed, coefficient 1) plus a correction per comparison
 * level and of the prior, each with a Gaussian prior around 0 ({@link LearningSettings#levelSigmaBits}). The
 * maximum a posteriori correction is found by Newton's method; its inverse Hessian is the posterior covariance.
 * With few labels the correction stays near 0 and the model is the unsupervised one; a level whose weight the labels
 * keep contradicting (the assumption of independent errors fails for this office's data) moves as far as they
 * agree; with many labels the prior fades and the layer is the labels' own calibration. The correction folds back
 * into an ordinary model ({@link Correction#applyTo}): scoring, household alternatives, explanations and the stored
 * model need nothing new, and the explanation shows the corrected weights.
 *
 * <p><b>Why this and not semi-supervised EM.</b> Putting a few hundred labelled pairs with fixed responsibilities
 * into the EM over millions of candidate pairs changes nothing measurable: the labelled pairs are drowned by the
 * unlabelled ones unless they are weighted up, and the weight is then a tuning knob without a principled value. The
 * labels are moreover chosen (by uncertainty or active learning), not drawn at random, so as responsibilities they
 * would bias the class shares. A conditional model of the answer given the comparison vector is not biased by how
 * the pairs were chosen, costs milliseconds independent of the workspace's size (features are the levels of one
 * pair), and its prior says exactly how far a number of labels may move the model.
 *
 * <p><b>Threshold.</b> Once there are {@link LearningSettings#minLabelsForThreshold} labels with at least a tenth of
 * each answer and the candidate pairs are given, the threshold that maximises the expected pairwise F1 of the
 * corrected model over them is estimated, with the 5-95% spread over {@link LearningSettings#bootstrap} refits on
 * resampled labels.
 */
public final class LabelledTraining {
    private static final double LN2 = Math.log(2);
    private static final int NEWTON_STEPS = 50;
    /** Probability below which a candidate pair counts as a non-match in the expected F1. */
    static final double TAIL = 0.01;

    private LabelledTraining() {
    }

    /**
     * @param base       the unsupervised model
     * @param examples   the labelled pairs' comparison vectors and unsupervised weights
     * @param candidates the candidate pairs' comparison vectors, counted (for the threshold; may be {@code null})
     */
    public static Training train(ModelParameters base, List<LabelledExample> examples, PatternCounts candidates,
                                 LearningSettings settings) {
        return train(base, examples, candidates == null ? null : Candidates.of(candidates, base), settings);
    }

    /** As above, with the candidate pairs' weights given (for instance as scored, with term frequencies). */
    public static Training train(ModelParameters base, List<LabelledExample> examples, Candidates candidates,
                                 LearningSettings settings) {
        long start = System.nanoTime();
        Correction correction = fit(base, examples, settings);
        ModelParameters model = correction.applyTo(base);
        ThresholdEstimate threshold = null;
        int matches = correction.matches();
        int non = correction.nonMatches();
        if (candidates != null && examples.size() >= settings.minLabelsForThreshold()
                && Math.min(matches, non) * 10 >= examples.size()) {
            threshold = threshold(base, correction, examples, candidates, settings);
        }
        return new Training(base, model, correction, threshold, examples.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The correction alone, without threshold. */
    public static Correction fit(ModelParameters base, List<LabelledExample> examples, LearningSettings settings) {
        int[][] index = Correction.layout(base);
        int d = Correction.dimension(index);
        double[] precision = new double[d];
        precision[0] = 1 / (settings.interceptSigmaBits() * settings.interceptSigmaBits());
        for (int f = 1; f < d; f++) {
            precision[f] = 1 / (settings.levelSigmaBits() * settings.levelSigmaBits());
        }
        int n = examples.size();
        int[][] x = new int[n][];
        double[] offset = new double[n];
        boolean[] y = new boolean[n];
        int matches = 0;
        for (int i = 0; i < n; i++) {
            LabelledExample e = examples.get(i);
            x[i] = Correction.features(index, e.pattern());
            offset[i] = e.baseWeight();
            y[i] = e.match();
            matches += y[i] ? 1 : 0;
        }
        double[] delta = new double[d];
        double[][] hessian = null;
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] gradient = new double[d];
            hessian = new double[d][d];
            for (int f = 0; f < d; f++) {
                gradient[f] = precision[f] * delta[f];
                hessian[f][f] = precision[f];
            }
            for (int i = 0; i < n; i++) {
                double s = offset[i];
                for (int f : x[i]) {
                    s += delta[f];
                }
                double p = sigmoid(LN2 * s);
                double g = (p - (y[i] ? 1 : 0)) * LN2;
                double h = Math.max(p * (1 - p), 1e-12) * LN2 * LN2;
                for (int a : x[i]) {
                    gradient[a] += g;
                    for (int b : x[i]) {
                        hessian[a][b] += h;
                    }
                }
            }
            double[] stepBy = Dense.solve(hessian, gradient);
            double largest = 0;
            for (int f = 0; f < d; f++) {
                // a damped step: a level's correction moves at most 4 bits per step
                double s = Math.max(-4, Math.min(4, stepBy[f]));
                delta[f] -= s;
                largest = Math.max(largest, Math.abs(s));
            }
            if (largest < 1e-6) {
                break;
            }
        }
        double[][] covariance = hessian == null ? diagonalInverse(precision) : Dense.inverse(hessian);
        return new Correction(base.comparisons(), base.labels(), index, delta, covariance, matches, n - matches);
    }

    private static double[][] diagonalInverse(double[] precision) {
        double[][] out = new double[precision.length][precision.length];
        for (int f = 0; f < precision.length; f++) {
            out[f][f] = 1 / precision[f];
        }
        return out;
    }

    private static ThresholdEstimate threshold(ModelParameters base, Correction correction,
                                               List<LabelledExample> examples, Candidates candidates,
                                               LearningSettings settings) {
        double[] best = bestThreshold(correction, candidates);
        double[] drawn = new double[settings.bootstrap()];
        Random random = new Random(settings.seed());
        int n = examples.size();
        for (int b = 0; b < drawn.length; b++) {
            LabelledExample[] sample = new LabelledExample[n];
            for (int i = 0; i < n; i++) {
                sample[i] = examples.get(random.nextInt(n));
            }
            drawn[b] = bestThreshold(fit(base, List.of(sample), settings), candidates)[0];
        }
        java.util.Arrays.sort(drawn);
        double low = drawn.length == 0 ? best[0] : drawn[(int) Math.floor(0.05 * (drawn.length - 1))];
        double high = drawn.length == 0 ? best[0] : drawn[(int) Math.ceil(0.95 * (drawn.length - 1))];
        return new ThresholdEstimate(best[0], low, high, best[1], best[2], best[3], n);
    }

    /**
     * The probability threshold (0.05 to 0.95 in steps of 0.01) of the highest expected pairwise F1 under the
     * corrected model: {threshold, precision, recall, F1}; at equal F1 the one nearest 0.5.
     */
    static double[] bestThreshold(Correction correction, Candidates candidates) {
        long[] patterns = candidates.patterns();
        long[] counts = candidates.counts();
        int n = patterns.length;
        double[] prob = new double[n];
        double expectedTrue = 0;
        for (int p = 0; p < n; p++) {
            prob[p] = sigmoid(LN2 * (candidates.baseWeights()[p] + correction.bits(patterns[p])));
            // the far tail counts as non-matches: summed over millions of pairs, its small probabilities are the
            // layer's extrapolation, not missed duplicates
            prob[p] = prob[p] < TAIL ? 0 : prob[p];
            expectedTrue += prob[p] * counts[p];
        }
        // one pass down the pairs by probability, every threshold read off the running sums
        Integer[] order = new Integer[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(prob[y], prob[x]));
        double[] best = {0.5, 0, 0, -1};
        double tp = 0;
        double linked = 0;
        int next = 0;
        for (int t = 95; t >= 5; t--) {
            double threshold = t / 100.0;
            while (next < n && prob[order[next]] >= threshold) {
                tp += prob[order[next]] * counts[order[next]];
                linked += counts[order[next]];
                next++;
            }
            double precision = linked == 0 ? 1 : tp / linked;
            double recall = expectedTrue == 0 ? 1 : tp / expectedTrue;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best[3] + 1e-12 || (Math.abs(f1 - best[3]) <= 1e-12 && Math.abs(threshold - 0.5)
                    < Math.abs(best[0] - 0.5))) {
                best = new double[] {threshold, precision, recall, f1};
            }
        }
        return best;
    }

    static double sigmoid(double s) {
        return s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));
    }
}
