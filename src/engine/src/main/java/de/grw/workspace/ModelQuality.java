package de.grw.workspace;

import de.grw.matching.MatchResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model version's estimated quality, from the model itself (no truth is known): over the candidate pairs scored
 * with it, the expected precision at the threshold is the mean match probability of the pairs at or above it, the
 * expected recall the share of all pairs' summed probability that lies at or above it (the usual model-based
 * estimates of probabilistic linkage; they are as good as the model's own calibration). With EM's convergence.
 *
 * @param threshold          the probability from which pairs link
 * @param pairs              candidate pairs scored
 * @param linked             pairs at or above the threshold
 * @param expectedMatches    summed probability over all pairs
 * @param precision          expected precision
 * @param recall             expected recall
 * @param f1                 their harmonic mean
 * @param iterations         EM iterations
 * @param converged          whether EM converged
 */
public record ModelQuality(double threshold, long pairs, long linked, double expectedMatches, double precision,
                           double recall, double f1, int iterations, boolean converged) {

    /** The estimate for a run's result. */
    public static ModelQuality of(MatchResult result) {
        double t = result.threshold();
        double above = 0;
        long linked = 0;
        // a run too large to hold its pairs held those at or above the threshold; the rest add their probabilities
        double all = result.leftOut().probability();
        for (int p = 0; p < result.pairCount(); p++) {
            double prob = result.probability(p);
            all += prob;
            if (prob >= t) {
                above += prob;
                linked++;
            }
        }
        double precision = linked == 0 ? 0 : above / linked;
        double recall = all == 0 ? 0 : above / all;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ModelQuality(t, result.candidatePairCount(), linked, round(all), round(precision), round(recall),
                round(f1), result.model().iterations(), result.model().converged());
    }

    /**
     * The estimate over counted comparison vectors (a training from kept counts): each vector's probability under
     * the model without term frequencies ({@link de.grw.matching.model.PatternWeights}), weighed by its count.
     */
    public static ModelQuality ofPatterns(de.grw.matching.model.PatternCounts candidates,
                                          de.grw.matching.model.ModelParameters model, double threshold) {
        de.grw.matching.model.PatternWeights weights = new de.grw.matching.model.PatternWeights(model);
        double all = 0;
        double above = 0;
        long linked = 0;
        long pairs = 0;
        for (int i = 0; i < candidates.size(); i++) {
            double w = weights.weight(candidates.patterns()[i]);
            double prob = de.grw.matching.model.Scorer.probability(w);
            long n = candidates.counts()[i];
            pairs += n;
            all += prob * n;
            if (prob >= threshold) {
                above += prob * n;
                linked += n;
            }
        }
        double precision = linked == 0 ? 0 : above / linked;
        double recall = all == 0 ? 0 : above / all;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ModelQuality(threshold, pairs, linked, round(all), round(precision), round(recall), round(f1),
                model.iterations(), model.converged());
    }

    /** As stored (snake_case keys, for canonical JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", threshold);
        m.put("pairs", pairs);
        m.put("linked", linked);
        m.put("expected_matches", expectedMatches);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("iterations", iterations);
        m.put("converged", converged);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
