package de.grw.importing.db;

import de.grw.importing.read.RowSink;
import java.util.List;

/** Counts rows and measures the heap in use after a full collection, before the read and at one row in the middle. */
final class HeapWatch implements RowSink {
    private final long measureAt;
    private final long before;
    private long during;
    long count;

    HeapWatch(long measureAt) {
        this.measureAt = measureAt;
        this.before = used();
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Override
    public void header(List<String> columns) {
    }

    @Override
    public void row(long rowNumber, long line, String[] cells) {
        if (++count == measureAt) {
            during = used();
        }
    }

    @Override
    public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
        count++;
    }

    long growth() {
        return during - before;
    }
}
