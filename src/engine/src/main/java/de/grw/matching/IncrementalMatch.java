package de.grw.matching;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.blocking.KeyCache;
import de.grw.matching.blocking.KeyPlan;
import de.grw.matching.cluster.ConstrainedClustering;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.KeptValues;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PairPatterns;
import de.grw.matching.model.Scorer;
import de.grw.profile.MatchProfile;

/**
 * A match run with a given model (the workspace's active one) that compares only where new records land: the
 * incremental run of {@link MatchEngine}'s pipeline (no estimate), with the same comparing, scoring and clustering.
 */
public final class IncrementalMatch {
    private final MatchProfile profile;
    private final MatchEngine engine;

    public IncrementalMatch(MatchProfile profile) {
        this.profile = profile;
        this.engine = new MatchEngine(profile);
    }

    /**
     * Matches with a given model (the workspace's active one, kept until it is deliberately re-estimated) instead of
     * estimating one, and compares only where new records land. Pass one blocks, compares and scores the pairs that
     * involve a record marked new. The old records a new one links to (weight at or above the threshold) are handed
     * to {@code affectedOf}, which returns every old record whose cluster may change (the linked records and their
     * present cluster mates); pass two compares the pairs among those. Blocks and windows are formed over all records,
     * so each pair compared is one a full run would compare. The clustering runs over both passes' pairs; records
     * outside the affected set stay single in the result, and the caller keeps their present clusters.
     * With every record marked new this is a full re-match with the given model.
     *
     * @param isNew      per record index, whether it arrived since the last run
     * @param affectedOf from the old records new ones link to, the old records whose clusters are to be redone
     */
    public MatchResult runWithModel(RecordTable table, ModelParameters model, MatchOptions options, boolean[] isNew,
                                    java.util.function.UnaryOperator<boolean[]> affectedOf,
                                    PairConstraint extraConstraint, int[][] mustLink, ProgressListener progress,
                                    CancellationToken cancel) {
        return runWithModel(table, model, options, isNew, affectedOf, extraConstraint, mustLink, null, progress,
                cancel);
    }

    /**
     * As {@link #runWithModel(RecordTable, ModelParameters, MatchOptions, boolean[], java.util.function.UnaryOperator,
     * PairConstraint, int[][], ProgressListener, CancellationToken)}, with the blocking keys of the records taken
     * from the cache where it holds them (those of the records matched before), the rest computed and left in it
     * ({@code null}: all computed here).
     */
    public MatchResult runWithModel(RecordTable table, ModelParameters model, MatchOptions options, boolean[] isNew,
                                    java.util.function.UnaryOperator<boolean[]> affectedOf,
                                    PairConstraint extraConstraint, int[][] mustLink, KeyCache keyCache,
                                    ProgressListener progress, CancellationToken cancel) {
        return runWithModel(table, model, options, isNew, affectedOf, extraConstraint, mustLink, keyCache, null,
                progress, cancel);
    }

