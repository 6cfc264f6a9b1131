package de.grw.importing.read;

import java.nio.charset.Charset;

/**
 * What a reader found out about a file, for display to the user ("detected: Windows-1252, delimiter ';'").
 *
 * @param format         the kind of file
 * @param encoding       the character encoding used to decode it ({@code null} for Excel)
 * @param byteOrderMark  whether a UTF-8 byte-order mark was present
 * @param delimiter      the CSV delimiter ({@code 0} for other formats)
 * @param encodingReason why this encoding was chosen, e.g. "valid UTF-8" or "bytes 0x80-0x9F present: Windows-1252"
 */
public record DetectedFormat(TableFormat format, Charset encoding, boolean byteOrderMark, char delimiter,
                             String encodingReason) {

    /** A short human-readable description, e.g. {@code CSV, UTF-8 with BOM, delimiter ';'}. */
    public String describe() {
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
