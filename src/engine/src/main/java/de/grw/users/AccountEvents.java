package de.grw.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.grw.rights.Role;

/** The journal payloads of account management, as Jackson records (their JSON is part of the journal format). */
public final class AccountEvents {
    private AccountEvents() {
    }

    /** An account created ({@code user.created}); {@code first} only for the first administrator. */
    public record Created(String name, Role role, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean first) {
    }

    /** A password changed, an account disabled or enabled ({@code user.password_changed}, ...). */
    public record Changed(String name) {
    }
}
