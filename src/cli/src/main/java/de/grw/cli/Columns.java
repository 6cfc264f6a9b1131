package de.grw.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A listing in fixed-width columns, printed line by line as its rows come: a header of column names, then rows in
 * the same widths ({@code %-24s} left-aligned, {@code %9s} right-aligned, the last column unpadded). Unlike {@link
 * TextTable} it needs no row before printing the first.
 */
final class Columns {
    private final String format;
    private final String[] names;

    /** @param format one {@code %s} per column, with its width (e.g. {@code "%-7s %9s %s"}); no line end */
    Columns(String format, String... names) {
        this.format = format + "%n";
        this.names = names.clone();
    }

    void header(PrintWriter out) {
        out.printf(Locale.ROOT, format, (Object[]) names);
    }

    /** A row; numbers and {@code null} are printed as text ({@code null} as empty). */
    void row(PrintWriter out, Object... cells) {
        Object[] text = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        out.printf(Locale.ROOT, format, text);
    }
}
