package de.grw.importing.read;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The readers' side of a {@link RowSink}: numbers the data rows, shortens raw texts, polls cancellation and reports
 * progress (phase {@value #PHASE}) at a modest rate.
 */
final class RowEmitter {
    static final String PHASE = "read";
    private static final int CANCEL_EVERY = 256;
    private static final int PROGRESS_EVERY = 4096;

    private final RowSink sink;
    private final CancellationToken cancel;
    private final ProgressListener progress;
    private long rowNumber;
    private long ticks;
    private LongSupplier done = () -> 0;
    private long total = -1;

    RowEmitter(RowSink sink, CancellationToken cancel, ProgressListener progress) {
        this.sink = sink;
        this.cancel = cancel;
        this.progress = progress;
    }

    /** Sets what progress reports: {@code done} is polled now and then; {@code total} is {@code -1} when unknown. */
    void measure(LongSupplier done, long total) {
        this.done = done;
        this.total = total;
    }

    void header(List<String> columns) {
        cancel.throwIfCancelled();
        sink.header(List.copyOf(columns));
    }

    void row(long line, String[] cells) {
        sink.row(++rowNumber, line, cells);
        tick();
    }

    void reject(long line, de.grw.common.Text reason, String rawText) {
        sink.rejected(++rowNumber, line, reason, Messages.shorten(rawText));
        tick();
    }

    void notice(long line, int column, de.grw.common.Text message) {
        sink.notice(line, column, message);
    }

    /** One unit of work that delivers no row (a pre-scan step); keeps cancellation and progress alive. */
    void tick() {
        ticks++;
        if (ticks % CANCEL_EVERY == 0) {
            cancel.throwIfCancelled();
            if (ticks % PROGRESS_EVERY == 0) {
                report();
            }
        }
    }

    void report() {
        progress.progress(PHASE, done.getAsLong(), total);
    }

    /** The last report of a completed read. */
    void finish() {
        long d = done.getAsLong();
        progress.progress(PHASE, total >= 0 ? Math.max(d, total) : d, total);
    }
}
