package de.grw.importing.read;

import java.nio.charset.Charset;

/**
 * What a reader found out about a file, for display to the user ("detected: Windows-1252, delimiter ';'").
 *
 * @param format         the kind of file
 * @param encoding       the character encoding used to decode it ({@code null} for Excel and databases)
 * @param byteOrderMark  whether a UTF-8 byte-order mark was present
 * @param delimiter      the CSV delimiter ({@code 0} for other formats)
 * @param encodingReason why this encoding was chosen, e.g. "valid UTF-8" or "bytes 0x80-0x9F present: Windows-1252"
 * @param origin         for a database: the product and what was read, e.g. {@code PostgreSQL table public.personen};
 *                       {@code null} for files
 */
public record DetectedFormat(TableFormat format, Charset encoding, boolean byteOrderMark, char delimiter,
                             String encodingReason, String origin) {

    /** What was detected about a file. */
    public DetectedFormat(TableFormat format, Charset encoding, boolean byteOrderMark, char delimiter,
                          String encodingReason) {
        this(format, encoding, byteOrderMark, delimiter, encodingReason, null);
    }

    /** A database table or query result, described for the user (e.g. {@code SQLite query}). */
    public static DetectedFormat database(String origin) {
        return new DetectedFormat(TableFormat.DATABASE, null, false, '\0', null, origin);
    }

    /**
     * A short human-readable description, e.g. {@code CSV, UTF-8 with BOM, delimiter ';'} or
     * {@code PostgreSQL table public.personen}.
     */
    public String describe() {
        if (format == TableFormat.DATABASE) {
            return origin != null ? origin : "database";
        }
        StringBuilder sb = new StringBuilder(format.name().replace('_', ' '));
        if (encoding != null) {
            sb.append(", ").append(encoding.name());
            if (byteOrderMark) {
                sb.append(" with BOM");
            }
        }
        if (delimiter != 0) {
            sb.append(", delimiter ").append(delimiter == '\t' ? "TAB" : "'" + delimiter + "'");
        }
        return sb.toString();
    }
}
