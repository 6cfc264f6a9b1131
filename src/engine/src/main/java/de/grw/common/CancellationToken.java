package de.grw.common;

/** Polled by engine loops so that a user can stop long work; a cancelled operation throws {@link CancelledException}. */
@FunctionalInterface
public interface CancellationToken {
    /** A token that is never cancelled. */
    CancellationToken NONE = () -> false;

    boolean isCancelled();

    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
