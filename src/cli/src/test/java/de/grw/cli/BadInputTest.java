package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear message naming file, line and problem; never a stack trace; no row silently dropped:
 * rejected rows are counted in the summary and written with their reason to the reject file.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private CliRunner match(Path... inputs) {
        String[] args = new String[inputs.length + 3];
        args[0] = "match";
        args[1] = "--clusters";
        args[2] = dir.resolve("out.csv").toString();
        for (int i = 0; i < inputs.length; i++) {
            args[3 + i] = inputs[i].toString();
        }
        CliRunner r = CliRunner.run(args);
        assertThat(r.all()).doesNotContain("Exception", "\tat de.", "\tat java.");
        return r;
    }

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path file(String name, String content) throws Exception {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyFile() throws Exception {
        CliRunner r = match(file("leer.csv", ""));
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("leer.csv", "empty");
    }

    @Test
    void headerOnly() throws Exception {
        CliRunner r = match(file("kopf.csv", "Nachname;Vorname;Geburtsdatum\n"));
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("kopf.csv", "no data rows");
    }

    @Test
    void binaryFile() throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        bytes[10] = 0;
        CliRunner r = match(file("bild.csv", bytes));
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("bild.csv", "not a text file");
    }

    @Test
    void unknownEncoding() throws Exception {
        byte[] bytes = "Nachname;Vorname\nM\u00fcller;Hans\nX".getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        withBad[bytes.length] = (byte) 0x81;
        withBad[bytes.length + 1] = (byte) 0x8D;
        withBad[bytes.length + 2] = '\n';
        CliRunner r = match(file("kodierung.csv", withBad));
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("kodierung.csv", "line 3");
    }

    @Test
    void unbalancedQuoteRaggedRowsAndInvalidDatesAreReportedAndNothingIsDropped() throws Exception {
        Path f = file("melde.csv", """
                Nachname;Vorname;Geburtsdatum
                Müller;Hans;03.04.1971
                "Schmidt;Anna;17.08.1985
                Meyer;Karl;01.01.1950
                Weber;Eva
                Koch;Jan;31.02.2001
                Wolf;Udo;02.02.1962;extra
                """);
        CliRunner r = match(f);
        assertThat(r.exitCode).as(r.all()).isZero();
        Path rejects = dir.resolve("out-rejects.csv");
        List<String> lines = Files.readAllLines(rejects);
        String text = String.join("\n", lines);
        assertThat(text).contains("melde.csv,3,", "unbalanced quote");
        assertThat(text).contains("melde.csv,5,", "2 fields, but the header has 3");
        assertThat(text).contains("melde.csv,6,", "invalid_value", "impossible date");
        assertThat(text).contains("melde.csv,7,");
        List<String> clusters = Files.readAllLines(dir.resolve("out.csv"));
        // read: 6 data rows; rejected: quote, short row, long row = 3; imported: Müller, Meyer, Koch
        assertThat(clusters).hasSize(1 + 3);
        assertThat(r.out).contains("6 rows read", "3 rejected", "1 values not usable");
    }

    @Test
    void aTenMegabyteFieldIsRejectedNotFatal() throws Exception {
        StringBuilder sb = new StringBuilder("Nachname;Vorname\nMüller;Hans\nLang;");
        sb.append("x".repeat(10_000_000)).append("\nSchulz;Eva\n");
        CliRunner r = match(file("gross.csv", sb.toString()));
        assertThat(r.exitCode).as(r.all()).isZero();
        String rejects = Files.readString(dir.resolve("out-rejects.csv"));
        assertThat(rejects).contains("gross.csv,3,", "longer than");
        assertThat(Files.readAllLines(dir.resolve("out.csv"))).hasSize(3);
    }

    @Test
    void duplicateRecordIdsAreRejectedWithTheFirstLine() throws Exception {
        CliRunner r = match(file("ids.csv", "id,Nachname,Vorname\n7,A,B\n7,C,D\n8,E,F\n"));
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(Files.readString(dir.resolve("out-rejects.csv"))).contains("ids.csv,3,", "used already (line 2)");
    }

    @Test
    void aMissingInputFileIsNamed() {
        CliRunner r = match(dir.resolve("gibtsnicht.csv"));
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("gibtsnicht.csv");
    }

    @Test
    void twoInputsWithTheSameNameAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = dir.resolve("a/liste.csv");
        Path b = dir.resolve("b/liste.csv");
        Files.writeString(a, "Nachname\nA\n");
        Files.writeString(b, "Nachname\nB\n");
        CliRunner r = match(a, b);
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err).contains("two inputs are named 'liste'");
    }
}
