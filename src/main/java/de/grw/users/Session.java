package de.grw.users;

/**
 * An authenticated user. Services take a session and check its rights themselves.
 *
 * @param user the user's name
 * @param role the user's role
 */
public record Session(String user, Role role) {

    public boolean may(Permission permission) {
        return role.may(permission);
    }

    /** Throws {@link AccessDeniedException} unless the role holds the permission. */
    public void require(Permission permission, String what) {
        if (!role.may(permission)) {
            throw new AccessDeniedException("user " + user + " (" + role.name().toLowerCase(java.util.Locale.ROOT)
                    + ") may not " + what);
        }
    }
}
