package de.grw.common;

/**
 * An error whose message is written for the user: it names the file, line and problem where there is one. Front ends
 * show the message and never the stack trace.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
