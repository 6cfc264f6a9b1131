package de.grw.importing.read;

import de.grw.common.UserFacingException;
import org.apache.poi.ss.util.CellReference;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns spreadsheet rows into table rows: the first row with a non-blank cell is the header; rows without a non-blank
 * cell are skipped; a value right of the last header column rejects the row. Cells are trimmed; missing cells are
 * {@code ""}. The line of a row is its 1-based sheet row number.
 */
final class SheetRowAssembler {
    /** Carries an exception of the sink through POI code that would otherwise wrap or misreport it. */
    static final class Passthrough extends RuntimeException {
        Passthrough(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private final Path file;
    private final String sheet;
    private final int maxChars;
    private final RowEmitter out;
    private List<String> header;
    private long rowsSeen;

    SheetRowAssembler(Path file, String sheet, int maxChars, RowEmitter out) {
        this.file = file;
        this.sheet = sheet;
        this.maxChars = maxChars;
        this.out = out;
        out.measure(() -> rowsSeen, -1);
    }

    /** Sets the number of sheet rows, when known, for progress. */
    void expectRows(long total) {
        out.measure(() -> rowsSeen, total);
    }

    /** @param rowIndex 0-based sheet row; @param cells cell texts by column, {@code null} for a missing cell */
    void row(int rowIndex, List<String> cells) {
        rowsSeen = rowIndex + 1L;
        try {
            deliver(rowIndex + 1L, cells);
        } catch (RuntimeException e) {
            throw new Passthrough(e);
        }
    }

    private void deliver(long line, List<String> cells) {
        int last = -1;
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c != null && !c.isBlank()) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        if (header == null) {
            HeaderNames.Names names = HeaderNames.of(cells.subList(0, last + 1), true);
            header = names.names();
            out.header(header);
            names.report(line, out);
            return;
        }
        int width = header.size();
        if (last >= width) {
            out.reject(line, de.grw.common.Text.of(width == 1 ? "import.sheet_beyond_one" : "import.sheet_beyond",
                    CellReference.convertNumToColString(last), width), raw(cells));
            return;
        }
        String[] row = new String[width];
        for (int i = 0; i < width; i++) {
            String c = i < cells.size() ? cells.get(i) : null;
            row[i] = c == null ? "" : c.strip();
            if (row[i].length() > maxChars) {
                out.reject(line, Messages.fieldTooLong(i + 1, maxChars), raw(cells));
                return;
            }
        }
        out.row(line, row);
    }

    /** Called after the last row. */
    void finish() {
        if (header == null) {
            throw new UserFacingException(de.grw.common.Text.of("import.sheet_empty", Messages.name(file), sheet));
        }
        out.finish();
    }

    private static String raw(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size() && sb.length() <= Messages.RAW_TEXT_LIMIT; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            String c = cells.get(i);
            sb.append(c == null ? "" : c);
        }
        return sb.toString();
    }
}
