package de.grw.importing.db;

import de.grw.importing.read.RowSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what a reader delivers, for assertions. */
final class Rows implements RowSink {
    List<String> header;
    final List<List<String>> rows = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final List<String> unreadable = new ArrayList<>();

    @Override
    public void header(List<String> columns) {
        header = columns;
    }

    @Override
    public void row(long rowNumber, long line, String[] cells) {
        rows.add(Arrays.asList(cells.clone()));
    }

    @Override
    public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
        rejected.add(rowNumber + ": " + reason);
    }

    @Override
    public void unreadable(long rowNumber, long line, int column, de.grw.common.Text reason) {
        unreadable.add(rowNumber + "/" + column + ": " + reason);
    }

    /** The column's values in row order. */
    List<String> column(String name) {
        int i = header.indexOf(name);
        return rows.stream().map(r -> r.get(i)).toList();
    }
}
