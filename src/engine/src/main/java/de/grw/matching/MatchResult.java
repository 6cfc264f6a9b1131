package de.grw.matching;

import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.cluster.ConstrainedClustering;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PairPatterns;
import de.grw.matching.model.Scorer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a match run produced: the candidate pairs with their comparison vectors, weights and probabilities,
 * the estimated model, and the clusters.
 */
public final class MatchResult {
    /** Name of the explanation line of a direct contradiction. */
    public static final String CONTRADICTION = "contradiction";

    private final PreparedRecords records;
    private final CandidatePairs candidates;
    private final PairPatterns patterns;
    private final float[] weights;
    private final Scorer scorer;
    private final double threshold;
    private final ConstrainedClustering.Result clusters;
    private final Map<String, Duration> timings;
    private final double totalPairs;
    private final Contradictions.Bound contradictions;
    /** The candidate pairs compared and scored but not kept (a run too large to hold them all). */
    private final LeftOut leftOut;
    /** What the estimation saw, when this run estimated its model without training rules; else {@code null}. */
    private volatile de.grw.matching.model.KeptCounts kept;

    MatchResult(PreparedRecords records, CandidatePairs candidates, PairPatterns patterns, float[] weights,
                Scorer scorer, double threshold, ConstrainedClustering.Result clusters, Map<String, Duration> timings,
                double totalPairs, Contradictions.Bound contradictions) {
        this(records, candidates, patterns, weights, scorer, threshold, clusters, timings, totalPairs, contradictions,
                LeftOut.NONE);
    }

    MatchResult(PreparedRecords records, CandidatePairs candidates, PairPatterns patterns, float[] weights,
                Scorer scorer, double threshold, ConstrainedClustering.Result clusters, Map<String, Duration> timings,
                double totalPairs, Contradictions.Bound contradictions, LeftOut leftOut) {
        this.leftOut = leftOut;
        this.contradictions = contradictions;
        this.records = records;
        this.candidates = candidates;
        this.patterns = patterns;
        this.weights = weights;
        this.scorer = scorer;
        this.threshold = threshold;
        this.clusters = clusters;
        this.timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
        this.totalPairs = totalPairs;
    }

    public PreparedRecords records() {
        return records;
    }

    public int recordCount() {
        return records.size();
    }

    public CandidatePairs candidates() {
        return candidates;
    }

    /**
     * Number of the candidate pairs this result holds (indexes {@code 0 .. pairCount()-1}): all candidate pairs,
     * or, when the run was too large to hold them ({@link #leftOut}), those at or above the threshold and those
     * within a cluster.
     */
    public int pairCount() {
        return patterns.size();
    }

    /** Number of all candidate pairs the run compared and scored, held or not. */
    public long candidatePairCount() {
        return patterns.size() + leftOut.pairs();
    }

    /**
     * The candidate pairs compared and scored but not held: none, unless the run's pairs came in more than one
     * range ({@link de.grw.matching.blocking.CandidateStream}, millions of records), when only the pairs at or above
     * the threshold (all the clustering needs) and those within a cluster (what the review shows) are held; the rest
     * are counted here with their probabilities.
     */
    public LeftOut leftOut() {
        return leftOut;
    }

    /**
     * Candidate pairs a run compared and scored without keeping them.
     *
     * @param pairs       how many
     * @param probability their probabilities summed (the matches expected among them)
     */
    public record LeftOut(long pairs, double probability) {
        public static final LeftOut NONE = new LeftOut(0, 0);
    }

    public int first(int pair) {
        return CandidatePairs.first(candidates.pairs()[pair]);
    }

    public int second(int pair) {
        return CandidatePairs.second(candidates.pairs()[pair]);
    }

    public double weight(int pair) {
        return weights[pair];
    }

    public double probability(int pair) {
        return Scorer.probability(weights[pair]);
    }

    public long pattern(int pair) {
        return patterns.get(pair);
    }

    /** Why a pair scored as it did: each comparison's level and weight. */
    /**
     * Why the pair was (not) proposed: each comparison's contribution ({@link Scorer#explain}), then, when the
     * profile has direct contradiction rules, a line {@value #CONTRADICTION} naming the rule that forbids linking the
     * two ({@code missing} when none does); it weighs nothing, the link is refused outright.
     */
    public List<Contribution> explain(int pair) {
        List<Contribution> lines = scorer.explain(patterns.get(pair), first(pair), second(pair));
        if (contradictions.hasDirectRules()) {
            lines = new java.util.ArrayList<>(lines);
            String reason = contradictions.directReason(first(pair), second(pair));
            lines.add(new Contribution(CONTRADICTION, reason == null ? "missing" : reason, 0.0, false));
        }
        return lines;
    }

    /** Names of the lines {@link #explain} returns, in order. */
    public List<String> explanationNames() {
        List<String> names = scorer.explanationNames();
        if (contradictions.hasDirectRules()) {
            names.add(CONTRADICTION);
        }
        return names;
    }

    /** Whether a direct contradiction rule forbids linking the pair's two records. */
    public boolean contradicts(int pair) {
        return contradictions.forbidsDirectLink(first(pair), second(pair));
    }

    /**
     * The prior weight of a pair's explanation: with the lines of {@link #explain} it adds up to the pair's weight
     * (it depends on the pair when the pair is weighed against a household class).
     */
    public double priorWeight(int pair) {
        return scorer.priorWeight(patterns.get(pair), first(pair), second(pair));
    }

    /**
     * What the model estimation of this run saw (kept with the run, so that a retraining needs no records), or
     * {@code null} when the run scored with a given model or the profile has training rules.
     */
    public de.grw.matching.model.KeptCounts kept() {
        return kept;
    }

    MatchResult withKept(de.grw.matching.model.KeptCounts kept) {
        this.kept = kept;
        return this;
    }

    public ModelParameters model() {
        return scorer.model();
    }

    public Scorer scorer() {
        return scorer;
    }

    public double threshold() {
        return threshold;
    }

    public ConstrainedClustering.Result clusters() {
        return clusters;
    }

    public int clusterOf(int record) {
        return clusters.clusterOf()[record];
    }

    public Map<String, Duration> timings() {
        return timings;
    }

    /** All record pairs the run considered (compared or not). */
    public double totalPairs() {
        return totalPairs;
    }

    /**
     * The histogram of the pairs' weights and, for each of {@code thresholds}, the pairs at or above it and the
     * clusters they form ({@link de.grw.matching.cluster.ThresholdSweep}). Of the pairs held: when the run held only
     * those at or above its threshold ({@link #leftOut}), the histogram has none below it and the steps below the
     * threshold count only held pairs.
     */
    public de.grw.matching.cluster.ThresholdSweep.Figures thresholdFigures(double[] thresholds) {
        return de.grw.matching.cluster.ThresholdSweep.compute(records.size(), candidates.pairs(), weights,
                thresholds);
    }

    /** Number of candidate pairs at or above the threshold. */
    public long pairsAboveThreshold() {
        long n = 0;
        for (int i = 0; i < weights.length; i++) {
            if (Scorer.probability(weights[i]) >= threshold) {
                n++;
            }
        }
        return n;
    }
}
