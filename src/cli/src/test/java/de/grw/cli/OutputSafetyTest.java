package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CsvCells;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line writes cannot be turned against its reader: CSV cells are neutralised against formula
 * injection unless {@code --raw} asks for exact values, and data cannot drive the terminal.
 */
class OutputSafetyTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String EVIL_ID = "=HYPERLINK(\"http://evil.example\",\"klick\")";

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path f = dir.resolve("melde.csv");
        Files.writeString(f, "Kennung;Nachname;Vorname;Geburtsdatum\n"
                + "\"" + EVIL_ID.replace("\"", "\"\"") + "\";Müller;Hans;03.04.1971\n"
                + "@SUM(A1);Mueller;Hans;03.04.1971\n"
                + "-12;Schmidt;Anna;17.08.1985\n"
                + "+4930;Schmidt;Anna;17.08.1985\n"
                + "=1+2;kaputt\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void matchOutputsAreNeutralisedAndNumbersStay() throws Exception {
        Path clusters = dir.resolve("c.csv");
        Path pairs = dir.resolve("p.csv");
        CliRunner r = CliRunner.run("match", "-q", "--clusters", clusters.toString(), "--pairs", pairs.toString(),
                input().toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        String c = Files.readString(clusters);
        assertThat(c).contains("melde,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klick\"\")\",",
                "melde,'@SUM(A1),", "melde,-12,", "melde,+4930,").doesNotContain("melde,=", "melde,\"=");
        List<String> pairLines = Files.readAllLines(pairs);
        // negative weights are plain numbers: they stay numbers, never '-1.234
        assertThat(String.join("\n", pairLines)).doesNotContain(",'-").containsPattern(",-[0-9]+\\.[0-9]{3}");
        assertThat(pairLines).anyMatch(l -> l.startsWith("melde,\"'=HYPERLINK("));
        String rejects = Files.readString(dir.resolve("c-rejects.csv"));
        assertThat(rejects).contains("melde.csv,6,").contains(",'=1+2;kaputt").doesNotContain(",=1+2");
        for (String line : c.split("\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("\"=")).as(line).isFalse();
            }
        }
    }

    @Test
    void rawWritesExactValues() throws Exception {
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "-q", "--raw", "--clusters", clusters.toString(), input().toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(Files.readString(clusters))
                .contains("melde,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"klick\"\")\",", "melde,@SUM(A1),");
        assertThat(Files.readString(dir.resolve("c-rejects.csv"))).contains(",=1+2;kaputt");
    }

    @Test
    void rawIsAnOptionOfCsvExportsOnly() {
        CliRunner r = CliRunner.run(Map.of("GRW_PASSWORD", "irrelevant-123"), "export", "--workspace",
                dir.resolve("w.grw").toString(), "--user", "x", "--out", dir.resolve("o").toString(), "--format",
                "jsonl", "--raw");
        assertThat(r.exitCode).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err).contains("raw cells are an option of CSV");
    }

    @Test
    void theTerminalFilterDropsControlsAndKeepsLineEnds() throws Exception {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = new PrintWriter(new TerminalWriter(sink))) {
            w.write("M\u00fcl\u001b[2Jler\u0007\r\n");
            w.write("a\rb\u009b31m\u202Eevil\u0000\tend\n");
            w.write("x\r");
            w.write("\ny\r");
        }
        assertThat(sink.toString()).isEqualTo("Mül[2Jler\r\nab31mevil\tend\nx\r\ny");
        assertThat(TerminalWriter.clean("a\u001b]0;title\u0007b\r\n")).isEqualTo("a]0;titleb\r\n");
    }

    @Test
    void dataWithEscapeSequencesReachesTheTerminalInert() throws Exception {
        Path f = dir.resolve("esc.csv");
        // a few control characters among ordinary rows (a file of mostly control characters is refused as binary)
        Files.writeString(f, "Nachname\u001b[31m;Vorname\nM\u00fcller\u001b[2J;Hans\n\"Offen;\u001b]0;x\u0007\n"
                + "Schmidt;Anna\n".repeat(30), StandardCharsets.UTF_8);
        CliRunner r = CliRunner.run("match", "--clusters", dir.resolve("c.csv").toString(), f.toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).contains("Nachname[31m").doesNotContain("\u001b", "\u0007");

        Path ws = dir.resolve("w.grw");
        Map<String, String> env = Map.of("GRW_PASSWORD", "Verwaltung-2026", "NEW_PW", "Sachbearbeitung-1");
        assertThat(CliRunner.run(env, "init", "-w", ws.toString(), "-u", "admin").exitCode).isZero();
        assertThat(CliRunner.run(env, "users", "add", "anna", "--role", "clerk", "--new-password-env", "NEW_PW",
                "-w", ws.toString(), "-u", "admin").exitCode).isZero();
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "Nachname;Vorname;Geburtsdatum\nM\u00fcller\u001b[2J\u001b[31mpwn\u0007;Hans;"
                + "03.04.1971\nM\u00fcller\u001b[2J\u001b[31mpwn\u0007;Hans;03.04.1971\n" + others(),
                StandardCharsets.UTF_8);
        Map<String, String> anna = Map.of("GRW_PASSWORD", "Sachbearbeitung-1");
        assertThat(CliRunner.run(anna, "import", "-q", twice.toString(), "-w", ws.toString(), "-u", "anna").exitCode)
                .isZero();
        assertThat(CliRunner.run(anna, "match", "-q", "-w", ws.toString(), "-u", "anna").exitCode).isZero();
        CliRunner queue = CliRunner.run(anna, "queue", "-w", ws.toString(), "-u", "anna");
        String cluster = queue.out.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        CliRunner show = CliRunner.run(anna, "show", "--cluster", cluster, "--case", "AZ-1", "-w", ws.toString(),
                "-u", "anna");
        assertThat(show.exitCode).as(show.all()).isZero();
        assertThat(show.out).contains("Müller[2J[31mpwn").doesNotContain("\u001b", "\u0007");

        CliRunner meaningless = CliRunner.run(anna, "show", "--cluster", cluster, "--case", ".", "-w", ws.toString(),
                "-u", "anna");
        assertThat(meaningless.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(meaningless.err).contains("the case reference \".\" names no case");
    }

    /** Thirty different people, none of them a duplicate. */
    private static String others() {
        String[] names = {"Schmidt", "Weber", "Wagner", "Becker", "Hoffmann", "Koch"};
        String[] given = {"Anna", "Paul", "Eva", "Jan", "Udo"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(names[i % 6]).append(';').append(given[i % 5]).append(';')
                    .append(String.format("%02d.%02d.19%02d%n", 1 + i % 28, 1 + i % 12, 40 + i));
        }
        return sb.toString();
    }

    @Test
    void theCommandLineAndTheExportShareOneNeutralisingRule() {
        assertThat(CsvCells.cell(EVIL_ID, ',')).startsWith("\"'=");
    }
}
