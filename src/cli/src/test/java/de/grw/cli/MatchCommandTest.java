package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String content, Charset charset) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, charset);
        return p;
    }

    @Test
    void matchesAcrossTwoGermanSourcesAndWritesOneRowPerRecord() throws Exception {
        Path melde = write("melderegister.csv", """
                Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort
                M1;Müller;Hans-Peter;03.04.1971;Hauptstraße;12a;10115;Berlin
                M2;Schmidt;Anna;17.08.1985;Goethestr.;3;80331;München
                M3;Przybyszewski;Jan;01.02.1960;Am Markt;1;01067;Dresden
                """, StandardCharsets.UTF_8);
        Path sozial = write("sozialamt.csv", """
                Aktenzeichen;Name;Geb.-Datum;Anschrift;PLZ;Ort
                S-1;"Mueller, Hans Peter";4.3.1971;Hauptstr. 12 a;10115;Berlin
                S-2;"Schmitt, Paul";01.01.1950;Lindenweg 5;50667;Köln
                S-3;"Przybyszewski, Jan";01.02.1960;Am Markt 1;1067;Dresden
                """, Charset.forName("windows-1252"));
        Path clusters = dir.resolve("out/clusters.csv");
        Path pairs = dir.resolve("out/pairs.csv");
        CliRunner r = CliRunner.run("match", "--clusters", clusters.toString(), "--pairs", pairs.toString(),
                melde.toString(), sozial.toString());

        assertThat(r.exitCode).as(r.all()).isZero();
        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows.get(0)).isEqualTo("source,record_id,cluster_id");
        assertThat(rows).hasSize(7);
        assertThat(cluster(rows, "melderegister", "M1")).isEqualTo(cluster(rows, "sozialamt", "S-1"));
        assertThat(cluster(rows, "melderegister", "M3")).isEqualTo(cluster(rows, "sozialamt", "S-3"));
        assertThat(cluster(rows, "melderegister", "M2")).isNotEqualTo(cluster(rows, "sozialamt", "S-2"));
        assertThat(cluster(rows, "melderegister", "M1")).isNotEqualTo(cluster(rows, "melderegister", "M3"));

        List<String> pairLines = Files.readAllLines(pairs);
        assertThat(pairLines.get(0)).startsWith("source_a,record_id_a,source_b,record_id_b,probability,match_weight")
                .contains(",same_cluster,versus,prior_weight,", "family_name_level", "birth_date_weight",
                        ",differences_level,differences_weight,")
                .endsWith(",contradiction_level,contradiction_weight");
        String m1s1 = pairLines.stream().filter(l -> l.contains("M1") && l.contains("S-1")).findFirst().orElseThrow();
        assertThat(m1s1).contains("day_month_swapped").contains(",differences_1,");

        assertThat(r.out).contains("Column mapping of sozialamt", "\"Name\"", "full_name (split)",
                "Summary", "records read: 6", "candidate pairs", "clusters:", "seconds per phase", "peak heap");
    }

    @Test
    void recordIdFallsBackToTheDataRowNumber() throws Exception {
        Path f = write("liste.csv", "Nachname,Vorname,Geburtsdatum\nMeyer,Karl,1950-01-01\nMeier,Karl,1950-01-01\n",
                StandardCharsets.UTF_8);
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "-q", "--clusters", clusters.toString(), f.toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows.get(1)).startsWith("liste,1,");
        assertThat(rows.get(2)).startsWith("liste,2,");
    }

    @Test
    void mappingFileOverridesTheAutomaticMapping() throws Exception {
        Path f = write("kfz.csv", """
                Kennung,Feld1,Feld2,Feld3
                K1,Huber,Sepp,1970-05-05
                K2,Huber,Sepp,1970-05-05
                K3,Maier,Anna,1981-02-03
                K4,Schulze,Otto,1944-12-24
                K5,Yilmaz,Ayse,1990-07-14
                K6,Nowak,Piotr,1977-09-30
                """, StandardCharsets.UTF_8);
        Path mapping = write("mapping.json", """
                {"columns": {"Kennung": "record_id", "Feld1": "family_name", "Feld2": "given_names",
                             "Feld3": "birth_date"}}
                """, StandardCharsets.UTF_8);
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "--mapping", mapping.toString(), "--clusters", clusters.toString(),
                f.toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).contains("\"Feld1\"", "family_name", "(mapping file)");
        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows.get(1).split(",")[2]).isEqualTo(rows.get(2).split(",")[2]);
    }

    @Test
    void aThresholdOutsideZeroAndOneIsAUsageError() throws Exception {
        Path f = write("a.csv", "Nachname,Vorname\nA,B\n", StandardCharsets.UTF_8);
        CliRunner r = CliRunner.run("match", "--threshold", "1.5", "--clusters", dir.resolve("c.csv").toString(),
                f.toString());
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err).contains("--threshold must lie between 0 and 1");
    }

    @Test
    void missingOptionsGiveUsage() {
        CliRunner r = CliRunner.run("match");
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err).contains("--clusters");
    }

    private static String cluster(List<String> rows, String source, String id) {
        return rows.stream().filter(l -> l.startsWith(source + "," + id + ",")).map(l -> l.split(",")[2])
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + source + "/" + id));
    }
}
