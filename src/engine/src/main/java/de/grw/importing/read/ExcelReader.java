package de.grw.importing.read;

import de.grw.common.CancelledException;
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
 */
final class ExcelReader {
    private ExcelReader() {
    }

    /** @param sheet the sheet name, or {@code null} for the first sheet */
    static void read(Path file, String sheet, int maxChars, RowEmitter out) {
        run(file, () -> {
            String read = isZip(file) ? XlsxStreamReader.read(file, sheet, maxChars, out)
                    : readXls(file, sheet, maxChars, out);
            if (read == null) {
                throw noSuchSheet(file, sheet);
            }
            return null;
        });
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

    /** Reads an .xls sheet through the usermodel; returns the sheet name or {@code null} if there is none. */
    private static String readXls(Path file, String sheetName, int maxChars, RowEmitter out) throws IOException {
        try (HSSFWorkbook wb = openXls(file)) {
            if (wb.getNumberOfSheets() == 0) {
                return null;
            }
            Sheet sheet = sheetName == null ? wb.getSheetAt(0) : wb.getSheet(sheetName);
            if (sheet == null) {
                return null;
            }
            boolean use1904 = wb.getInternalWorkbook().isUsing1904DateWindowing();
            ExcelCellFormatter formatter = new ExcelCellFormatter();
            SheetRowAssembler rows = new SheetRowAssembler(file, sheet.getSheetName(), maxChars, out);
            rows.expectRows(sheet.getLastRowNum() + 1L);
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                cells.clear();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : text(cell, formatter, use1904));
                }
                rows.row(row.getRowNum(), cells);
            }
            rows.finish();
            return sheet.getSheetName();
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
