package de.grw.importing.read;

import java.util.List;

/**
 * The beginning of a table for an import preview screen.
 *
 * @param format   what was detected about the file
 * @param header   the column names
 * @param rows     the first readable rows, in file order
 * @param rejected the rows among the first ones that could not be read, in file order
 * @param more     whether the file goes on after what the preview holds
 * @param notices  what the reader did to the content so far that the user must know about (see
 *                 {@link RowSink#notice}), e.g. which sheet it read
 */
public record TablePreview(DetectedFormat format, List<String> header, List<Row> rows, List<Rejected> rejected,
                           boolean more, List<de.grw.common.Text> notices) {

    public TablePreview {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
        notices = List.copyOf(notices);
    }

    /** A preview without notices. */
    public TablePreview(DetectedFormat format, List<String> header, List<Row> rows, List<Rejected> rejected,
                        boolean more) {
        this(format, header, rows, rejected, more, List.of());
    }

    /** A readable row; {@code cells} may hold {@code null} (JSON null). */
    public record Row(long rowNumber, long line, List<String> cells) {
    }

    /** A row that could not be read, as passed to {@link RowSink#rejected}. */
    public record Rejected(long rowNumber, long line, String reason, String rawText) {
    }
}
