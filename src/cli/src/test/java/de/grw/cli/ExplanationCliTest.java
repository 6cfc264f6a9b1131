package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The household and contradiction lines of the explanation on the command line, on the bundled samples: {@code show}
 * says when a pair is weighed against two people of one household, and {@code match} names the rule that refused a
 * link (summary and pairs file).
 */
class ExplanationCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void showSaysThatAPairIsWeighedAgainstOneHousehold() throws Exception {
        Path ws = dir.resolve("beispiel.grw");
        CliRunner built = CliRunner.run("sample-workspace", "--out", ws.toString());
        assertThat(built.exitCode).as(built.all()).isZero();
        // a proposed pair of the sample with the same family name, birth date and address and different given names
        // (explanations are stored compact: "~prior;comparison,level,weight[t][,versus];...", see StoredExplanation)
        String cluster;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
             ResultSet rs = c.createStatement().executeQuery("SELECT cluster_id FROM cluster_pairs WHERE "
                     + "explanation_json LIKE '%;given_names,else,%,household%' ORDER BY cluster_id LIMIT 1")) {
            assertThat(rs.next()).as("a pair weighed against one household").isTrue();
            cluster = rs.getString(1);
        }
        CliRunner show = CliRunner.run(Map.of("GRW_PASSWORD", "Beispiel-2026"), "show", "--cluster", cluster,
                "--case", "AZ-1", "--workspace", ws.toString(), "--user", "sachbearbeitung");
        assertThat(show.exitCode).as(show.all()).isZero();
        List<String> lines = show.out.lines().toList();
        assertThat(show.out).contains("weighed against two people of one household (same household)");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("\\s+same household: given names\\s+\\|\\s+different\\s+\\|\\s+-\\d+\\.\\d+"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("\\s+same household: date of birth\\s+\\|\\s+equal\\s+\\|\\s+\\+\\d+\\.\\d+"));
        // no rule forbids the link: the contradiction line is left out, and it is not a missing field
        assertThat(show.out).doesNotContain("contradiction");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    missing in one or both: ")
                .contains("e-mail"));
    }

    @Test
    void matchNamesTheRuleThatRefusedALink() throws Exception {
        // Alina Vogler once more, everything the same but another valid Steuer-ID: the model wants the link, the
        // profile's direct contradiction (two valid tax ids) refuses it
        List<String> melde = Files.readAllLines(Path.of("samples/melderegister.csv"), StandardCharsets.UTF_8);
        String alina = melde.stream().filter(l -> l.startsWith("100000257;")).findFirst().orElseThrow();
        String[] cells = alina.split(";", -1);
        assertThat(cells[13]).isEqualTo("68351202973");
        cells[0] = "100009999";
        cells[13] = "57319406285";
        Path later = dir.resolve("nachtrag.csv");
        Files.writeString(later, melde.get(0) + "\n" + String.join(";", cells) + "\n", StandardCharsets.UTF_8);
        Path clusters = dir.resolve("clusters.csv");
        Path pairs = dir.resolve("pairs.csv");
        CliRunner r = CliRunner.run("match", "--clusters", clusters.toString(), "--pairs", pairs.toString(),
                "--pairs-min-probability", "0.001", "samples/melderegister.csv", "samples/sozialamt.csv",
                "samples/kfz_halter.csv", later.toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).contains("links at or above the threshold refused by a contradiction: 1 (two valid tax ids 1)");

        List<String> rows = Files.readAllLines(pairs);
        List<String> header = Arrays.asList(rows.get(0).split(","));
        int contradiction = header.indexOf("contradiction_level");
        int sameCluster = header.indexOf("same_cluster");
        int probability = header.indexOf("probability");
        String[] refused = rows.stream().filter(l -> l.contains(",100000257,") && l.contains(",100009999,"))
                .findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(refused[probability])).isGreaterThan(0.5);
        assertThat(refused[contradiction]).isEqualTo("tax_id_identifier_differs");
        assertThat(refused[sameCluster]).isEqualTo("false");
        // the twins: weighed against one household, and their tax ids contradict as well
        int versus = header.indexOf("versus");
        String[] twins = rows.stream().filter(l -> l.contains(",100000257,") && l.contains(",100000412,"))
                .findFirst().orElseThrow().split(",");
        assertThat(twins[versus]).isIn("household", "twins");
        assertThat(twins[contradiction]).isEqualTo("tax_id_identifier_differs");
    }
}
