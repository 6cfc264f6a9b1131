package de.grw.rights;

/**
 * An authenticated user. Services take a session and check its rights themselves.
 *
 * @param user the user's name
 * @param role the user's role
 */
public record Session(String user, Role role) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

    public boolean may(Permission permission) {
        return role.may(permission);
    }

    /**
     * Throws {@link AccessDeniedException} unless the role holds the permission.
     *
     * @param deed what the user tried, as a key of the engine's texts ({@code deed.<key>}, e.g. {@code approve_merges})
     */
    public void require(Permission permission, String deed) {
        if (!role.may(permission)) {
            LOG.warn("refused: {} ({}) may not {} (needs {})", user, role, deed.replace('_', ' '), permission);
            throw new AccessDeniedException(de.grw.common.Text.of("access.denied", user,
                    de.grw.common.Text.of("role." + role.name()), de.grw.common.Text.of("deed." + deed)));
        }
    }
}
