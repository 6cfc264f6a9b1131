package de.grw.importing.read;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a sheet's table begins, told from its first filled rows. Workbooks from offices put a cover sheet in front
 * (a title, "Stand: 01.03.2026", "Erstellt von: ...") or a title above the table; neither must become records.
 *
 * <p>A row can be a table's <b>header</b> when it has at least two filled cells and none of them looks like a value
 * rather than a column name: a number, a date, or a label ending in a colon ({@code Stand:}). The header is the first
 * such row among the first {@value #LOOKAHEAD} filled rows; the filled rows above it are <b>title rows</b>, skipped
 * and reported. A sheet <b>holds a table</b> when it has a header followed by at least one filled row; a sheet
 * without a header row (a cover sheet, or a list of one column) is read only when chosen by name, and then its first
 * filled row is the header, as in older versions.
 */
final class SheetShape {
    /** Filled rows looked at for a header. */
    static final int LOOKAHEAD = 10;
    private static final Pattern VALUE = Pattern.compile(
            "[-+]?[0-9][0-9.,]*|[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:]+)?|[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4}|.*:");

    private SheetShape() {
    }

    /** Whether a row (its cells' texts, {@code null} for a missing cell) can be the header of a table. */
    static boolean headerLike(List<String> cells) {
        int filled = 0;
        for (String c : cells) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (VALUE.matcher(c.strip()).matches()) {
                return false;
            }
            filled++;
        }
        return filled >= 2;
    }

    /** Index of the header among a sheet's first filled rows, or -1 when none of them can be one. */
    static int headerIndex(List<List<String>> firstRows) {
        for (int i = 0; i < firstRows.size() && i < LOOKAHEAD; i++) {
            if (headerLike(firstRows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the first filled rows show a table: a header and at least one filled row after it. */
    static boolean holdsTable(List<List<String>> firstRows) {
        int h = headerIndex(firstRows);
        return h >= 0 && h + 1 < firstRows.size();
    }

    /** The filled cells of a row joined for a message: {@code Melderegister Stand 2026}. */
    static String text(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(c.strip());
            }
        }
        return sb.length() > 80 ? sb.substring(0, 79) + "…" : sb.toString();
    }
}
