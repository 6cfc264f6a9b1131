package de.grw.ui.matching;

import de.grw.common.ProgressListener;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards the engine's progress, which arrives from worker threads (often many times a second from parallel
 * loops), to the per-phase progress on the FX thread: the latest value per phase is kept and applied in one go, with
 * at most one update waiting on the FX thread at any time. A phase that reports means the earlier ones are done;
 * clustering reports nothing, so it runs indeterminate once scoring is complete.
 */
final class PhaseTracker {
    private final List<PhaseProgress> phases;
    private final I18n i18n;
    private final ConcurrentHashMap<String, long[]> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;
    private int reached = -1;

    PhaseTracker(List<PhaseProgress> phases, I18n i18n) {
        this.phases = phases;
        this.i18n = i18n;
        phases.forEach(PhaseProgress::reset);
        phases.get(0).progressProperty().set(PhaseProgress.INDETERMINATE);
    }

    /** The listener to hand to the engine; thread-safe and cheap. */
    ProgressListener listener() {
        return (phase, done, total) -> {
            if (closed) {
                return;
            }
            latest.put(phase, new long[] {done, total});
            if (scheduled.compareAndSet(false, true)) {
                TaskRunner.fx(this::flush);
            }
        };
    }

    /** Applies the latest values (FX thread). */
    private void flush() {
        scheduled.set(false);
        if (closed) {
            return;
        }
        for (int i = 0; i < phases.size(); i++) {
            long[] v = latest.remove(phases.get(i).key());
            if (v == null) {
                continue;
            }
            reached = Math.max(reached, i);
            PhaseProgress p = phases.get(i);
            if (v[1] > 0) {
                p.progressProperty().set(Math.min(1, (double) v[0] / v[1]));
                p.detailProperty().set(i18n.get("match.phaseDetail", v[0], v[1]));
            } else {
                p.progressProperty().set(PhaseProgress.INDETERMINATE);
            }
        }
        for (int i = 0; i < reached; i++) {
            phases.get(i).progressProperty().set(1);
        }
        PhaseProgress last = phases.get(phases.size() - 1);
        if (reached == phases.size() - 2 && phases.get(reached).progress() >= 1 && last.progress() == 0) {
            last.progressProperty().set(PhaseProgress.INDETERMINATE);
        }
    }

    /** The run ended: every phase complete after success; otherwise running phases stop where they were. */
    void finish(boolean success) {
        closed = true;
        for (PhaseProgress p : phases) {
            if (success) {
                p.progressProperty().set(1);
            } else if (p.progress() < 0) {
                p.progressProperty().set(0);
            }
        }
    }
}
