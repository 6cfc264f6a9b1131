package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelCodec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated German population (several registers, households, typos): more records than the profile compares all
 * against all, so the Spark job blocks distributedly with the profile's own limits; its clusters equal the engine's.
 * The larger population is tagged {@code spark-heavy} (left out unless {@code -Dgrw.spark.excluded=none}).
 */
class SparkPopulationTest extends SparkSessionTest {

    @TempDir
    static Path dir;

    private static PairwiseEvaluation compare(MatchProfile profile, Path[] inputs, boolean oversized) {
        RecordTable table = SparkTestSession.load(spark, profile, inputs);
        MatchResult engine = SparkTestSession.engine(profile, table);
        try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                .run(spark, table, MatchOptions.defaults())) {
            assertThat(result.ruleStats()).isEqualTo(engine.candidates().stats());
            assertThat(result.candidatePairs()).isEqualTo(engine.pairCount());
            if (oversized) {
                assertThat(result.pairsLeftOut()).as("oversized blocks windowed").isPositive();
            }
            PairwiseEvaluation agreement = SparkTestSession.agreement(result.clusterArray(), engine);
            System.out.printf("population of %d records, Spark vs engine: %s; %d candidate pairs; timings %s%n",
                    table.size(), agreement, result.candidatePairs(), result.timings());
            assertThat(agreement.truePairs()).as("the engine links duplicates").isGreaterThan(20);
            return agreement;
        }
    }

    @Test
    void smallPopulationGivesTheEnginesClusters() throws Exception {
        Path[] inputs = SparkTestSession.population(dir.resolve("small"), 2_500);
        assertThat(compare(ProfileLoader.defaultProfile(), inputs, false).f1()).isGreaterThanOrEqualTo(0.999);
    }

    /**
     * The household rule's estimate over many partitions: the household pairs that are no candidates (found by the
     * executors' anti-join, {@link HouseholdAntiJoin}) are more than the profile's sample here, so each range draws
     * its share of the sample; many ranges hold none. The model is the engine's to the bit, household classes
     * included.
     */
    @Test
    void theHouseholdRulesSampleGivesTheEnginesModelOverManyPartitions() throws Exception {
        Path[] inputs = SparkTestSession.population(dir.resolve("small"), 2_500);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ProfileLoader.toJson(ProfileLoader.defaultProfile()));
        ((ObjectNode) tree.path("model").path("household")).put("samplePairs", 40);
        MatchProfile profile = ProfileLoader.fromJson(json.writeValueAsString(tree), "test profile");
        RecordTable table = SparkTestSession.load(spark, profile, inputs);
        MatchResult engine = SparkTestSession.engine(profile, table);
        long outside = SparkMatchJobTest.householdPairsOutside(profile, table, engine);
        assertThat(outside).as("more household pairs outside the candidates than the sample").isGreaterThan(80);
        try (SparkMatchResult result = new SparkMatchJob(profile, 24).run(spark, table, MatchOptions.defaults())) {
            assertThat(ModelCodec.write(result.model())).as("the engine's model, household classes included")
                    .isEqualTo(ModelCodec.write(engine.model()));
            assertThat(result.model().households()).isNotEmpty();
            PairwiseEvaluation agreement = SparkTestSession.agreement(result.clusterArray(), engine);
            System.out.printf("population of %d records, 24 partitions, %d household pairs outside the candidates, "
                    + "40 drawn: %s%n", table.size(), outside, agreement);
            assertThat(agreement.f1()).isGreaterThanOrEqualTo(0.999);
        }
    }

    @Test
    @Tag("spark-heavy")
    void largerPopulationGivesTheEnginesClusters() throws Exception {
        Path[] inputs = SparkTestSession.population(dir.resolve("larger"), 30_000);
        assertThat(compare(ProfileLoader.defaultProfile(), inputs, false).f1()).isGreaterThanOrEqualTo(0.999);
        // the same records with small blocks: windows over oversized blocks, pairs left out, reported alike
        MatchProfile tight = SparkTestSession.withLimits(ProfileLoader.defaultProfile(), 3, 2, 0);
        assertThat(compare(tight, inputs, true).f1()).isGreaterThanOrEqualTo(0.999);
    }
}
