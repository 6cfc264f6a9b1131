package de.grw.common;

/**
 * Receives progress from long-running engine work. Implementations must be cheap and thread-safe; the engine may call
 * them from worker threads. Front ends map them onto their own mechanism (a JavaFX Task, a console line).
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase stable key of the phase (for example {@code "import"}, {@code "block"}), used for localised labels
     * @param done  units of work finished in this phase
     * @param total units of work in this phase, or {@code -1} when unknown
     */
    void progress(String phase, long done, long total);
}
