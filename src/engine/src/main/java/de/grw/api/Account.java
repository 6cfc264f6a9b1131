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
 */
public record Account(String name, Role role, String createdAt, boolean disabled, String person,
                      boolean oneTimePassword) {
}
