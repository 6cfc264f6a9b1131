package de.grw.api;

import de.grw.rights.Role;

/**
 * An account as listed (no secrets).
 *
 * @param name      the user name
 * @param role      clerk, supervisor or administrator
 * @param createdAt when it was created (ISO-8601, UTC)
 * @param disabled  whether it is disabled (it cannot sign in; its history stays)
 * @param person    the person it belongs to (personnel number or directory identity)
 * @param oneTimePassword whether its password was set by an administrator and its holder must set their own
 *                  before proposing, approving or rejecting
 * @param lockedUntil until when its sign-in is locked after failed attempts (ISO-8601, UTC), or {@code null} when it
 *                  is not locked now; a password set by an administrator ends the lock
 */
public record Account(String name, Role role, String createdAt, boolean disabled, String person,
                      boolean oneTimePassword, String lockedUntil) {

    /** An account that is not locked. */
    public Account(String name, Role role, String createdAt, boolean disabled, String person,
                   boolean oneTimePassword) {
        this(name, role, createdAt, disabled, person, oneTimePassword, null);
    }

    /** Whether its sign-in is locked now (as of the listing). */
    public boolean locked() {
        return lockedUntil != null;
    }
}
