package de.grw.ui.common;

import de.grw.common.UserFacingException;

/** Turns failures into messages for users. */
public final class Errors {
    private Errors() {
    }

    public static String message(Throwable t, I18n i18n) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof UserFacingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof de.grw.common.CancelledException) {
            return i18n.get("task.cancelled");
        }
        if (cause instanceof UserFacingException u) {
            return u.message(i18n.locale());
        }
        return i18n.get("error.unexpected", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
