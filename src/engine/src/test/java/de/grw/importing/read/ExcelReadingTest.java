package de.grw.importing.read;

import de.grw.common.UserFacingException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static de.grw.importing.read.ReadTestSupport.read;
import static de.grw.importing.read.ReadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExcelReadingTest {
    @TempDir
    Path dir;

    /** A workbook with a blank first row, typed cells, a blank row, a row too wide and a second sheet. */
    private Path workbook(String extension) throws IOException {
        Path file = dir.resolve("personen." + extension);
        try (Workbook wb = extension.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook()) {
            CellStyle germanDate = wb.createCellStyle();
            germanDate.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle fiveDigits = wb.createCellStyle();
            fiveDigits.setDataFormat(wb.createDataFormat().getFormat("00000"));

            Sheet sheet = wb.createSheet("Personen");
            Row header = sheet.createRow(1);
            String[] names = {"rec_id", "plz", "geburtsdatum", "betrag", "doppelt", "aktiv", "plz_zahl", "telefon"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(i == 0 ? " rec_id " : names[i]);
            }
            Row r = sheet.createRow(2);
            r.createCell(0).setCellValue("A1");
            r.createCell(1).setCellValue("01067");
            r.createCell(2).setCellValue(LocalDate.of(1980, 5, 17));
            r.getCell(2).setCellStyle(germanDate);
            r.createCell(3).setCellValue(12.5);
            r.createCell(4).setCellFormula("D3*2");
            r.createCell(5).setCellValue(true);
            r.createCell(6).setCellValue(1067);
            r.getCell(6).setCellStyle(fiveDigits);
            r.createCell(7).setCellValue(493012345678d);
            Row sparse = sheet.createRow(4);  // row 4 (index 3) stays blank
            sparse.createCell(0).setCellValue("A2");
            sparse.createCell(3).setCellValue(1067);
            Row wide = sheet.createRow(5);
            wide.createCell(0).setCellValue("A3");
            wide.createCell(9).setCellValue("stray");

            Sheet second = wb.createSheet("Zweites");
            second.createRow(0).createCell(0).setCellValue("id");
            second.createRow(1).createCell(0).setCellValue("Z1");
            wb.createSheet("Leer");

            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void readsTypedCellsAsTheUserSeesThem(String extension) throws IOException {
        Path file = workbook(extension);

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("rec_id", "plz", "geburtsdatum", "betrag", "doppelt", "aktiv",
                "plz_zahl", "telefon");
        assertThat(sink.cells()).containsExactly(
                List.of("A1", "01067", "1980-05-17", "12.5", "25", "TRUE", "01067", "493012345678"),
                List.of("A2", "", "", "1067", "", "", "", ""));
        assertThat(sink.lines()).containsExactly(3L, 5L);
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason)
                .containsExactly(Tuple.tuple(6L, "value in column J, but the header has 8 columns"));
        assertThat(new TabularReader().sniff(file).format()).isEqualTo(TableFormat.EXCEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void sheetsCanBeListedAndChosen(String extension) throws IOException {
        Path file = workbook(extension);
        TabularReader reader = new TabularReader();

        assertThat(reader.sheetNames(file)).containsExactly("Personen", "Zweites", "Leer");
        assertThat(read(file, ReadOptions.DEFAULTS.withSheet("Zweites")).cells()).containsExactly(List.of("Z1"));
        assertThatThrownBy(() -> read(file, ReadOptions.DEFAULTS.withSheet("Fehlt")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("personen." + extension + ": there is no sheet \"Fehlt\" (sheets: Personen, Zweites, Leer)");
        assertThatThrownBy(() -> read(file, ReadOptions.DEFAULTS.withSheet("Leer")))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("personen." + extension + ": the sheet \"Leer\" is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void previewStopsEarly(String extension) throws IOException {
        Path file = workbook(extension);

        TablePreview preview = new TabularReader().preview(file, null, 1);

        assertThat(preview.header()).hasSize(8);
        assertThat(preview.rows()).extracting(TablePreview.Row::line).containsExactly(3L);
        assertThat(preview.more()).isTrue();
        assertThat(preview.format().encoding()).isNull();
    }

    @Test
    void headerOnlySheetGivesNoRows() throws IOException {
        Path file = dir.resolve("kopf.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row r = wb.createSheet("S").createRow(0);
            r.createCell(0).setCellValue("a");
            r.createCell(2).setCellValue("a");
            wb.write(out);
        }

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("a", "column_2", "a [3]");
        assertThat(sink.rows).isEmpty();
    }

    @Test
    void textFileNamedXlsIsExplained() throws IOException {
        Path file = write(dir, "export.xls", "a;b\n1;2\n");

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("export.xls: not an Excel workbook");
        assertThat(read(file, ReadOptions.DEFAULTS.withFormat(TableFormat.CSV)).cells())
                .containsExactly(List.of("1", "2"));
    }

    @Test
    void corruptWorkbookGivesAMessage() throws IOException {
        Path file = ReadTestSupport.writeBytes(dir, "kaputt.xlsx",
                ReadTestSupport.latin1("PK\u0003\u0004 this is not really a zip file at all"));

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("kaputt.xlsx: ");
    }
}
