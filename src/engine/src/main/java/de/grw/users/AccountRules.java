package de.grw.users;

import de.grw.common.Text;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rules that tie accounts to persons, for the services that decide (four eyes compares persons, not account
 * names) and for account management:
 * <ul>
 * <li>a person has at most one reviewing account (clerk or supervisor), so that nobody proposes with one account
 * and approves with another;</li>
 * <li>a person who administers has no reviewing account and the other way round: an administrator cannot make
 * themselves a clerk and a supervisor;</li>
 * <li>an account whose password someone else set (created or reset by an administrator) may neither propose nor
 * approve until its holder has set a password of their own.</li>
 * </ul>
 * Accounts of other applications ({@link Role#API}, {@link Role#API_STORE}) decide nothing and are not bound.
 */
public final class AccountRules {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountRules.class);

    private AccountRules() {
    }

    private static boolean reviews(Role role) {
        return role == Role.CLERK || role == Role.SUPERVISOR;
    }

    /** Refuses giving {@code account} the role {@code role} for {@code person} when the person rules forbid it. */
    static void checkPerson(Connection c, String account, Role role, String person) throws SQLException {
        if (!reviews(role) && role != Role.ADMINISTRATOR) {
            return;
        }
        for (UserRepository.Credentials other : UserRepository.allCredentials(c)) {
            if (other.name().equals(account) || !AccountNames.samePerson(other.person(), person)) {
                continue;
            }
            if (reviews(role) && reviews(other.role())) {
                LOG.warn("refused: {} would be a second reviewing account of the person of {}", account,
                        other.name());
                throw new de.grw.common.UserFacingException(Text.of("users.person_has_account", account,
                        other.name()));
            }
            if (reviews(role) && other.role() == Role.ADMINISTRATOR
                    || role == Role.ADMINISTRATOR && reviews(other.role())) {
                LOG.warn("refused: {} ({}) and {} ({}) would be one person administering and reviewing", account,
                        role, other.name(), other.role());
                throw new de.grw.common.UserFacingException(Text.of("users.person_admin_reviewer", account,
                        other.name()));
            }
        }
    }

    /** The person an account belongs to as stored now (an account that is gone: its lower-cased name). */
    public static String person(Connection c, String account) throws SQLException {
        return UserRepository.credentials(c, account).map(UserRepository.Credentials::person)
                .orElse(AccountNames.person(account));
    }

    /**
     * Whether two accounts belong to one person: the same account, or the same person stored with them now or in
     * the session.
     */
    public static boolean samePerson(Connection c, Session session, String otherAccount) throws SQLException {
        String other = person(c, otherAccount);
        return session.user().equals(otherAccount) || AccountNames.samePerson(session.person(), other)
                || AccountNames.samePerson(person(c, session.user()), other);
    }

    /**
     * Refuses a decision (proposal, approval, rejection) by an account whose password someone else set: its holder
     * must set their own first.
     */
    public static void requireOwnPassword(Connection c, Session session) throws SQLException {
        boolean mustChange = UserRepository.credentials(c, session.user())
                .map(UserRepository.Credentials::mustChange).orElse(false);
        if (mustChange) {
            LOG.warn("refused: {} still has a one-time password and may not decide", session.user());
            throw new AccessDeniedException(Text.of("users.must_change", session.user()));
        }
    }
}
