package de.grw.rights;

import java.util.Objects;

/**
 * An authenticated user. Services take a session and check its rights themselves.
 * <p>
 * Only a sign-in issues sessions: there is no public constructor, and {@link #issue} serves the engine's account
 * service alone ({@code de.grw.users.UserService}, which checks a password or is told by the office's directory who
 * signed in). Code that makes up a session with any role it likes, as {@code new Session("x", Role.SUPERVISOR)}
 * once could, does not compile, and a call of {@link #issue} from anywhere else is refused.
 */
public final class Session {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);
    private static final String ISSUER = "de.grw.users.UserService";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String user;
    private final Role role;
    private final String person;

    private Session(String user, Role role, String person) {
        this.user = Objects.requireNonNull(user, "user");
        this.role = Objects.requireNonNull(role, "role");
        this.person = Objects.requireNonNull(person, "person");
    }

    /**
     * A session for an account that has just signed in; only the engine's account service may call this.
     *
     * @param user   the account's name
     * @param role   the account's role
     * @param person the person the account belongs to (personnel number or directory identity, normalised)
     * @throws SecurityException when called from anywhere but the account service
     */
    public static Session issue(String user, Role role, String person) {
        Class<?> caller = WALKER.getCallerClass();
        if (!caller.getName().equals(ISSUER) || caller.getClassLoader() != Session.class.getClassLoader()) {
            LOG.warn("refused: {} tried to make up a session for {} ({})", caller.getName(), user, role);
            throw new SecurityException("sessions are issued by sign-in only");
        }
        return new Session(user, role, person);
    }

    /** The account's name. */
    public String user() {
        return user;
    }

    /** The account's role. */
    public Role role() {
        return role;
    }

    /** The person the account belongs to: four eyes compares persons, not account names. */
    public String person() {
        return person;
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && s.user.equals(user) && s.role == role && s.person.equals(person);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, role, person);
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", role=" + role + "]";
    }
}
