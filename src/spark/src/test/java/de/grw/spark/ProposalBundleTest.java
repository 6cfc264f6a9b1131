package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import de.grw.matching.MatchOptions;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.ModelParameters;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proposal bundle as documented; Parquet and a database table read through the engine's importer like the CSV
 * of the same rows.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
class ProposalBundleTest extends SparkSessionTest {

    @TempDir
    static Path dir;

    private static Path febrl1() {
        Path p = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(p).as("benchmark data set (see ../shared/datasets/README.md)").exists();
        return p;
    }

    @Test
    void bundleHoldsClustersExplainedPairsModelAndFigures() throws Exception {
        // blocking on (not every pair of the 1,000 records compared) keeps this test quick
        MatchProfile profile = SparkTestSession.withLimits(ProfileLoader.defaultProfile(), 500, 30, 0);
        RecordTable table = SparkTestSession.load(spark, profile, febrl1());
        Path out = dir.resolve("bundle");
        try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                .run(spark, table, MatchOptions.defaults())) {
            long written = ProposalBundle.write(spark, result, out.toString(), 0.5);
            int[] clusters = result.clusterArray();

            JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
            assertThat(manifest.get("format").asText()).isEqualTo(ProposalBundle.FORMAT);
            assertThat(manifest.get("records").asInt()).isEqualTo(1000);
            assertThat(manifest.get("candidatePairs").asLong()).isEqualTo(result.candidatePairs());
            assertThat(manifest.get("pairsWritten").asLong()).isEqualTo(written).isPositive();
            assertThat(manifest.get("blocking")).isNotEmpty();

            ModelParameters model = ModelCodec.read(Files.readAllBytes(out.resolve("model.json")));
            assertThat(model.lambda()).isEqualTo(result.model().lambda());
            assertThat(ProfileLoader.load(out.resolve("profile.json")).name()).isEqualTo(profile.name());

            // clusters: one row per record in a cluster of several, the same grouping as the job's
            Map<String, String> clusterOfId = new HashMap<>();
            for (String line : lines(out.resolve("clusters"), ".csv")) {
                if (!line.startsWith("source,")) {
                    String[] cells = line.split(",");
                    clusterOfId.put(cells[1], cells[2]);
                }
            }
            long inClusters = 0;
            Map<Integer, Integer> sizes = new HashMap<>();
            for (int c : clusters) {
                sizes.merge(c, 1, Integer::sum);
            }
            for (int r = 0; r < clusters.length; r++) {
                if (sizes.get(clusters[r]) > 1) {
                    inClusters++;
                    assertThat(clusterOfId.get(table.recordId(r))).isEqualTo(String.valueOf(clusters[r]));
                }
            }
            assertThat(clusterOfId).hasSize((int) inClusters);
            assertThat(inClusters).isGreaterThan(900);

            // pairs: JSON lines with both records and the per-comparison explanation
            List<String> pairs = lines(out.resolve("pairs"), "");
            assertThat(pairs).hasSize((int) written);
            JsonNode pair = new ObjectMapper().readTree(pairs.get(0));
            assertThat(pair.get("a").get("id").asText()).startsWith("rec-");
            assertThat(pair.get("probability").asDouble()).isGreaterThanOrEqualTo(0.5);
            assertThat(pair.get("explanation")).isNotEmpty();
            assertThat(pair.get("explanation").get(0).get("comparison").asText())
                    .isEqualTo(result.model().comparisons().get(0));

            assertThatThrownBy(() -> ProposalBundle.write(spark, result, out.toString(), 0.5))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("exists already");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary folder left")
                    .noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void parquetIsImportedAsTheSameRecordsAsItsCsv() {
        Path parquet = dir.resolve("febrl1.parquet");
        spark.read().option("header", "true").option("ignoreLeadingWhiteSpace", "true")
                .option("ignoreTrailingWhiteSpace", "true").csv(febrl1().toString())
                .write().parquet(parquet.toString());
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable fromCsv = SparkTestSession.load(spark, profile, febrl1());
        RecordTable fromParquet = SparkTestSession.load(spark, profile, parquet);
        assertThat(fromParquet.size()).isEqualTo(fromCsv.size());
        Map<String, List<String>> csv = new HashMap<>();
        for (int r = 0; r < fromCsv.size(); r++) {
            csv.put(fromCsv.recordId(r), values(fromCsv, r));
        }
        for (int r = 0; r < fromParquet.size(); r++) {
            assertThat(values(fromParquet, r)).as(fromParquet.recordId(r))
                    .isEqualTo(csv.get(fromParquet.recordId(r)));
        }
        assertThat(fromParquet.sourceNames()).containsExactly("febrl1");
    }

    @Test
    void databaseTableIsImportedAsTheSameRecordsAsTheCsvOfItsRows() throws Exception {
        Path db = dir.resolve("register.db");
        Path csv = dir.resolve("register.csv");
        String[][] rows = {
            {"1", "Anna", "Müller", "1980-03-01", "10115"},
            {"2", "Anna", "Mueller", "1980-03-01", "10115"},
            {"3", "Bernd", "Schmidt", "1975-12-24", "80331"}};
        StringBuilder text = new StringBuilder("id;vorname;nachname;geburtsdatum;plz\n");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var create = connection.createStatement()) {
            create.execute("CREATE TABLE personen (id TEXT, vorname TEXT, nachname TEXT, geburtsdatum TEXT, plz TEXT)");
            try (var insert = connection.prepareStatement("INSERT INTO personen VALUES (?, ?, ?, ?, ?)")) {
                for (String[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setString(c + 1, row[c]);
                    }
                    insert.executeUpdate();
                    text.append(String.join(";", row)).append('\n');
                }
            }
        }
        Files.writeString(csv, text.toString(), StandardCharsets.UTF_8);
        MatchProfile profile = ProfileLoader.defaultProfile();
        SparkMatchMain.Args args = SparkMatchMain.parse(new String[] {"--out", "unused", "jdbc:sqlite:" + db,
            "--table", "personen", "--as", "melde", csv.toString()}, null);
        SourceLoading.Loaded loaded = SourceLoading.loadSources(spark, profile, de.grw.importing.MappingFile.NONE,
                null, args.inputs());
        RecordTable table = loaded.table();
        assertThat(table.sourceNames()).containsExactly("melde", "register");
        assertThat(table.size()).isEqualTo(6);
        for (int r = 0; r < 3; r++) {
            assertThat(table.recordId(r)).isEqualTo(table.recordId(r + 3));
            assertThat(values(table, r)).as(table.recordId(r)).isEqualTo(values(table, r + 3));
        }
        assertThat(values(table, 0)).contains("Anna");
    }

    private static List<String> values(RecordTable table, int r) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < table.fieldCount(); f++) {
            out.add(table.value(r, f));
        }
        return out;
    }

    private static List<String> lines(Path folder, String suffix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> parts = Files.list(folder)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                out.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
