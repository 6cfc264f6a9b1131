package de.grw.importing.read;

import de.grw.common.Text;
import java.util.List;

/**
 * Receives the rows of a tabular file in file order. Every data row of the file reaches exactly one of
 * {@link #row} or {@link #rejected}: nothing is dropped silently.
 */
public interface RowSink {

    /** The column names as they stand in the file (trimmed, byte-order mark removed). Called once, before any row. */
    void header(List<String> columns);

    /**
     * One readable data row.
     *
     * @param rowNumber 1-based number of the data row (the header is not counted; rejected rows are counted)
     * @param line      1-based physical line of the file where the row starts (JSON Lines: its line; a JSON array:
     *                  the line of the object's opening brace; Excel: the sheet's row number; a database: the row's
     *                  position in the result, equal to {@code rowNumber})
     * @param cells     one cell per header column, in header order; {@code null} or empty for a missing value: a new
     *                  array for every row, which the sink may keep (the importer's records do) and the reader does
     *                  not touch again
     */
    void row(long rowNumber, long line, String[] cells);

    /**
     * A data row that could not be read as a row of the table. The reader goes on with the next row where it can.
     *
     * @param reason  what is wrong, in one sentence a user understands (for example
     *                {@code "9 fields, but the header has 12"}), in English and German
     * @param rawText the row's text as far as it is known (may be shortened; never more than 1,000 characters), or
     *                {@code ""}
     */
    void rejected(long rowNumber, long line, Text reason, String rawText);

    /**
     * A cell that cannot be read as text (a database column of a type without a text form, or a value the driver
     * cannot convert). The row itself is still delivered, with {@code null} in that cell; this call comes before it.
     * When the whole column cannot be read (known from its type), this is called once, after {@link #header}, with
     * {@code rowNumber} and {@code line} 0, and the column's cells are {@code null} in every row. File readers never
     * call it. The default ignores it.
     *
     * @param column 0-based index of the column in the header
     * @param reason what is wrong, in one sentence a user understands
     */
    default void unreadable(long rowNumber, long line, int column, Text reason) {
    }

    /**
     * Something the reader did to the file's content that the user must know about although no row was rejected:
     * one sheet read among several, merged cells filled down, a repeated column name made unique, nested JSON
     * flattened, title lines above a sheet's header skipped. The default ignores it.
     *
     * @param line   the line (sheet row) it concerns, or 0 for the whole file
     * @param column 0-based index of the column in the header it concerns, or -1
     */
    default void notice(long line, int column, Text message) {
    }
}
