package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sheets on the command line: the default with its note, --sheet, --all-sheets, and importing sheet by sheet. */
class ExcelSheetsCliTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private static void row(Sheet sheet, int index, String... cells) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            r.createCell(i).setCellValue(cells[i]);
        }
    }

    private Path workbook() throws Exception {
        Path file = dir.resolve("amt.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            row(wb.createSheet("Deckblatt"), 0, "Melderegister Musterstadt, Stand 2026");
            Sheet people = wb.createSheet("Personen");
            row(people, 0, "Nachname", "Vorname", "Geburtsdatum");
            row(people, 1, "Müller", "Hans", "03.04.1971");
            row(people, 2, "Schmidt", "Anna", "17.08.1985");
            Sheet archive = wb.createSheet("Archiv");
            row(archive, 0, "Nachname", "Vorname", "Geburtsdatum");
            row(archive, 1, "Mueller", "Hans", "03.04.1971");
            wb.write(out);
        }
        return file;
    }

    @Test
    void theDefaultSheetIsNamedAndACoverCellNeverBecomesARecord() throws Exception {
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "--clusters", clusters.toString(), workbook().toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).contains("note: amt.xlsx: sheet \"Personen\" is read, the first that holds a table; not "
                + "read: \"Deckblatt\" (no table), \"Archiv\".");
        assertThat(Files.readAllLines(clusters)).hasSize(3).noneMatch(l -> l.contains("Melderegister"));
    }

    @Test
    void aSheetIsChosenByName() throws Exception {
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "--clusters", clusters.toString(), workbook().toString(), "--sheet",
                "Archiv");
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).doesNotContain("is read, the first");
        assertThat(Files.readAllLines(clusters)).containsExactly("source,record_id,cluster_id", "amt,1,1");

        CliRunner missing = CliRunner.run("match", "--clusters", clusters.toString(), workbook().toString(),
                "--sheet", "Fehlt");
        assertThat(missing.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(missing.err).contains("there is no sheet \"Fehlt\" (sheets: Deckblatt, Personen, Archiv)");
    }

    @Test
    void everySheetWithATableIsASourceOfItsOwn() throws Exception {
        Path clusters = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("match", "--all-sheets", "--clusters", clusters.toString(),
                workbook().toString());
        assertThat(r.exitCode).as(r.all()).isZero();
        assertThat(r.out).contains("note: amt.xlsx: every sheet that holds a table is read as a source of its own: "
                + "amt#Personen, amt#Archiv; not read (no table, or empty): Deckblatt");
        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows).hasSize(4);
        String hans = rows.stream().filter(l -> l.startsWith("amt#Personen,1,")).findFirst().orElseThrow();
        String mueller = rows.stream().filter(l -> l.startsWith("amt#Archiv,1,")).findFirst().orElseThrow();
        assertThat(hans.substring(hans.lastIndexOf(','))).isEqualTo(mueller.substring(mueller.lastIndexOf(',')));
    }

    @Test
    void theSheetsOfOneWorkbookAreImportedOnceEach() throws Exception {
        Path ws = dir.resolve("w.grw");
        Path book = workbook();
        Map<String, String> env = Map.of("GRW_PASSWORD", "Verwaltung-2026");
        assertThat(CliRunner.run(env, "init", "-w", ws.toString(), "-u", "admin").exitCode).isZero();
        CliRunner first = CliRunner.run(env, "import", "-q", book.toString(), "-w", ws.toString(), "-u", "admin");
        assertThat(first.exitCode).as(first.all()).isZero();
        assertThat(first.out).contains("note: amt.xlsx: sheet \"Personen\" is read", "source amt: 2 records");

        CliRunner same = CliRunner.run(env, "import", "-q", book.toString(), "--sheet", "Personen", "--as", "p2",
                "-w", ws.toString(), "-u", "admin");
        assertThat(same.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(same.err).contains("imported already");

        CliRunner archive = CliRunner.run(env, "import", "-q", book.toString(), "--sheet", "Archiv", "--as", "archiv",
                "-w", ws.toString(), "-u", "admin");
        assertThat(archive.exitCode).as(archive.all()).isZero();
        assertThat(archive.out).contains("source archiv: 1 records").doesNotContain("is read, the first");
        CliRunner again = CliRunner.run(env, "import", "-q", "--all-sheets", book.toString(), "-w", ws.toString(),
                "-u", "admin");
        assertThat(again.exitCode).isEqualTo(Cli.EXIT_FAILURE);
    }
}
