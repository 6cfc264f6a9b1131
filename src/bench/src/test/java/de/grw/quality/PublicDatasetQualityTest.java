package de.grw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.evaluation.PairwiseEvaluation;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pairwise F1 on the public benchmark sets, with the default profile (historical_50k: the historical profile) and
 * its threshold: no labels are used for training and nothing is tuned on these truths. The targets come from the engine's issue; the measured figures
 * are in README.
 */
@Tag("slow")
class PublicDatasetQualityTest {

    @Test
    void febrl1() {
        PairwiseEvaluation e = Datasets.evaluate(Datasets::febrlEntity, Datasets.file("febrl/dataset1.csv"));
        print("FEBRL1", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void febrl2() {
        PairwiseEvaluation e = Datasets.evaluate(Datasets::febrlEntity, Datasets.file("febrl/dataset2.csv"));
        print("FEBRL2", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void febrl3() {
        PairwiseEvaluation e = Datasets.evaluate(Datasets::febrlEntity, Datasets.file("febrl/dataset3.csv"));
        print("FEBRL3", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void febrl4TwoFilesLinked() {
        PairwiseEvaluation e = Datasets.evaluate(Datasets::febrlEntity, Datasets.file("febrl/dataset4a.csv"),
                Datasets.file("febrl/dataset4b.csv"));
        print("FEBRL4", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void rldata10000() throws Exception {
        Path file = Datasets.file("rldata/RLdata10000.csv");
        Map<String, String> identity = Datasets.column(file, "rec_no", "identity");
        PairwiseEvaluation e = Datasets.evaluate((source, id) -> identity.get(id), file);
        print("RLdata10000", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.985);
    }

    @Test
    void fake1000() throws Exception {
        Path file = Datasets.file("splink_fake_1000/fake_1000.csv");
        Map<String, String> cluster = Datasets.column(file, "unique_id", "cluster");
        PairwiseEvaluation e = Datasets.evaluate((source, id) -> cluster.get(id), file);
        print("fake_1000", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.87);
    }

    /**
     * Splink's historical_50k (Wikidata persons, birth years from antiquity on) as published, with the historical
     * profile alone: its aliases read the headers; {@code cluster} (and {@code unique_id}, which carries the cluster)
     * are never compared.
     */
    @Test
    void historical50kWithTheHistoricalProfile() throws Exception {
        Path file = Datasets.file("splink_historical_50k/historical_50k.csv");
        Map<String, String> cluster = Datasets.column(file, "unique_id", "cluster");
        PairwiseEvaluation e = Datasets.evaluate(ProfileLoader.load("resources/profiles/person-hist.json"),
                (source, id) -> cluster.get(id), file);
        print("historical", e);
        assertThat(e.f1()).isGreaterThanOrEqualTo(0.88);
    }

    private static void print(String name, PairwiseEvaluation e) {
        System.out.printf("quality %-12s %s%n", name, e);
    }
}
