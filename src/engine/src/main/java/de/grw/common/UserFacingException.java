package de.grw.common;

import java.util.Locale;

/**
 * An error whose message is written for the user: it names the file, line and problem where there is one. Front ends
 * show the message and never the stack trace. An error made from a {@link Text} can be shown in the user's language
 * ({@link #message(Locale)}); {@link #getMessage()} is English.
 */
public class UserFacingException extends RuntimeException {
    private final Text text;

    public UserFacingException(String message) {
        super(message);
        this.text = null;
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
        this.text = null;
    }

    public UserFacingException(Text text) {
        super(text.english());
        this.text = text;
    }

    public UserFacingException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** The message in the given language, where the error was made from a {@link Text}; English otherwise. */
    public String message(Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }

    /** The message's key and arguments, or null for a message written in English only. */
    public Text text() {
        return text;
    }
}
