package de.grw.users;

import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.store.Workspace;
import java.util.List;
import java.util.regex.Pattern;

/** Local accounts of a workspace: the first administrator, log-in, and account management by administrators. */
public final class UserService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    private final Workspace workspace;

    public UserService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** An account as listed (no secrets). */
    public record UserInfo(String name, Role role, String createdAt, boolean disabled) {
    }

    public boolean hasUsers() {
        return workspace.read(c -> UserRepository.count(c) > 0);
    }

    /** Creates the first account, an administrator; refused once any account exists. */
    public Session createFirstAdministrator(String name, char[] password) {
        checkName(name);
        PasswordHasher.checkStrength(password);
        workspace.write(c -> {
            if (UserRepository.count(c) > 0) {
                throw new UserFacingException(de.grw.common.Text.of("users.has_accounts"));
            }
            insert(c, name, Role.ADMINISTRATOR, password);
            Journal.append(c, workspace.now(), name, JournalAction.USER_CREATED,
                    new AccountEvents.Created(name, Role.ADMINISTRATOR, true));
            return null;
        });
        return new Session(name, Role.ADMINISTRATOR);
    }

    /** Checks name and password; the same message for an unknown user and a wrong password. */
    public Session login(String name, char[] password) {
        UserRepository.Credentials stored = workspace.read(c -> UserRepository.credentials(c, name)).orElse(null);
        if (stored == null) {
            // spend the same time as for a real account, so the response does not tell which names exist
            PasswordHasher.matches(password == null ? new char[0] : password, new byte[16], new byte[32],
                    PasswordHasher.ITERATIONS);
        }
        if (stored == null || password == null
                || !PasswordHasher.matches(password, stored.salt(), stored.hash(), stored.iterations())) {
            LOG.warn("sign-in refused: wrong name or password (name given: {})", name);
            throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
        }
        if (stored.disabled()) {
            LOG.warn("sign-in refused: account {} is disabled", name);
            throw new AccessDeniedException(de.grw.common.Text.of("users.disabled", name));
        }
        return new Session(name, stored.role());
    }

    /**
     * Checks that the account behind a session still holds it: the account exists, is not disabled, and has the
     * session's role. A session outlives nothing of that: disabling an account or changing its role ends the
     * sessions it has, at their next call.
     *
     * @throws AccessDeniedException when the session has ended
     */
    public void requireActive(Session session) {
        UserRepository.Credentials stored = workspace.read(c -> UserRepository.credentials(c, session.user()))
                .orElse(null);
        if (stored == null || stored.disabled() || stored.role() != session.role()) {
            LOG.warn("refused: the session of {} ({}) has ended: the account is {}", session.user(), session.role(),
                    stored == null ? "gone" : stored.disabled() ? "disabled" : "now " + stored.role());
            throw new AccessDeniedException(de.grw.common.Text.of("users.session_ended", session.user()));
        }
    }

    public void addUser(Session session, String name, Role role, char[] password) {
        session.require(Permission.MANAGE_USERS, "manage_accounts");
        checkName(name);
        PasswordHasher.checkStrength(password);
        workspace.write(c -> {
            if (UserRepository.exists(c, name)) {
                throw new UserFacingException(de.grw.common.Text.of("users.exists", name));
            }
            insert(c, name, role, password);
            Journal.append(c, workspace.now(), session.user(), JournalAction.USER_CREATED,
                    new AccountEvents.Created(name, role, null));
            return null;
        });
    }

    public void setPassword(Session session, String name, char[] password) {
        if (!session.user().equals(name)) {
            session.require(Permission.MANAGE_USERS, "change_another_users_password");
        }
        PasswordHasher.checkStrength(password);
        PasswordHasher.Hash h = PasswordHasher.hash(password);
        workspace.write(c -> {
            if (!UserRepository.setPassword(c, name, h)) {
                throw new UserFacingException(de.grw.common.Text.of("users.unknown", name));
            }
            Journal.append(c, workspace.now(), session.user(), JournalAction.USER_PASSWORD_CHANGED,
                    new AccountEvents.Changed(name));
            return null;
        });
    }

    public void setDisabled(Session session, String name, boolean disabled) {
        session.require(Permission.MANAGE_USERS, "manage_accounts");
        if (session.user().equals(name) && disabled) {
            throw new UserFacingException(de.grw.common.Text.of("users.disable_self"));
        }
        workspace.write(c -> {
            if (!UserRepository.setDisabled(c, name, disabled)) {
                throw new UserFacingException(de.grw.common.Text.of("users.unknown", name));
            }
            Journal.append(c, workspace.now(), session.user(), disabled ? JournalAction.USER_DISABLED
                    : JournalAction.USER_ENABLED, new AccountEvents.Changed(name));
            return null;
        });
    }

    public List<UserInfo> list(Session session) {
        session.require(Permission.MANAGE_USERS, "list_accounts");
        return workspace.read(UserRepository::all);
    }

    private void insert(java.sql.Connection c, String name, Role role, char[] password) throws java.sql.SQLException {
        UserRepository.insert(c, name, role, PasswordHasher.hash(password), workspace.now().toString());
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserFacingException(de.grw.common.Text.of("users.bad_name"));
        }
    }
}
