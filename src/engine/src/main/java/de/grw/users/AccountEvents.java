package de.grw.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.grw.rights.Role;

/** The journal payloads of account management, as Jackson records (their JSON is part of the journal format). */
public final class AccountEvents {
    private AccountEvents() {
    }

    /**
     * An account created ({@code user.created}); {@code first} only for the first administrator; {@code person}
     * the person it belongs to (from version 13; older entries have none).
     */
    public record Created(String name, Role role, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean first,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String person) {
        public Created(String name, Role role, Boolean first) {
            this(name, role, first, null);
        }
    }

    /** A password changed, an account disabled or enabled ({@code user.password_changed}, ...). */
    public record Changed(String name) {
    }

    /** An account's role changed ({@code user.role_changed}) by an administrator. */
    public record RoleChanged(String name, Role role, Role previous) {
    }

    /**
     * An account of the office's directory, provisioned or updated at its sign-in: created ({@code user.created},
     * without {@code previous}) or given the role its directory groups map to now ({@code user.role_changed}).
     *
     * @param directory the directory that vouched for the account (its URL, never a password)
     */
    public record FromDirectory(String name, Role role, @JsonInclude(JsonInclude.Include.NON_NULL) Role previous,
                                String directory) {
    }
}
