package de.grw.importing.read;

import static de.grw.importing.read.ReadTestSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Workbooks as offices make them: a cover sheet, a title above the table, merged cells, several tables. */
class ExcelSheetsTest {
    @TempDir
    Path dir;

    static void row(Sheet sheet, int index, String... cells) {
        Row r = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                r.createCell(i).setCellValue(cells[i]);
            }
        }
    }

    private Path save(Workbook wb, String name) throws IOException {
        Path file = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private static Workbook workbook(String extension) {
        return extension.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
    }

    /** Cover sheet, the people (title above, "Berlin" merged over two rows), an archive table, an empty sheet. */
    private Path office(String extension) throws IOException {
        Workbook wb = workbook(extension);
        Sheet cover = wb.createSheet("Deckblatt");
        row(cover, 0, "Melderegister Musterstadt");
        row(cover, 2, "Stand:", "2026-03-01");
        row(cover, 3, "Erstellt von:", "Amt 32");
        Sheet people = wb.createSheet("Personen");
        row(people, 0, "Auszug Einwohner");
        row(people, 2, "Nachname", "Vorname", "Ort", "Bemerkung");
        row(people, 3, "Müller", "Hans", "Berlin", "x");
        row(people, 4, "Müller", "Eva", null, "y");
        row(people, 5, "Schmidt", "Jan", "Köln");
        row(people, 6, "Weber", "Udo", "Bonn", "lang");
        row(people, 7, "Koch", "Ina", "Ulm");
        people.addMergedRegion(CellRangeAddress.valueOf("C4:C5"));
        people.addMergedRegion(CellRangeAddress.valueOf("D7:E8"));
        people.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
        Sheet archive = wb.createSheet("Archiv");
        row(archive, 0, "Nachname", "Vorname");
        row(archive, 1, "Alt", "Otto");
        wb.createSheet("Leer");
        return save(wb, "amt." + extension);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void theFirstSheetWithATableIsReadAndTheOthersAreNamed(String extension) throws IOException {
        Path file = office(extension);

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("Nachname", "Vorname", "Ort", "Bemerkung");
        assertThat(sink.cells()).containsExactly(List.of("Müller", "Hans", "Berlin", "x"),
                List.of("Müller", "Eva", "Berlin", "y"), List.of("Schmidt", "Jan", "Köln", ""),
                List.of("Weber", "Udo", "Bonn", "lang"), List.of("Koch", "Ina", "Ulm", "lang"));
        assertThat(sink.lines()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(sink.notices).containsExactly(
                "0:-1: sheet \"Personen\" is read, the first that holds a table; not read: "
                        + "\"Deckblatt\" (no table), \"Archiv\", \"Leer\" (empty). Choose a sheet with --sheet NAME, "
                        + "or read every sheet as a source of its own with --all-sheets (\"sheet\" in a mapping "
                        + "file).",
                "1:-1: skipped, above the table's header in line 3: Auszug Einwohner",
                "4:2: cells C4:C5 are merged: the value of C4 (\"Berlin\") is read for each row from 4 to 5",
                "7:3: cells D7:E8 are merged: the value of D7 (\"lang\") is read for each row from 7 to 8, in its "
                        + "first column; column E of those rows is left empty");
        assertThat(new TabularReader().tableSheets(file)).containsExactly("Personen", "Archiv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aCoverSheetChosenByNameIsReadAsBeforeAndSaysSo(String extension) throws IOException {
        CollectingSink sink = read(office(extension), ReadOptions.DEFAULTS.withSheet("Deckblatt"));

        assertThat(sink.header).containsExactly("Melderegister Musterstadt");
        assertThat(sink.notices).containsExactly("1:-1: sheet \"Deckblatt\" has no row that looks like a table's "
                + "header (two or more column names); its first filled row, line 1, is read as the header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void severalSheetsWithoutATableAreRefused(String extension) throws IOException {
        Workbook wb = workbook(extension);
        row(wb.createSheet("Deckblatt"), 0, "Titel");
        row(wb.createSheet("Hinweise"), 0, "Bitte beachten:");
        Path file = save(wb, "leer." + extension);

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessage("leer." + extension + ": no sheet holds a table (a header row of column names with rows "
                        + "below it): \"Deckblatt\" (no table), \"Hinweise\" (no table). Choose the sheet to read "
                        + "with --sheet NAME.");
    }

    @org.junit.jupiter.api.Test
    void mergedRegionsAreFoundAcrossChunkBoundariesAndOnlyAsElements() throws IOException {
        for (int pad = 65_500; pad < 65_560; pad += 7) {
            String xml = "<worksheet><sheetData><row><c><is><t>mergeCell ref=\"A1:A9\" &lt;mergeCell ref=\"B1:B9\"</t>"
                    + "</is></c></row></sheetData>" + " ".repeat(pad) + "<mergeCells count=\"2\"><mergeCell "
                    + "ref=\"C4:C5\"/><x:mergeCell ref=\"D7:E8\"/></mergeCells></worksheet>";
            List<CellRangeAddress> regions = XlsxStreamReader.merges(new java.io.ByteArrayInputStream(
                    xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(regions).extracting(CellRangeAddress::formatAsString).as("padding " + pad)
                    .containsExactly("C4:C5", "D7:E8");
        }
    }
}
