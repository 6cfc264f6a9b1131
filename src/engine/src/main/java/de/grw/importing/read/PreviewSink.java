package de.grw.importing.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Collects the beginning of a table (file or database) for a preview and stops the read, by throwing {@link Full}
 * through the reader, when it has enough.
 */
public final class PreviewSink implements RowSink {
    /** Thrown through the reader to stop it; cheap (no stack trace). */
    public static final class Full extends RuntimeException {
        Full() {
            super("preview complete", null, false, false);
        }
    }

    private final int maxRows;
    private List<String> header = List.of();
    private final List<TablePreview.Row> rows = new ArrayList<>();
    private final List<TablePreview.Rejected> rejected = new ArrayList<>();
    private final List<de.grw.common.Text> notices = new ArrayList<>();
    private boolean more;

    public PreviewSink(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public void header(List<String> columns) {
        header = columns;
    }

    @Override
    public void row(long rowNumber, long line, String[] cells) {
        take();
        rows.add(new TablePreview.Row(rowNumber, line, Collections.unmodifiableList(Arrays.asList(cells.clone()))));
    }

    @Override
    public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
        take();
        rejected.add(new TablePreview.Rejected(rowNumber, line, reason.english(), rawText));
    }

    @Override
    public void notice(long line, int column, de.grw.common.Text message) {
        notices.add(message);
    }

    private void take() {
        if (rows.size() + rejected.size() >= maxRows) {
            more = true;
            throw new Full();
        }
    }

    /** What was collected, read in the given format. */
    public TablePreview preview(DetectedFormat format) {
        return new TablePreview(format, header, rows, rejected, more, notices);
    }
}
