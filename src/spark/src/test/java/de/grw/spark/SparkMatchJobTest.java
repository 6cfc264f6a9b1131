package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.ModelEstimator;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Spark job in local mode gives the single-machine engine's answers on FEBRL1 (issue 17: pairwise F1 between the
 * two at least 0.999), with the default profile (1,000 records: every pair compared) and with blocking forced on,
 * small blocks and a narrow window, so that the distributed blocking, its oversized blocks and their report are
 * exercised against the engine's, and the household rule's pairs outside the candidates with them.
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
            assertThat(ModelCodec.write(result.model())).as("the engine's model")
                    .isEqualTo(ModelCodec.write(engine.model()));
        }
    }

    /** The household rules' pairs that are no candidates of the engine's run, counted with the engine's objects. */
    static long householdPairsOutside(MatchProfile profile, RecordTable table, MatchResult engine) {
        EngineContext context = EngineContext.of(profile, table, false);
        try {
            long[] household = ModelEstimator.householdPairs(profile, context.engine().blocker(),
                    CancellationToken.NONE);
            long[] candidates = engine.candidates().pairs();
            return java.util.Arrays.stream(household)
                    .filter(p -> java.util.Arrays.binarySearch(candidates, p) < 0).count();
        } finally {
            context.release();
        }
    }
}
