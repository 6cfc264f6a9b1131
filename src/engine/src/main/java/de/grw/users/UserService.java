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

/**
 * Accounts of a workspace: the first administrator, log-in, and account management by administrators. Besides local
 * accounts (salted password hashes) a workspace server provisions accounts of the office's directory at their
 * sign-in ({@link #provisionDirectoryAccount}); those have no local password and sign in through the directory only.
 */
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
        if (stored != null && stored.directory()) {
            // no local password to check: the office's directory vouches for this account (the same message)
            PasswordHasher.matches(password == null ? new char[0] : password, new byte[16], new byte[32],
                    PasswordHasher.ITERATIONS);
            LOG.warn("sign-in refused: {} is an account of the office's directory, not a local one", name);
            throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
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
            UserRepository.Credentials stored = UserRepository.credentials(c, name).orElseThrow(
                    () -> new UserFacingException(de.grw.common.Text.of("users.unknown", name)));
            if (stored.directory()) {
                throw new UserFacingException(de.grw.common.Text.of("users.directory_password", name));
            }
            UserRepository.setPassword(c, name, h);
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

    /** An administrator gives an account another role; nobody changes their own. */
    public void setRole(Session session, String name, Role role) {
        session.require(Permission.MANAGE_USERS, "manage_accounts");
        if (session.user().equals(name)) {
            throw new UserFacingException(de.grw.common.Text.of("users.role_self"));
        }
        workspace.write(c -> {
            UserRepository.Credentials stored = UserRepository.credentials(c, name).orElseThrow(
                    () -> new UserFacingException(de.grw.common.Text.of("users.unknown", name)));
            if (stored.role() != role) {
                UserRepository.setRole(c, name, role);
                Journal.append(c, workspace.now(), session.user(), JournalAction.USER_ROLE_CHANGED,
                        new AccountEvents.RoleChanged(name, role, stored.role()));
                LOG.info("role of {} changed by {}: {} -> {}", name, session.user(), stored.role(), role);
            }
            return null;
        });
    }

    /**
     * What a session of an account rests on, as stored now: a server compares it at every request with what it was
     * at sign-in, so that disabling the account, changing its role or its password ends its sessions at once.
     *
     * @param role        the account's role
     * @param disabled    whether it is disabled
     * @param directory   whether it is an account of the office's directory (no local password)
     * @param credentials a fingerprint of the stored password hash (SHA-256 over salt and hash, hex), which changes
     *                    with every new password; it reveals nothing a password could be guessed from
     */
    public record AccountState(Role role, boolean disabled, boolean directory, String credentials) {
    }

    /** The account's current state, or empty when there is no such account. No rights needed: no personal data. */
    public java.util.Optional<AccountState> accountState(String name) {
        return workspace.read(c -> UserRepository.credentials(c, name)).map(UserService::state);
    }

    private static AccountState state(UserRepository.Credentials stored) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(stored.salt());
            sha.update(stored.hash());
            sha.update(Integer.toString(stored.iterations()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new AccountState(stored.role(), stored.disabled(), stored.directory(),
                    java.util.HexFormat.of().formatHex(sha.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Signs in an account of the office's directory after the directory has checked its password and mapped its
     * groups to a role (a workspace server does both): the account is created on its first sign-in and given the
     * mapped role when it differs, each journalled with the directory that vouched for it. A local account of the
     * same name is never taken over, and an account an administrator disabled stays disabled.
     *
     * @param directory the directory's URL, for the journal
     * @return the session of the signed-in account
     */
    public Session provisionDirectoryAccount(String name, Role role, String directory) {
        checkName(name);
        java.util.Objects.requireNonNull(role, "role");
        return workspace.write(c -> {
            UserRepository.Credentials stored = UserRepository.credentials(c, name).orElse(null);
            if (stored == null) {
                UserRepository.insertDirectory(c, name, role, workspace.now().toString());
                Journal.append(c, workspace.now(), name, JournalAction.USER_CREATED,
                        new AccountEvents.FromDirectory(name, role, null, directory));
                LOG.info("account {} created from the directory {} as {}", name, directory, role);
                return new Session(name, role);
            }
            if (!stored.directory()) {
                LOG.warn("sign-in refused: {} is a local account; the directory {} does not sign it in", name,
                        directory);
                throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
            }
            if (stored.disabled()) {
                LOG.warn("sign-in refused: account {} is disabled", name);
                throw new AccessDeniedException(de.grw.common.Text.of("users.disabled", name));
            }
            if (stored.role() != role) {
                UserRepository.setRole(c, name, role);
                Journal.append(c, workspace.now(), name, JournalAction.USER_ROLE_CHANGED,
                        new AccountEvents.FromDirectory(name, role, stored.role(), directory));
                LOG.info("account {} given the role {} (was {}) by the directory {}", name, role, stored.role(),
                        directory);
            }
            return new Session(name, role);
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
