package de.grw.matching;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.blocking.CandidateStream;
import de.grw.matching.blocking.KeyCache;
import de.grw.matching.blocking.KeyPlan;
import de.grw.matching.cluster.AmbiguousLinks;
import de.grw.matching.cluster.ConstrainedClustering;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.KeptValues;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelEstimator;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PairPatterns;
import de.grw.matching.model.PatternCounts;
import de.grw.matching.model.PatternScorer;
import de.grw.matching.model.Scorer;
import de.grw.matching.model.UEstimator;
import de.grw.matching.util.LongList;
import de.grw.profile.MatchProfile;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The matching pipeline: normalise, block, compare, estimate the model without labels, score and cluster. Plain
 * Java; progress and cancellation go through the given listener and token.
 */
public final class MatchEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchEngine.class);
    private static final int CHUNK = 1 << 14;

    /** System property: pairs a range of a full run's candidate pairs holds at most, about. */
    public static final String RANGE_PAIRS_PROPERTY = "grw.rangePairs";

    private final MatchProfile profile;
    /** At most about this many pairs a range of a full run's candidate pairs ({@link Blocker#stream}). */
    private final long rangePairs;

    /**
     * An engine whose full runs form their candidate pairs in ranges of at most about
     * {@link CandidateStream#RANGE_PAIRS} pairs, or as many as the system property {@value #RANGE_PAIRS_PROPERTY}
     * says (a benchmark sets it low to measure a run that compares range by range at a size that fits one range).
     */
    public MatchEngine(MatchProfile profile) {
        this(profile, Long.getLong(RANGE_PAIRS_PROPERTY, CandidateStream.RANGE_PAIRS));
    }

    /** An engine whose full runs form their candidate pairs in ranges of about {@code rangePairs} pairs (tests). */
    MatchEngine(MatchProfile profile, long rangePairs) {
        this.profile = profile;
        this.rangePairs = rangePairs;
    }

    public MatchResult run(RecordTable table, MatchOptions options, ProgressListener progress,
                           CancellationToken cancel) {
        return run(table, options, PairConstraint.NONE, progress, cancel);
    }

    /**
     * @param extraConstraint further cannot-links (for example the clerks' "not a duplicate" decisions)
     */
    public MatchResult run(RecordTable table, MatchOptions options, PairConstraint extraConstraint,
                           ProgressListener progress, CancellationToken cancel) {
        return run(table, options, extraConstraint, new int[0][], progress, cancel);
    }

    /**
     * @param extraConstraint cannot-links beyond the profile's contradictions (a clerk's "not a duplicate")
     * @param mustLink        groups of record indexes that stay together (records a clerk merged)
     */
    public MatchResult run(RecordTable table, MatchOptions options, PairConstraint extraConstraint, int[][] mustLink,
                           ProgressListener progress, CancellationToken cancel) {
        return run(table, options, extraConstraint, mustLink, null, progress, cancel);
    }

    /**
     * As {@link #run(RecordTable, MatchOptions, PairConstraint, int[][], ProgressListener, CancellationToken)}, with
     * the blocking keys taken from and left in a cache ({@code null}: computed here, as before).
     */
    public MatchResult run(RecordTable table, MatchOptions options, PairConstraint extraConstraint, int[][] mustLink,
                           KeyCache keyCache, ProgressListener progress, CancellationToken cancel) {
        PhaseTimer timer = new PhaseTimer();
        timer.start("normalise");
        PreparedRecords records = PreparedRecords.prepare(table, profile, progress, cancel);
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        int n = table.size();
        int[] sourceOf = new int[n];
        for (int i = 0; i < n; i++) {
            sourceOf[i] = table.sourceIndex(i);
        }
        // the u estimate needs only the prepared records: it runs on threads of its own while blocking and comparing
        // use the cores (blocking leaves one idle much of its time); the estimate phase waits for what is left of it
        UEstimator.Pending pendingU = UEstimator.start(comparisons, n, sourceOf, options.linkOnly(),
                profile.model().randomPairs(), options.seed(), profile.model().priorPairs(), cancel);
        try {
            return runWithU(table, options, extraConstraint, mustLink, keyCache, progress, cancel, timer, records,
                    comparisons, pendingU);
        } finally {
            pendingU.abandon();
        }
    }

    private MatchResult runWithU(RecordTable table, MatchOptions options, PairConstraint extraConstraint,
                                 int[][] mustLink, KeyCache keyCache, ProgressListener progress,
                                 CancellationToken cancel, PhaseTimer timer, PreparedRecords records,
                                 CompiledComparisons comparisons, UEstimator.Pending pendingU) {
        int n = table.size();
        timer.start("block");
        Blocker blocker;
        if (keyCache == null) {
            blocker = new Blocker(profile, records, options.linkOnly());
        } else {
            timer.start("block keys");
            KeyPlan plan = KeyPlan.entries(profile, records, keyCache.parts(profile, records,
                    cancel), cancel).plan(null, cancel);
            timer.start("block");
            blocker = new Blocker(profile, records, options.linkOnly(), Blocker.PairFilter.ALL, null, plan);
        }
        CandidateStream stream = blocker.stream(rangePairs, progress, cancel);
        if (stream.count() > 1) {
            return streamed(table, options, extraConstraint, mustLink, progress, cancel, timer, records, comparisons,
                    pendingU, blocker, stream);
        }
        CandidatePairs candidates = new CandidatePairs(stream.range(0, cancel), stream.stats());
        stream = null;

        timer.start("compare");
        PairPatterns patterns = compareToIds(comparisons, candidates.pairs(), progress, cancel);

        timer.start("estimate");
        progress.progress("estimate", 0, 2);
        double[][] u = pendingU.join();
        progress.progress("estimate", 1, 2);
        double totalPairs = totalPairs(table, options.linkOnly());
        PatternCounts counted = patterns.counts();
        ModelEstimator.Estimated estimated = ModelEstimator.estimateKept(profile, comparisons, blocker, counted,
                candidates.pairs(), u, totalPairs, n, pairs -> compare(comparisons, pairs, ProgressListener.NONE,
                        cancel), cancel);
        ModelParameters model = estimated.model();
        progress.progress("estimate", 2, 2);

        timer.start("score");
        Scorer scorer = new Scorer(comparisons, model, profile.model().minTermFrequency(),
                profile.model().priorRecords());
        float[] weights = score(scorer, candidates.pairs(), patterns, progress, cancel);

        timer.start("cluster");
        double threshold = threshold(options);
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        ConstrainedClustering.Result clusters = cluster(records, candidates.pairs(), weights, threshold,
                contradictions, extraConstraint, mustLink, scorer, cancel);
        timer.stop();
        return new MatchResult(records, candidates, patterns, weights, scorer, threshold, clusters, timer.phases(),
                totalPairs, contradictions).withKept(kept(estimated, counted, u, totalPairs, n));
    }

    /**
     * A run whose candidate pairs come in several ranges (millions of records): they are compared range by range
     * and counted for the estimate, then compared again and scored, and only the pairs at or above the threshold are
     * kept for the clustering ({@link StreamedPairs}); a third pass adds the pairs below it within a cluster. The
     * model, the clusters and the kept pairs' vectors and weights are those of a run that holds every pair.
     */
    private MatchResult streamed(RecordTable table, MatchOptions options, PairConstraint extraConstraint,
                                 int[][] mustLink, ProgressListener progress, CancellationToken cancel,
                                 PhaseTimer timer, PreparedRecords records, CompiledComparisons comparisons,
                                 UEstimator.Pending pendingU, Blocker blocker, CandidateStream stream) {
        int n = table.size();
        long[] householdPairs = ModelEstimator.householdPairs(profile, blocker, cancel);
        timer.start("compare");
        StreamedPairs.Counted counted = StreamedPairs.count(stream, comparisons, householdPairs, progress, cancel);

        timer.start("estimate");
        progress.progress("estimate", 0, 2);
        double[][] u = pendingU.join();
        progress.progress("estimate", 1, 2);
        double totalPairs = totalPairs(table, options.linkOnly());
        ModelEstimator.Estimated estimated = ModelEstimator.estimateKept(profile, comparisons, blocker,
                counted.counts(), counted.isCandidate(), householdPairs, u, totalPairs, n,
                pairs -> compare(comparisons, pairs, ProgressListener.NONE, cancel), cancel);
        householdPairs = null;
        progress.progress("estimate", 2, 2);

        timer.start("score");
        Scorer scorer = new Scorer(comparisons, estimated.model(), profile.model().minTermFrequency(),
                profile.model().priorRecords());
        double threshold = threshold(options);
        StreamedPairs.Kept kept = StreamedPairs.keep(stream, comparisons, scorer, minWeight(threshold), progress,
                cancel);
        CandidatePairs above = new CandidatePairs(kept.pairs(), stream.stats());
        LOG.info("{} candidate pairs compared in {} ranges, {} held (at or above the threshold), {} below it not held",
                counted.pairs(), stream.count(), kept.pairs().length, kept.leftOut().pairs());

        timer.start("cluster");
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        ConstrainedClustering.Result clusters = cluster(records, above.pairs(), kept.weights(), threshold,
                contradictions, extraConstraint, mustLink, scorer, cancel);
        timer.start("score");
        kept = StreamedPairs.withinClusters(stream, comparisons, scorer, clusters.clusterOf(), kept, cancel);
        CandidatePairs candidates = new CandidatePairs(kept.pairs(), above.stats());
        timer.stop();
        return new MatchResult(records, candidates, PairPatterns.of(kept.patterns()), kept.weights(), scorer,
                threshold, clusters, timer.phases(), totalPairs, contradictions, kept.leftOut())
                .withKept(kept(estimated, counted.counts(), u, totalPairs, n));
    }

    double threshold(MatchOptions options) {
        return options.threshold() != null ? options.threshold() : profile.threshold();
    }

    /**
     * The lowest weight at which a pair links at {@code threshold} (a probability); the same formula as the client
     * library's {@code ThresholdFigures.weightOf}, which may not depend on the matching.
     */
    static double minWeight(double threshold) {
        return Math.log(threshold / (1 - threshold)) / Math.log(2);
    }

    private static de.grw.matching.model.KeptCounts kept(ModelEstimator.Estimated estimated, PatternCounts counted,
                                                         double[][] u, double totalPairs, int n) {
        return estimated.emCounts() == null ? null
                : new de.grw.matching.model.KeptCounts(counted, estimated.emCounts(), u, totalPairs, n);
    }

    /** All record pairs of a run (across sources only, when linking): what the model's prior is over. */
    public static double totalPairs(RecordTable table, boolean linkOnly) {
        double n = table.size();
        double all = n * (n - 1) / 2;
        if (!linkOnly) {
            return Math.max(1, all);
        }
        double within = 0;
        for (long s : table.sourceSizes()) {
            within += (double) s * (s - 1) / 2;
        }
        return Math.max(1, all - within);
    }

    static long[] compare(CompiledComparisons comparisons, long[] pairs, ProgressListener progress,
                                  CancellationToken cancel) {
        long[] patterns = new long[pairs.length];
        int chunks = (pairs.length + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        progress.progress("compare", 0, pairs.length);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            cancel.throwIfCancelled();
            int from = c * CHUNK;
            int to = Math.min(pairs.length, from + CHUNK);
            for (int i = from; i < to; i++) {
                patterns[i] = comparisons.pattern(CandidatePairs.first(pairs[i]), CandidatePairs.second(pairs[i]));
            }
            progress.progress("compare", done.addAndGet(to - from), pairs.length);
        });
        return patterns;
    }

    /**
     * The pairs' comparison vectors as numbers of distinct vectors (4 bytes a pair instead of 8; each thread numbers
     * the vectors it has seen without asking the others).
     */
    private static PairPatterns compareToIds(CompiledComparisons comparisons, long[] pairs, ProgressListener progress,
                                             CancellationToken cancel) {
        int[] ids = new int[pairs.length];
        PairPatterns.Dictionary dictionary = new PairPatterns.Dictionary();
        int chunks = (pairs.length + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        progress.progress("compare", 0, pairs.length);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            cancel.throwIfCancelled();
            PairPatterns.Local local = dictionary.local();
            int from = c * CHUNK;
            int to = Math.min(pairs.length, from + CHUNK);
            for (int i = from; i < to; i++) {
                ids[i] = local.id(comparisons.pattern(CandidatePairs.first(pairs[i]),
                        CandidatePairs.second(pairs[i])));
            }
            progress.progress("compare", done.addAndGet(to - from), pairs.length);
        });
        return dictionary.patterns(ids);
    }

    static float[] score(Scorer scorer, long[] pairs, java.util.function.IntToLongFunction patterns,
                                 ProgressListener progress, CancellationToken cancel) {
        progress.progress("score", 0, pairs.length);
        return inChunks(pairs.length, progress, cancel, (weights, from, to) -> {
            for (int i = from; i < to; i++) {
                weights[i] = (float) scorer.weight(patterns.applyAsLong(i), CandidatePairs.first(pairs[i]),
                        CandidatePairs.second(pairs[i]));
            }
        });
    }

    /**
     * As {@link #score(Scorer, long[], java.util.function.IntToLongFunction, ProgressListener, CancellationToken)},
     * for pairs whose vectors are numbered: what depends on a vector alone is computed once per distinct vector
     * ({@link PatternScorer}), the same weights.
     */
    static float[] score(Scorer scorer, long[] pairs, PairPatterns patterns, ProgressListener progress,
                         CancellationToken cancel) {
        progress.progress("score", 0, pairs.length);
        PatternScorer byPattern = scorer.byPattern(patterns.distinct());
        return inChunks(pairs.length, progress, cancel, (weights, from, to) -> {
            for (int i = from; i < to; i++) {
                weights[i] = (float) byPattern.weight(patterns.id(i), CandidatePairs.first(pairs[i]),
                        CandidatePairs.second(pairs[i]));
            }
        });
    }

    /** Weights {@code from .. to-1} of the pairs, written into {@code weights}. */
    private interface ChunkWeights {
        void weigh(float[] weights, int from, int to);
    }

    /**
     * The weights of {@code n} pairs, chunk by chunk on both cores, with the score phase's progress and
     * cancellation; each scoring form's own loop runs inside a chunk (one call a chunk, none a pair).
     */
    private static float[] inChunks(int n, ProgressListener progress, CancellationToken cancel, ChunkWeights chunk) {
        float[] weights = new float[n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, chunks).parallel().forEach(c -> {
            cancel.throwIfCancelled();
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            chunk.weigh(weights, from, to);
            progress.progress("score", done.addAndGet(to - from), n);
        });
        return weights;
    }

    static ConstrainedClustering.Result cluster(PreparedRecords records, long[] pairs, float[] weights,
                                                        double threshold, Contradictions.Bound contradictions,
                                                        PairConstraint cannotLink, int[][] mustLink,
                                                        Scorer scorer, CancellationToken cancel) {
        return clusterLinks(records.size(), null, pairs, weights, threshold, contradictions, cannotLink, mustLink,
                scorer, cancel);
    }

    /**
     * The contradiction-guarded clustering of scored pairs, over {@code recordCount} records numbered locally: a run
     * clusters all its records at once ({@code globalOf == null}); the Spark job (issue 17) clusters each connected
     * component of the links on its own, its records numbered 0.. in ascending order of their run-wide indexes, which
     * {@code globalOf} gives (contradictions, the scorer and {@code cannotLink} are asked with those). Pairs are packed
     * local indexes, sorted; the links of one component never touch another's, so the clusters are the same.
     */
    public static ConstrainedClustering.Result clusterLinks(int recordCount, int[] globalOf, long[] pairs,
                                                            float[] weights, double threshold,
                                                            Contradictions.Bound contradictions,
                                                            PairConstraint cannotLink, int[][] mustLink,
                                                            Scorer scorer, CancellationToken cancel) {
        java.util.function.IntUnaryOperator g = globalOf == null ? r -> r : r -> globalOf[r];
        double minWeight = minWeight(threshold);
        LongList selected = new LongList();
        java.util.Map<String, Long> refused = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i++) {
            if (weights[i] < minWeight) {
                continue;
            }
            // a direct contradiction (different valid tax ids, opposite sex without an agreeing identifier, ...)
            // refuses the link whatever the weight
            String reason = contradictions.directReason(g.applyAsInt(CandidatePairs.first(pairs[i])),
                    g.applyAsInt(CandidatePairs.second(pairs[i])));
            if (reason == null) {
                selected.add(i);
            } else {
                refused.merge(reason, 1L, Long::sum);
            }
        }
        int k = selected.size();
        int[] first = new int[k];
        int[] second = new int[k];
        float[] w = new float[k];
        for (int j = 0; j < k; j++) {
            int i = (int) selected.get(j);
            first[j] = CandidatePairs.first(pairs[i]);
            second[j] = CandidatePairs.second(pairs[i]);
            w[j] = weights[i];
        }
        // A contradiction keeps two records apart unless the model links the two directly: it stops chains
        // (A-B-C with A and C contradicting), it does not overrule the evidence of the pair itself.
        CompiledComparisons comparisons = scorer.comparisons();
        PairConstraint contradiction = contradictions.chain();
        PairConstraint globalGuard = (a, b) -> contradiction.cannotLink(a, b)
                && (contradictions.forbidsDirectLink(a, b) || scorer.weight(comparisons.pattern(a, b), a, b) < minWeight);
        PairConstraint chainGuard = globalOf == null ? globalGuard
                : (a, b) -> globalGuard.cannotLink(globalOf[a], globalOf[b]);
        PairConstraint apart = globalOf == null ? cannotLink.or(chainGuard)
                : ((PairConstraint) (a, b) -> cannotLink.cannotLink(globalOf[a], globalOf[b])).or(chainGuard);
        // a record linked to two records that can never be one person is at most one of them; only the profile's
        // contradictions count here: the clerks' decisions are enforced by the clustering itself, and a rerun must
        // not move records of groups a clerk has split or merged
        boolean[] keep = AmbiguousLinks.keep(recordCount, first, second, w, minWeight, chainGuard);
        int kept = 0;
        for (int j = 0; j < k; j++) {
            if (keep[j]) {
                first[kept] = first[j];
                second[kept] = second[j];
                w[kept] = w[j];
                kept++;
            }
        }
        ConstrainedClustering.Result result = ConstrainedClustering.cluster(recordCount,
                java.util.Arrays.copyOf(first, kept), java.util.Arrays.copyOf(second, kept),
                java.util.Arrays.copyOf(w, kept), apart, mustLink, cancel);
        return result.withAmbiguousLinks(k - kept).withRefusedLinks(refused);
    }
}
