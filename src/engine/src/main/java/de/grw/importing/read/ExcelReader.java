package de.grw.importing.read;

import de.grw.common.CancelledException;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Excel workbooks: .xlsx through {@link XlsxStreamReader} (streaming), .xls (at most 65,536 rows per sheet by
 * the format) through POI's in-memory HSSF usermodel. The kind is taken from the file's signature, not its name.
 *
 * <p><b>Which sheet.</b> A sheet named by the user is read. Without one, the first sheet that holds a table
 * ({@link SheetShape}) is read, so a cover sheet in front is passed over; when the workbook has other sheets, a
 * notice names the sheet read and those not read. A workbook whose only filled sheet holds no table is read as
 * before (its first filled row as the header, reported); with several filled sheets none of which holds a table the
 * read is refused, listing them.
 */
final class ExcelReader {
    /** The first filled rows of a sheet (for choosing it), in workbook order. */
    record SheetStart(String name, List<List<String>> rows) {
        boolean holdsTable() {
            return SheetShape.holdsTable(rows);
        }

        Text describe() {
            if (rows.isEmpty()) {
                return Text.of("import.sheet_is_empty", name);
            }
            return holdsTable() ? Text.of("import.sheet_named", name) : Text.of("import.sheet_is_no_table", name);
        }
    }

