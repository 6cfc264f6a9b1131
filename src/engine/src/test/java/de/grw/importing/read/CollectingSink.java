package de.grw.importing.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records everything a reader delivers, and checks the sink contract on the way. */
class CollectingSink implements RowSink {
    record Row(long rowNumber, long line, List<String> cells) {
    }

    record Rejected(long rowNumber, long line, String reason, String rawText) {
    }

    List<String> header;
    final List<Row> rows = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    /** Notices as {@code "line:column: text"} (column 0-based, -1 for none). */
    final List<String> notices = new ArrayList<>();
    private long lastRowNumber;

    @Override
    public void header(List<String> columns) {
        if (header != null) {
            throw new AssertionError("header() called twice");
        }
        header = columns;
    }

    @Override
    public void row(long rowNumber, long line, String[] cells) {
        check(rowNumber);
        if (cells.length != header.size()) {
            throw new AssertionError("row " + rowNumber + " has " + cells.length + " cells, header " + header.size());
        }
        rows.add(new Row(rowNumber, line, Arrays.asList(cells)));
    }

    @Override
    public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
        check(rowNumber);
        if (rawText == null || rawText.length() > 1000) {
            throw new AssertionError("bad raw text length for row " + rowNumber);
        }
        rejected.add(new Rejected(rowNumber, line, reason.english(), rawText));
    }

    @Override
    public void notice(long line, int column, de.grw.common.Text message) {
        notices.add(line + ":" + column + ": " + message.english());
    }

    private void check(long rowNumber) {
        if (header == null) {
            throw new AssertionError("row before header");
        }
        if (rowNumber != lastRowNumber + 1) {
            throw new AssertionError("row number " + rowNumber + " after " + lastRowNumber);
        }
        lastRowNumber = rowNumber;
    }

    List<List<String>> cells() {
        return rows.stream().map(Row::cells).toList();
    }

    List<Long> lines() {
        return rows.stream().map(Row::line).toList();
    }

    List<String> column(String name) {
        int i = header.indexOf(name);
        return rows.stream().map(r -> r.cells().get(i)).toList();
    }
}
