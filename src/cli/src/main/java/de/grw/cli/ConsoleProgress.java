package de.grw.cli;

import de.grw.common.ProgressListener;
import java.io.PrintWriter;

/** Prints progress per phase to the console, at most every two seconds per phase, plus a line when a phase starts. */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter out;
    private final boolean quiet;
    private String phase;
    private long lastPrint;

    ConsoleProgress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public synchronized void progress(String newPhase, long done, long total) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (!newPhase.equals(phase)) {
            phase = newPhase;
            lastPrint = now;
            out.println("[" + newPhase + "] ...");
            return;
        }
        if (now - lastPrint > 2_000_000_000L) {
            lastPrint = now;
            if (total > 0) {
                out.printf("[%s] %d%% (%,d of %,d)%n", newPhase, Math.min(100, done * 100 / total), done, total);
            } else {
                out.printf("[%s] %,d%n", newPhase, done);
            }
        }
    }
}
