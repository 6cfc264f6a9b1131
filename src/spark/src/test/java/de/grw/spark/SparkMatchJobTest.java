package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.evaluation.PairwiseEvaluation;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Spark job in local mode gives the single-machine engine's answers on FEBRL1 (issue 17: pairwise F1 between the
 * two at least 0.999), with the default profile (1,000 records: every pair compared) and with blocking forced on,
 * small blocks and a narrow window, so that the distributed blocking, its oversized blocks and their report are
 * exercised against the engine's.
 */
class SparkMatchJobTest extends SparkSessionTest {

    private static Path febrl1() {
        Path p = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(p).as("benchmark data set (see ../shared/datasets/README.md)").exists();
        return p;
    }

    @Test
    void febrl1GivesTheEnginesClusters() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable table = SparkTestSession.load(spark, profile, febrl1());
        MatchResult engine = SparkTestSession.engine(profile, table);
        try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                .run(spark, table, MatchOptions.defaults())) {
            int[] clusters = result.clusterArray();
            PairwiseEvaluation agreement = SparkTestSession.agreement(clusters, engine);
            System.out.printf("FEBRL1 Spark vs engine: %s; Spark timings %s; engine timings %s%n", agreement,
                    result.timings(), engine.timings());
            assertThat(result.candidatePairs()).isEqualTo(engine.pairCount());
            assertThat(agreement.truePairs()).as("the engine finds FEBRL1's duplicates").isGreaterThan(400);
            assertThat(agreement.f1()).isGreaterThanOrEqualTo(0.999);
            assertThat(result.model().lambda()).isCloseTo(engine.model().lambda(),
                    org.assertj.core.data.Percentage.withPercentage(0.01));
        }
    }

    @Test
    void theCandidatePairsReachTheDriverAsOneSortedPrimitiveArray() {
        // 1,000 pairs in scrambled order over six partitions, and three partitions with none
        java.util.List<Long> pairs = new java.util.ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            pairs.add(((i * 7919) % 1000) << 20 | (i % 13));
        }
        var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        org.apache.spark.api.java.JavaPairRDD<Long, Long> compared = jsc.parallelize(pairs, 6)
                .union(jsc.parallelize(java.util.List.<Long>of(), 3))
                .filter(p -> (p >>> 20) < 500 || (p >>> 20) >= 900)
                .mapToPair(p -> new scala.Tuple2<>(p, p & 7));
        long[] expected = pairs.stream().mapToLong(Long::longValue)
                .filter(p -> (p >>> 20) < 500 || (p >>> 20) >= 900).sorted().toArray();
        assertThat(SparkMatchJob.candidatesOnDriver(compared)).hasSize(600).containsExactly(expected);
    }

    @Test
    void distributedBlockingProposesTheEnginesPairsAndReportsOversizedBlocksAlike() throws Exception {
        MatchProfile profile = SparkTestSession.withLimits(ProfileLoader.defaultProfile(), 2, 2, 0);
        RecordTable table = SparkTestSession.load(spark, profile, febrl1());
        MatchResult engine = SparkTestSession.engine(profile, table);
        try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                .run(spark, table, MatchOptions.defaults())) {
            System.out.println("blocking, Spark: " + result.ruleStats());
            assertThat(result.ruleStats()).isEqualTo(engine.candidates().stats());
            assertThat(result.ruleStats()).as("oversized blocks were windowed")
                    .anySatisfy(r -> assertThat(r.oversizedBlocks()).isPositive());
            assertThat(result.pairsLeftOut()).isPositive().isEqualTo(engine.candidates().pairsLeftOut());
            assertThat(result.candidatePairs()).isEqualTo(engine.pairCount());
            PairwiseEvaluation agreement = SparkTestSession.agreement(result.clusterArray(), engine);
            System.out.printf("FEBRL1 blocked Spark vs engine: %s%n", agreement);
            assertThat(agreement.truePairs()).isGreaterThan(300);
            assertThat(agreement.f1()).isGreaterThanOrEqualTo(0.999);
        }
    }
}
