package de.grw.importing.read;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns spreadsheet rows into table rows. Rows without a filled cell are skipped. The header is found by
 * {@link SheetShape} among the first filled rows: title rows above it are skipped and reported; without a row that
 * can be a header, the first filled row is the header (reported). A value right of the last header column rejects
 * the row. Cells are trimmed; missing cells are {@code ""}. The line of a row is its 1-based sheet row number.
 *
 * <p><b>Merged cells.</b> A spreadsheet stores the value of merged cells in the region's top-left cell only, but shows
 * it for the whole region; the value is read for every row of the region (in the region's first column) and each
 * region filled so is reported (the first {@value #MERGE_NOTICES} one by one, then their number).
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

    static final int MERGE_NOTICES = 20;

    /** A merged region: its value once its first row is read, and how many rows got it. */
    private static final class Merge {
        final CellRangeAddress range;
        String value;
        int filled;

        Merge(CellRangeAddress range) {
            this.range = range;
        }
    }

    private record Pending(long line, List<String> cells) {
    }

    private final Path file;
    private final String sheet;
    private final int maxChars;
    private final RowEmitter out;
    private final List<Pending> pending = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<Merge> active = new ArrayList<>();
    private int nextMerge;
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

    /** The sheet's merged regions; before the first row. */
    void merges(List<CellRangeAddress> regions) {
        regions.stream().filter(r -> r.getLastRow() > r.getFirstRow())
                .sorted(Comparator.comparingInt(CellRangeAddress::getFirstRow))
                .forEach(r -> merges.add(new Merge(r)));
    }

    /** @param rowIndex 0-based sheet row; @param cells cell texts by column, {@code null} for a missing cell */
    void row(int rowIndex, List<String> cells) {
        rowsSeen = rowIndex + 1L;
        try {
            accept(rowIndex, cells);
        } catch (RuntimeException e) {
            throw new Passthrough(e);
        }
    }

    private void accept(int rowIndex, List<String> cells) {
        boolean filled = cells.stream().anyMatch(c -> c != null && !c.isBlank());
        List<String> row = merges.isEmpty() ? cells : fill(rowIndex, new ArrayList<>(cells), filled);
        if (!filled) {
            return;
        }
        long line = rowIndex + 1L;
        if (header != null) {
            deliver(line, row);
            return;
        }
        pending.add(new Pending(line, List.copyOf(nullsAsEmpty(row))));
        if (SheetShape.headerLike(row) || pending.size() >= SheetShape.LOOKAHEAD) {
            decide();
        }
    }

    /** Puts the values of merged regions into the row's cells; a blank row only advances the regions. */
    private List<String> fill(int rowIndex, List<String> cells, boolean filled) {
        while (nextMerge < merges.size() && merges.get(nextMerge).range.getFirstRow() <= rowIndex) {
            active.add(merges.get(nextMerge++));
        }
        active.removeIf(m -> m.range.getLastRow() < rowIndex);
        for (Merge m : active) {
            int col = m.range.getFirstColumn();
            if (m.range.getFirstRow() == rowIndex) {
                m.value = col < cells.size() ? cells.get(col) : null;
            } else if (filled && m.value != null && !m.value.isBlank()) {
                while (cells.size() <= col) {
                    cells.add(null);
                }
                cells.set(col, m.value);
                m.filled++;
            }
        }
        return cells;
    }

    /** Chooses the header among the pending rows, reports the rows above it and delivers the rows after it. */
    private void decide() {
        List<List<String>> rows = pending.stream().map(Pending::cells).toList();
        int h = SheetShape.headerIndex(rows);
        if (h < 0) {
            h = 0;
            out.notice(pending.get(0).line(), -1, Text.of("import.sheet_no_header_row", sheet,
                    pending.get(0).line()));
        }
        for (int i = 0; i < h; i++) {
            out.notice(pending.get(i).line(), -1, Text.of("import.sheet_title_row", pending.get(h).line(),
                    SheetShape.text(pending.get(i).cells())));
        }
        List<String> cells = pending.get(h).cells();
        int last = lastFilled(cells);
        HeaderNames.Names names = HeaderNames.of(cells.subList(0, last + 1), true);
        header = names.names();
        out.header(header);
        names.report(pending.get(h).line(), out);
        for (Pending p : pending.subList(h + 1, pending.size())) {
            deliver(p.line(), p.cells());
        }
        pending.clear();
    }

    private static int lastFilled(List<String> cells) {
        int last = -1;
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c != null && !c.isBlank()) {
                last = i;
            }
        }
        return last;
    }

    private void deliver(long line, List<String> cells) {
        int last = lastFilled(cells);
        int width = header.size();
        if (last >= width) {
            out.reject(line, Text.of(width == 1 ? "import.sheet_beyond_one" : "import.sheet_beyond",
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
        if (header == null && !pending.isEmpty()) {
            decide();
        }
        if (header == null) {
            throw new UserFacingException(Text.of("import.sheet_empty", Messages.name(file), sheet));
        }
        reportMerges();
        out.finish();
    }

    private void reportMerges() {
        int reported = 0;
        int more = 0;
        for (Merge m : merges) {
            if (m.filled == 0) {
                continue;
            }
            if (reported++ >= MERGE_NOTICES) {
                more++;
                continue;
            }
            CellRangeAddress r = m.range;
            String topLeft = new CellReference(r.getFirstRow(), r.getFirstColumn()).formatAsString();
            Text text = Text.of("import.merged_cells", r.formatAsString(), topLeft, m.value, r.getFirstRow() + 1,
                    r.getLastRow() + 1);
            if (r.getLastColumn() == r.getFirstColumn() + 1) {
                text = Text.of("import.merged_cells_wide_one", text,
                        CellReference.convertNumToColString(r.getLastColumn()));
            } else if (r.getLastColumn() > r.getFirstColumn()) {
                text = Text.of("import.merged_cells_wide", text,
                        CellReference.convertNumToColString(r.getFirstColumn() + 1),
                        CellReference.convertNumToColString(r.getLastColumn()));
            }
            out.notice(r.getFirstRow() + 1L, r.getFirstColumn(), text);
        }
        if (more > 0) {
            out.notice(0, -1, Text.of("import.merged_more", more));
        }
    }

    private static List<String> nullsAsEmpty(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(c == null ? "" : c);
        }
        return out;
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
