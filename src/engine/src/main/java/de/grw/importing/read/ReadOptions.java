package de.grw.importing.read;

import java.nio.charset.Charset;

/**
 * How {@link TabularReader} reads a file. Every setting left at its default is detected from the file.
 *
 * @param format        the kind of file, or {@code null} to detect it from the extension and the content
 * @param encoding      the character encoding of a text file, or {@code null} to detect it
 * @param delimiter     the CSV delimiter, or {@code 0} to detect it among {@code , ; TAB |}
 * @param sheet         the name of the Excel sheet to read, or {@code null} for the first sheet
 * @param maxFieldChars the longest cell accepted; a row with a longer cell is rejected
 */
public record ReadOptions(TableFormat format, Charset encoding, char delimiter, String sheet, int maxFieldChars) {

    public static final int DEFAULT_MAX_FIELD_CHARS = 1_000_000;

    /** Detect everything; cells up to {@value #DEFAULT_MAX_FIELD_CHARS} characters. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, '\0', null, DEFAULT_MAX_FIELD_CHARS);

    public ReadOptions {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be positive: " + maxFieldChars);
        }
        if (format == TableFormat.DATABASE) {
            throw new IllegalArgumentException("a database is read with de.grw.importing.db.DatabaseReader");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("not usable as a delimiter: " + (int) delimiter);
        }
    }

    public ReadOptions withFormat(TableFormat newFormat) {
        return new ReadOptions(newFormat, encoding, delimiter, sheet, maxFieldChars);
    }

    public ReadOptions withEncoding(Charset newEncoding) {
        return new ReadOptions(format, newEncoding, delimiter, sheet, maxFieldChars);
    }

    public ReadOptions withDelimiter(char newDelimiter) {
        return new ReadOptions(format, encoding, newDelimiter, sheet, maxFieldChars);
    }

    public ReadOptions withSheet(String newSheet) {
        return new ReadOptions(format, encoding, delimiter, newSheet, maxFieldChars);
    }

    public ReadOptions withMaxFieldChars(int newMaxFieldChars) {
        return new ReadOptions(format, encoding, delimiter, sheet, newMaxFieldChars);
    }
}