    /** The texts as one list: {@code "A", "B" (no table), "C" (empty)}. */
    static Text list(List<Text> items) {
        Text out = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            out = Text.of("import.sheet_list", items.get(i), out);
        }
        return out;
    }

    private ExcelReader() {
    }

    /** @param sheet the sheet name, or {@code null} for the first sheet that holds a table */
    static void read(Path file, String sheet, int maxChars, RowEmitter out) {
        run(file, () -> {
            String chosen = sheet;
            if (chosen == null) {
                chosen = choose(file, out);
            }
            boolean found = isZip(file) ? XlsxStreamReader.read(file, chosen, maxChars, out)
                    : readXls(file, chosen, maxChars, out);
            if (!found) {
                throw noSuchSheet(file, chosen);
            }
            return null;
        });
    }

    /** The sheets that hold a table, in workbook order. */
    static List<String> tableSheets(Path file) {
        return run(file, () -> starts(file).stream().filter(SheetStart::holdsTable).map(SheetStart::name).toList());
    }

    private static List<SheetStart> starts(Path file) throws Exception {
        int rows = SheetShape.LOOKAHEAD + 1;
        return isZip(file) ? XlsxStreamReader.starts(file, rows) : xlsStarts(file, rows);
    }

    /** The sheet read when none is named, with a notice when there are others. */
    private static String choose(Path file, RowEmitter out) throws Exception {
        List<String> names = isZip(file) ? XlsxStreamReader.sheetNames(file) : sheetNames(file);
        if (names.isEmpty()) {
            throw new UserFacingException(Text.of("import.excel_no_sheets", Messages.name(file)));
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        List<SheetStart> starts = starts(file);
        SheetStart chosen = starts.stream().filter(SheetStart::holdsTable).findFirst().orElse(null);
        if (chosen == null) {
            List<SheetStart> filled = starts.stream().filter(st -> !st.rows().isEmpty()).toList();
            if (filled.size() > 1) {
                throw new UserFacingException(Text.of("import.excel_no_table", Messages.name(file),
                        list(starts.stream().map(SheetStart::describe).toList())));
            }
            chosen = filled.isEmpty() ? starts.get(0) : filled.get(0);
        }
        String name = chosen.name();
        List<Text> others = starts.stream().filter(st -> !st.name().equals(name)).map(SheetStart::describe).toList();
        out.notice(0, -1, Text.of("import.sheet_chosen", name, list(others)));
        return name;
    }

    static List<String> sheetNames(Path file) {
        return run(file, () -> {
            if (isZip(file)) {
                return XlsxStreamReader.sheetNames(file);
            }
            try (HSSFWorkbook wb = openXls(file)) {
                List<String> names = new ArrayList<>();
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    names.add(wb.getSheetName(i));
                }
                return names;
            }
        });
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /** Runs POI work and turns every failure into a message for the user; passes the sink's exceptions through. */
    private static <T> T run(Path file, Work<T> work) {
        String name = Messages.name(file);
        try {
            return work.run();
        } catch (SheetRowAssembler.Passthrough p) {
            throw p.getCause();
        } catch (UserFacingException | CancelledException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UserFacingException(de.grw.common.Text.of("import.excel_password", name), e);
        } catch (OldExcelFormatException e) {
            throw new UserFacingException(de.grw.common.Text.of("import.excel_old", name), e);
        } catch (IOException e) {
            throw Messages.io(file, e);
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserFacingException(de.grw.common.Text.of("import.excel_unreadable", name, why), e);
        }
    }

    private static boolean isZip(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (Signatures.isZip(head, n)) {
            return true;
        }
        if (Signatures.isOle2(head, n)) {
            return false;
        }
        throw new UserFacingException(de.grw.common.Text.of("import.excel_no_signature", Messages.name(file)));
    }

    private static HSSFWorkbook openXls(Path file) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                throw new EncryptedDocumentException("encrypted OOXML package");
            }
            return new HSSFWorkbook(root, false);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** Reads an .xls sheet through the usermodel; returns whether there is such a sheet. */
    private static boolean readXls(Path file, String sheetName, int maxChars, RowEmitter out) throws IOException {
        try (HSSFWorkbook wb = openXls(file)) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                return false;
            }
            SheetRowAssembler rows = new SheetRowAssembler(file, sheet.getSheetName(), maxChars, out);
            rows.expectRows(sheet.getLastRowNum() + 1L);
            rows.merges(sheet.getMergedRegions());
            eachXlsRow(wb, sheet, rows::row);
            rows.finish();
            return true;
        }
    }

    private static List<SheetStart> xlsStarts(Path file, int max) throws IOException {
        try (HSSFWorkbook wb = openXls(file)) {
            List<SheetStart> out = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                List<List<String>> first = new ArrayList<>();
                eachXlsRow(wb, wb.getSheetAt(i), (index, cells) -> {
                    if (first.size() < max && cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                        first.add(cells.stream().map(c -> c == null ? "" : c).toList());
                    }
                });
                out.add(new SheetStart(wb.getSheetName(i), first));
            }
            return out;
        }
    }

    private static void eachXlsRow(HSSFWorkbook wb, Sheet sheet, java.util.function.BiConsumer<Integer,
            List<String>> rows) {
        boolean use1904 = wb.getInternalWorkbook().isUsing1904DateWindowing();
        ExcelCellFormatter formatter = new ExcelCellFormatter();
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            cells.clear();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? null : text(cell, formatter, use1904));
            }
            rows.accept(row.getRowNum(), cells);
        }
    }

    private static String text(Cell cell, ExcelCellFormatter formatter, boolean use1904) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING:
                return cell.getRichStringCellValue().getString();
            case NUMERIC:
                CellStyle style = cell.getCellStyle();
                return formatter.formatRawCellContents(cell.getNumericCellValue(), style.getDataFormat(),
                        style.getDataFormatString(), use1904);
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR:
                try {
                    return FormulaError.forInt(cell.getErrorCellValue()).getString();
                } catch (IllegalArgumentException e) {
                    return "#ERROR";
                }
            default:
                return null;
        }
    }

    private static UserFacingException noSuchSheet(Path file, String sheet) {
        List<String> names = sheetNames(file);
        if (sheet == null || names.isEmpty()) {
            return new UserFacingException(de.grw.common.Text.of("import.excel_no_sheets", Messages.name(file)));
        }
        return new UserFacingException(de.grw.common.Text.of("import.excel_no_such_sheet", Messages.name(file), sheet,
                String.join(", ", names)));
    }
}