    /**
     * As {@link #runWithModel(RecordTable, ModelParameters, MatchOptions, boolean[],
     * java.util.function.UnaryOperator, PairConstraint, int[][], KeyCache, ProgressListener, CancellationToken)},
     * with the normalised values of the first records kept from an earlier run ({@code null}: all normalised here;
     * see {@link PreparedRecords#prepare(RecordTable, MatchProfile, KeptValues, ProgressListener,
     * CancellationToken)}).
     */
    public MatchResult runWithModel(RecordTable table, ModelParameters model, MatchOptions options, boolean[] isNew,
                                    java.util.function.UnaryOperator<boolean[]> affectedOf,
                                    PairConstraint extraConstraint, int[][] mustLink, KeyCache keyCache,
                                    KeptValues kept, ProgressListener progress, CancellationToken cancel) {
        PhaseTimer timer = new PhaseTimer();
        timer.start("normalise");
        PreparedRecords records = PreparedRecords.prepare(table, profile, kept, progress, cancel);
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        Scorer scorer = new Scorer(comparisons, model, profile.model().minTermFrequency(),
                profile.model().priorRecords());
        double threshold = engine.threshold(options);
        double minWeight = MatchEngine.minWeight(threshold);
        int n = table.size();

        timer.start("block");
        // each pass sorts only the key entries of the blocks that hold one of its seeds (whole blocks, so windows
        // over oversized blocks are those of a full run)
        timer.start("block keys");
        KeyPlan.Entries keys = keyCache == null ? KeyPlan.entries(profile, records, cancel)
                : KeyPlan.entries(profile, records, keyCache.parts(profile, records, cancel), cancel);
        KeyPlan plan = keys.plan(isNew, cancel);
        timer.start("block");
        CandidatePairs first = new Blocker(profile, records, options.linkOnly(), (a, b) -> isNew[a] || isNew[b],
                isNew, plan).candidates(progress, cancel);
        timer.start("compare");
        long[] patterns1 = MatchEngine.compare(comparisons, first.pairs(), progress, cancel);
        timer.start("score");
        float[] weights1 = MatchEngine.score(scorer, first.pairs(), i -> patterns1[i], progress, cancel);

        timer.start("block");
        boolean[] touched = new boolean[n];
        long[] pairs1 = first.pairs();
        for (int i = 0; i < pairs1.length; i++) {
            if (weights1[i] >= minWeight) {
                int a = CandidatePairs.first(pairs1[i]);
                int b = CandidatePairs.second(pairs1[i]);
                touched[a] |= !isNew[a];
                touched[b] |= !isNew[b];
            }
        }
        timer.start("affected");
        boolean[] affected = affectedOf.apply(touched);
        boolean[] oldAffected = new boolean[n];
        for (int r = 0; r < n; r++) {
            oldAffected[r] = affected[r] && !isNew[r];
        }
        timer.start("block");
        timer.start("block keys");
        KeyPlan plan2 = keys.plan(oldAffected, cancel);
        keys = null;
        timer.start("block");
        CandidatePairs second = new Blocker(profile, records, options.linkOnly(),
                (a, b) -> oldAffected[a] && oldAffected[b], oldAffected, plan2).candidates(progress, cancel);
        timer.start("compare");
        long[] patterns2 = MatchEngine.compare(comparisons, second.pairs(), progress, cancel);
        timer.start("score");
        float[] weights2 = MatchEngine.score(scorer, second.pairs(), i -> patterns2[i], progress, cancel);

        // the two passes are disjoint (pass one has a new record in every pair, pass two none): merge in pair order
        long[] pairs2 = second.pairs();
        int total = pairs1.length + pairs2.length;
        long[] pairs = new long[total];
        long[] patterns = new long[total];
        float[] weights = new float[total];
        int i = 0;
        int j = 0;
        for (int k = 0; k < total; k++) {
            boolean fromFirst = j >= pairs2.length || (i < pairs1.length && pairs1[i] < pairs2[j]);
            if (fromFirst) {
                pairs[k] = pairs1[i];
                patterns[k] = patterns1[i];
                weights[k] = weights1[i++];
            } else {
                pairs[k] = pairs2[j];
                patterns[k] = patterns2[j];
                weights[k] = weights2[j++];
            }
        }
        java.util.List<de.grw.matching.blocking.RuleStats> stats = new java.util.ArrayList<>(first.stats());
        CandidatePairs candidates = new CandidatePairs(pairs, stats);

        timer.start("cluster");
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        ConstrainedClustering.Result clusters = MatchEngine.cluster(records, pairs, weights, threshold, contradictions,
                extraConstraint, mustLink, scorer, cancel);
        timer.stop();
        return new MatchResult(records, candidates, PairPatterns.of(patterns), weights, scorer, threshold, clusters,
                timer.phases(), MatchEngine.totalPairs(table, options.linkOnly()), contradictions);
    }
}
