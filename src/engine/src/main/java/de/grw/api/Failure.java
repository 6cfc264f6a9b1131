package de.grw.api;

import de.grw.common.CancelledException;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;

/**
 * A failed call as it travels from a workspace server to its client, so that the client throws what a local call
 * would have thrown: the same exception class with the same keyed text, shown in the user's language.
 *
 * @param kind    which exception
 * @param text    the message's key and arguments, or {@code null} for a message in English only
 * @param message the message in English (for logs, and the message itself when there is no text)
 */
public record Failure(Kind kind, Text text, String message) {
    /** The exceptions an API method throws. */
    public enum Kind {
        /** {@link AccessDeniedException}: the rights, the four eyes, a wrong sign-in, a session that ended. */
        ACCESS_DENIED,
        /** {@link UserFacingException}: bad input, something missing or in the wrong state, a damaged store. */
        USER_FACING,
        /** {@link CancelledException}: the user stopped long work before it stored anything. */
        CANCELLED,
        /** Anything else: a fault of the program, reported without its details (they are in the server's log). */
        INTERNAL
    }

    /** The failure a thrown exception stands for. */
    public static Failure of(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return new Failure(Kind.ACCESS_DENIED, a.text(), a.getMessage());
        }
        if (e instanceof UserFacingException u) {
            return new Failure(Kind.USER_FACING, u.text(), u.getMessage());
        }
        if (e instanceof CancelledException) {
            return new Failure(Kind.CANCELLED, null, "cancelled");
        }
        return new Failure(Kind.INTERNAL, null, "internal error (" + e.getClass().getSimpleName() + ")");
    }

    /** The exception to throw in the client. */
    public RuntimeException toException() {
        return switch (kind) {
            case ACCESS_DENIED -> text != null ? new AccessDeniedException(text) : new AccessDeniedException(message);
            case USER_FACING -> text != null ? new UserFacingException(text) : new UserFacingException(message);
            case CANCELLED -> new CancelledException();
            case INTERNAL -> new IllegalStateException(message);
        };
    }
}
