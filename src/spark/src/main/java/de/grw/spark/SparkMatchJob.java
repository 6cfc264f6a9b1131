package de.grw.spark;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.blocking.RuleStats;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.ModelEstimator;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PatternCounts;
import de.grw.matching.model.UEstimator;
import de.grw.profile.MatchProfile;
import de.grw.workspace.MatchConstraints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The engine's matching as a Spark job (issue 17), step by step as {@link MatchEngine#run} does it, each step with the
 * engine's own code: normalise (the engine's normalisers, see {@link EngineContext}), block (the profile's rules,
 * {@link DistributedBlocking}), compare (the compiled comparisons, on the executors), estimate (the comparison patterns
 * counted on the executors, the household rules' pairs outside the candidates found by an anti-join on the executors
 * ({@link HouseholdAntiJoin}), u and the EM on the driver with {@link ModelEstimator}, as Splink does), score (the
 * engine's scorer, on the executors), connected components of the links ({@link ConnectedComponents}) and the
 * contradiction-guarded clustering inside each component ({@link ComponentClustering}).
 */
public final class SparkMatchJob {
    private static final Logger LOG = LoggerFactory.getLogger(SparkMatchJob.class);

    private final MatchProfile profile;
    private final int partitions;

    /** @param partitions partitions of the pair and record data (about 2-4 per executor core) */
    public SparkMatchJob(MatchProfile profile, int partitions) {
        this.profile = profile;
        this.partitions = Math.max(1, partitions);
    }

    /** A compared and scored candidate pair. */
    public record Scored(long pair, long pattern, float weight) implements java.io.Serializable {
    }

    /** Matches the records; the caller closes the result (which releases the engine objects). */
    public SparkMatchResult run(SparkSession spark, RecordTable table, MatchOptions options) {
        return run(spark, table, options, MatchConstraints.Bound.NONE);
    }

    /**
     * Matches the records under a workspace's decisions, as the workbench's clustering honours them: the records of
     * each must-link group stay together whatever the pairs say (they join one connected component, and the
     * clustering joins them before any link), and no cluster holds both records of a cannot-link. The constraints
     * change only the clustering, as in the workbench: candidate pairs, model and scores are those of a run without.
     *
     * @param constraints the constraints file bound to the table's records ({@link MatchConstraints#bind})
     */
    public SparkMatchResult run(SparkSession spark, RecordTable table, MatchOptions options,
                                MatchConstraints.Bound constraints) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, Duration> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        EngineContext context = EngineContext.of(profile, table, options.linkOnly());
        EngineContext.Engine engine = context.engine();
        Broadcast<EngineContext> shared = jsc.broadcast(context);
        t = lap(timings, "normalise", t);

        int n = table.size();
        JavaRDD<Long> pairs;
        List<RuleStats> stats;
        if ((long) n * (n - 1) / 2 <= profile.limits().compareAllBelowPairs()) {
            // a small input: every pair is a candidate (at most the profile's compare-all limit), as the engine does
            CandidatePairs all = engine.blocker().candidates(ProgressListener.NONE, CancellationToken.NONE);
            pairs = jsc.parallelize(Arrays.stream(all.pairs()).boxed().toList(), partitions);
            stats = all.stats();
        } else {
            DistributedBlocking.Result blocked = DistributedBlocking.run(jsc, shared, profile.blocking(), partitions);
            pairs = blocked.pairs();
            stats = blocked.stats();
        }
        t = lap(timings, "block", t);

        JavaPairRDD<Long, Long> compared = pairs.mapPartitionsToPair(it -> {
            EngineContext.Engine e = shared.value().engine();
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            while (it.hasNext()) {
                long p = it.next();
                out.add(new Tuple2<>(p, e.comparisons().pattern(CandidatePairs.first(p), CandidatePairs.second(p))));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        PatternCounts counts = counts(compared.values().countByValue());
        long candidateCount = counts.total();
        t = lap(timings, "compare", t);
        LOG.info("Spark match: {} records, {} candidate pairs compared", n, candidateCount);

        ModelParameters model = estimate(jsc, shared, engine, table, options, counts, compared);
        t = lap(timings, "estimate", t);

        Broadcast<byte[]> modelBytes = jsc.broadcast(ModelCodec.write(model));
        JavaRDD<Scored> scored = compared.mapPartitions(it -> {
            var scorer = shared.value().scorer(modelBytes.value());
            List<Scored> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Long, Long> c = it.next();
                long p = c._1;
                out.add(new Scored(p, c._2, (float) scorer.weight(c._2, CandidatePairs.first(p),
                        CandidatePairs.second(p))));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        scored.count();
        compared.unpersist(false);
        t = lap(timings, "score", t);

        double threshold = options.threshold() != null ? options.threshold() : profile.threshold();
        double minWeight = Math.log(threshold / (1 - threshold)) / Math.log(2);
        JavaRDD<ComponentClustering.Link> links = scored.filter(s -> s.weight() >= minWeight)
                .map(s -> new ComponentClustering.Link(s.pair(), s.weight()));
        // a must-link group is one component whatever its links: its records are joined by edges of their own
        List<int[]> groupList = Arrays.asList(constraints.mustLink());
        JavaRDD<int[]> groups = jsc.parallelize(groupList, Math.max(1, Math.min(partitions, groupList.size())));
        JavaPairRDD<Integer, Integer> mustEdges = groups.flatMapToPair(g -> {
            List<Tuple2<Integer, Integer>> out = new ArrayList<>(g.length - 1);
            for (int k = 1; k < g.length; k++) {
                out.add(new Tuple2<>(g[0], g[k]));
            }
            return out.iterator();
        });
        ConnectedComponents.Result components = ConnectedComponents.of(
                links.mapToPair(l -> new Tuple2<>(CandidatePairs.first(l.pair()), CandidatePairs.second(l.pair())))
                        .union(mustEdges),
                partitions);
        t = lap(timings, "components", t);

        Broadcast<MatchConstraints.Bound> bound = jsc.broadcast(constraints);
        JavaPairRDD<Integer, ComponentClustering.Link> linksByComponent = links
                .mapToPair(l -> new Tuple2<>(CandidatePairs.first(l.pair()), l))
                .join(components.labels())
                .mapToPair(j -> new Tuple2<>(j._2._2, j._2._1));
        JavaPairRDD<Integer, int[]> groupsByComponent = groups
                .mapToPair(g -> new Tuple2<>(g[0], g))
                .join(components.labels())
                .mapToPair(j -> new Tuple2<>(j._2._2, j._2._1));
        JavaRDD<ComponentClustering.Outcome> outcomes = linksByComponent
                .cogroup(groupsByComponent, partitions)
                .map(c -> ComponentClustering.cluster(shared.value().engine(),
                        shared.value().scorer(modelBytes.value()), threshold, c._2._1, c._2._2, bound.value().apart()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long componentCount = outcomes.count();
        long[] figures = outcomes.map(o -> new long[] {o.refusedMerges(), o.ambiguousLinks()})
                .fold(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        Map<String, Long> refused = new LinkedHashMap<>(outcomes
                .flatMapToPair(o -> o.refusedLinks().entrySet().stream()
                        .map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator())
                .reduceByKey(Long::sum).collectAsMap());
        JavaPairRDD<Integer, Integer> clusterOf = outcomes.flatMapToPair(o -> {
            List<Tuple2<Integer, Integer>> out = new ArrayList<>(o.records().length);
            for (int i = 0; i < o.records().length; i++) {
                out.add(new Tuple2<>(o.records()[i], o.labels()[i]));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        clusterOf.count();
        lap(timings, "cluster", t);
        LOG.info("Spark match: {} records, {} candidate pairs, {} components in {} rounds, timings {}", n,
                candidateCount, componentCount, components.rounds(), timings);
        return new SparkMatchResult(context, n, candidateCount, stats, model, threshold, scored, clusterOf,
                componentCount, components.rounds(), figures[0], figures[1], refused, timings);
    }

    /**
     * The engine's estimation on the driver: u from random pairs ({@link UEstimator}), then {@link ModelEstimator}
     * with the pattern counts gathered from the executors; the pairs it compares beyond the candidates (those of the
     * training rules) are compared on the executors too, and the household rules' pairs that are no candidates are
     * found, counted and sampled there ({@link HouseholdAntiJoin}): the driver holds neither candidate nor household
     * pairs.
     */
    private ModelParameters estimate(JavaSparkContext jsc, Broadcast<EngineContext> shared,
                                     EngineContext.Engine engine, RecordTable table, MatchOptions options,
                                     PatternCounts counts, JavaPairRDD<Long, Long> compared) {
        int n = table.size();
        int[] sourceOf = new int[n];
        for (int i = 0; i < n; i++) {
            sourceOf[i] = table.sourceIndex(i);
        }
        double[][] u = UEstimator.estimate(engine.comparisons(), n, sourceOf, options.linkOnly(),
                profile.model().randomPairs(), options.seed(), profile.model().priorPairs(), CancellationToken.NONE);
        Function<long[], long[]> comparePairs = some -> jsc.parallelize(Arrays.stream(some).boxed().toList(),
                partitions).map(p -> shared.value().engine().comparisons().pattern(CandidatePairs.first(p),
                CandidatePairs.second(p))).collect().stream().mapToLong(Long::longValue).toArray();
        return ModelEstimator.estimateKept(profile, engine.comparisons(), engine.blocker(), counts,
                new HouseholdAntiJoin(jsc, shared, compared.keys(), partitions), u,
                MatchEngine.totalPairs(table, options.linkOnly()), n, comparePairs, CancellationToken.NONE).model();
    }

    /** The executors' pattern counts in the engine's form (patterns ascending). */
    static PatternCounts counts(Map<Long, Long> byPattern) {
        long[] patterns = byPattern.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] counts = new long[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            counts[i] = byPattern.get(patterns[i]);
        }
        return new PatternCounts(patterns, counts);
    }

    private static long lap(Map<String, Duration> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.put(phase, Duration.ofNanos(now - since));
        // each phase as it ends: a long run that is stopped still tells how far it got and what each phase took
        LOG.info("Spark match: {} done in {} s", phase, String.format(java.util.Locale.ROOT, "%.1f",
                (now - since) / 1e9));
        return now;
    }
}
