package de.grw.server.http;

import de.grw.common.Text;
import de.grw.common.UserFacingException;

/** A refusal the API answers with a given HTTP status and a keyed message. */
public final class ApiProblem extends UserFacingException {
    private final int status;

    public ApiProblem(int status, Text text) {
        super(text);
        this.status = status;
    }

    public ApiProblem(int status, Text text, Throwable cause) {
        super(text, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
