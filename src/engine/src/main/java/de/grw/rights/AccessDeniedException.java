package de.grw.rights;

import de.grw.common.UserFacingException;

/** A user tried something their role does not allow. */
public final class AccessDeniedException extends UserFacingException {
    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(de.grw.common.Text text) {
        super(text);
    }
}
