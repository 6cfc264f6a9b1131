package de.grw.common;

/** Thrown by engine code when its {@link CancellationToken} reports cancellation. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
