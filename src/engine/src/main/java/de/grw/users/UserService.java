package de.grw.users;

import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.access.AccessLog;
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

    /**
     * An account as listed (no secrets).
     *
     * @param person      the person it belongs to (personnel number or directory identity)
     * @param mustChange  whether its password was set by someone else and must be changed by its holder first
     * @param lockedUntil until when sign-in is locked after failed attempts (ISO-8601, UTC), or {@code null} when
     *                    it is not locked now
     */
    public record UserInfo(String name, Role role, String createdAt, boolean disabled, String person,
                           boolean mustChange, String lockedUntil) {
    }

    public boolean hasUsers() {
        return workspace.read(c -> UserRepository.count(c) > 0);
    }

    /** Creates the first account, an administrator, as its own person; refused once any account exists. */
    public Session createFirstAdministrator(String name, char[] password) {
        return createFirstAdministrator(name, null, password);
    }

    /**
     * Creates the first account, an administrator; refused once any account exists. Its holder chose the password,
     * so it is not a one-time password.
     *
     * @param person the administrator's personnel number, or {@code null}: the account is its own person
     */
    public Session createFirstAdministrator(String name, String person, char[] password) {
        String account = checkName(name);
        String who = personOf(account, person);
        PasswordHasher.checkStrength(password, account);
        workspace.write(c -> {
            if (UserRepository.count(c) > 0) {
                throw new UserFacingException(de.grw.common.Text.of("users.has_accounts"));
            }
            UserRepository.insert(c, account, Role.ADMINISTRATOR, who, PasswordHasher.hash(password),
                    workspace.now().toString(), false);
            Journal.append(c, workspace.now(), account, JournalAction.USER_CREATED,
                    new AccountEvents.Created(account, Role.ADMINISTRATOR, true, who));
            return null;
        });
        return Session.issue(account, Role.ADMINISTRATOR, who);
    }

    /**
     * Checks name and password; the same message for an unknown user and a wrong password. The name is compared
     * as typed, or else without case and in NFKC ({@code Anna} signs in {@code anna}). After
     * {@value SignInLock#FREE_FAILURES} failures in a row the account is locked for a while that doubles with every
     * further failure ({@link SignInLock}); the lock is stored with the account, so it holds in every process that
     * opens the workspace. Every failed sign-in is written to the access log ({@value #SIGN_IN_FAILED}).
     */
    public Session login(String name, char[] password) {
        String given = name == null ? "" : name;
        UserRepository.Credentials stored = workspace.read(c -> signInAccount(c, given)).orElse(null);
        java.time.Instant now = workspace.now();
        if (stored != null && SignInLock.lockedAt(stored, now)) {
            failed(given, stored, "locked", false);
            throw new AccessDeniedException(de.grw.common.Text.of("users.locked",
                    SignInLock.minutesLeft(stored, now)));
        }
        if (stored == null) {
            // spend the same time as for a real account, so the response does not tell which names exist
            PasswordHasher.matches(password == null ? new char[0] : password, new byte[16], new byte[32],
                    PasswordHasher.ITERATIONS);
        }
        if (stored != null && stored.directory()) {
            // no local password to check: the office's directory vouches for this account (the same message)
            PasswordHasher.matches(password == null ? new char[0] : password, new byte[16], new byte[32],
                    PasswordHasher.ITERATIONS);
            LOG.warn("sign-in refused: {} is an account of the office's directory, not a local one", stored.name());
            failed(given, stored, "directory account", false);
            throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
        }
        if (stored == null || password == null
                || !PasswordHasher.matches(password, stored.salt(), stored.hash(), stored.iterations())) {
            LOG.warn("sign-in refused: wrong name or password (name given: {})", LogSafe.name(given));
            failed(given, stored, "wrong name or password", true);
            throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
        }
        if (stored.disabled()) {
            LOG.warn("sign-in refused: account {} is disabled", stored.name());
            failed(given, stored, "disabled", false);
            throw new AccessDeniedException(de.grw.common.Text.of("users.disabled", stored.name()));
        }
        if (stored.failedSignIns() != 0 || stored.lockedUntil() != null) {
            workspace.write(c -> {
                UserRepository.succeeded(c, stored.name());
                return null;
            });
        }
        return Session.issue(stored.name(), stored.role(), stored.person());
    }

    /** The access-log action of a failed sign-in. */
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";

    private static java.util.Optional<UserRepository.Credentials> signInAccount(java.sql.Connection c, String given)
            throws java.sql.SQLException {
        java.util.Optional<UserRepository.Credentials> exact = UserRepository.credentials(c, given);
        if (exact.isPresent()) {
            return exact;
        }
        String typed = AccountNames.clean(given).toLowerCase(java.util.Locale.ROOT);
        return UserRepository.allCredentials(c).stream()
                .filter(a -> a.name().toLowerCase(java.util.Locale.ROOT).equals(typed)).findFirst();
    }

    /** Records a failed sign-in in the access log and, for a wrong password, counts it towards the lock. */
    private void failed(String given, UserRepository.Credentials account, String why, boolean count) {
        workspace.write(c -> {
            java.time.Instant now = workspace.now();
            String detail = why;
            if (account != null && count) {
                UserRepository.Credentials fresh = UserRepository.credentials(c, account.name()).orElse(account);
                int failures = fresh.failedSignIns() + 1;
                java.time.Instant until = SignInLock.lockAfter(failures, now);
                UserRepository.failed(c, account.name(), failures, until == null ? null : until.toString());
                detail = why + "; failure " + failures + " in a row" + (until == null ? "" : "; locked until " + until);
                if (until != null) {
                    LOG.warn("account {} locked until {} after {} failed sign-ins", account.name(), until, failures);
                }
            }
            AccessLog.record(c, now, account != null ? account.name() : LogSafe.name(given), SIGN_IN_FAILED, "",
                    detail, java.util.List.of());
            return null;
        });
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

    /** Adds an account that is its own person (no personnel number given); see {@link #addUser(Session, String, Role, String, char[])}. */
    public void addUser(Session session, String name, Role role, char[] password) {
        addUser(session, name, role, null, password);
    }

    /**
     * An administrator adds an account for a person. The password is a one-time password: the account signs in
     * with it but may neither propose nor approve until its holder has set one of their own. Refused: a name that
     * looks like an existing one ({@link AccountNames#key}); a reviewing account (clerk, supervisor) for a person
     * who already has one or who administers; an administrator account for a person who reviews.
     *
     * @param person the person's personnel number (or directory identity); {@code null}: the account is its own
     *               person, named by its lower-cased name
     */
    public void addUser(Session session, String name, Role role, String person, char[] password) {
        session.require(Permission.MANAGE_USERS, "manage_accounts");
        String account = checkName(name);
        String who = personOf(account, person);
        PasswordHasher.checkStrength(password, account);
        workspace.write(c -> {
            java.util.Optional<UserRepository.Credentials> like = UserRepository.lookAlike(c, account);
            if (like.isPresent()) {
                LOG.warn("refused: account {} looks like the existing account {}", account, like.get().name());
                throw new UserFacingException(like.get().name().equals(account)
                        ? de.grw.common.Text.of("users.exists", account)
                        : de.grw.common.Text.of("users.look_alike", account, like.get().name()));
            }
            AccountRules.checkPerson(c, account, role, who);
            UserRepository.insert(c, account, role, who, PasswordHasher.hash(password), workspace.now().toString(),
                    true);
            Journal.append(c, workspace.now(), session.user(), JournalAction.USER_CREATED,
                    new AccountEvents.Created(account, role, null, who));
            return null;
        });
    }

    /**
     * Sets a password. One's own: it must differ from the present one, and it ends a one-time password. Another's
     * (administrators): it is a one-time password the holder must change before proposing or approving.
     */
    public void setPassword(Session session, String name, char[] password) {
        boolean own = session.user().equals(name);
        if (!own) {
            session.require(Permission.MANAGE_USERS, "change_another_users_password");
        }
        PasswordHasher.checkStrength(password, name);
        PasswordHasher.Hash h = PasswordHasher.hash(password);
        workspace.write(c -> {
            UserRepository.Credentials stored = UserRepository.credentials(c, name).orElseThrow(
                    () -> new UserFacingException(de.grw.common.Text.of("users.unknown", name)));
            if (stored.directory()) {
                throw new UserFacingException(de.grw.common.Text.of("users.directory_password", name));
            }
            if (own && PasswordHasher.matches(password, stored.salt(), stored.hash(), stored.iterations())) {
                throw new UserFacingException(de.grw.common.Text.of("users.password_same"));
            }
            UserRepository.setPassword(c, name, h, !own);
            Journal.append(c, workspace.now(), session.user(), JournalAction.USER_PASSWORD_CHANGED,
                    new AccountEvents.Changed(name));
            if (!own) {
                LOG.info("password of {} set by {}: a one-time password until {} changes it", name, session.user(),
                        name);
            }
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

    /**
     * An administrator gives an account another role; nobody changes their own, and the person rules of
     * {@link #addUser(Session, String, Role, String, char[])} hold for the new role.
     */
    public void setRole(Session session, String name, Role role) {
        session.require(Permission.MANAGE_USERS, "manage_accounts");
        if (session.user().equals(name)) {
            throw new UserFacingException(de.grw.common.Text.of("users.role_self"));
        }
        workspace.write(c -> {
            UserRepository.Credentials stored = UserRepository.credentials(c, name).orElseThrow(
                    () -> new UserFacingException(de.grw.common.Text.of("users.unknown", name)));
            if (stored.role() != role) {
                AccountRules.checkPerson(c, name, role, stored.person());
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
        return provisionDirectoryAccount(name, role, directory, null);
    }

    /**
     * As {@link #provisionDirectoryAccount(String, Role, String)}, with the directory's identity of the person
     * (their entry's DN): the account's person is {@code directory:<identity>}, so four eyes compares the persons
     * the directory names, whatever account names they sign in with.
     *
     * @param identity the person's identity in the directory, or {@code null}: the account name in that directory
     */
    public Session provisionDirectoryAccount(String name, Role role, String directory, String identity) {
        String account = checkName(name);
        java.util.Objects.requireNonNull(role, "role");
        String who = "directory:" + AccountNames.person(identity != null && !identity.isBlank() ? identity
                : account + "@" + directory);
        return workspace.write(c -> {
            UserRepository.Credentials stored = UserRepository.credentials(c, account).orElse(null);
            if (stored == null) {
                java.util.Optional<UserRepository.Credentials> like = UserRepository.lookAlike(c, account);
                if (like.isPresent()) {
                    LOG.warn("sign-in refused: the directory's {} looks like the existing account {}", account,
                            like.get().name());
                    throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
                }
                AccountRules.checkPerson(c, account, role, who);
                UserRepository.insertDirectory(c, account, role, who, workspace.now().toString());
                Journal.append(c, workspace.now(), account, JournalAction.USER_CREATED,
                        new AccountEvents.FromDirectory(account, role, null, directory));
                LOG.info("account {} created from the directory {} as {}", account, directory, role);
                return Session.issue(account, role, who);
            }
            if (!stored.directory()) {
                LOG.warn("sign-in refused: {} is a local account; the directory {} does not sign it in", account,
                        directory);
                throw new AccessDeniedException(de.grw.common.Text.of("users.wrong_login"));
            }
            if (stored.disabled()) {
                LOG.warn("sign-in refused: account {} is disabled", account);
                throw new AccessDeniedException(de.grw.common.Text.of("users.disabled", account));
            }
            if (!stored.person().equals(who)) {
                AccountRules.checkPerson(c, account, role, who);
                UserRepository.setPerson(c, account, who);
                LOG.info("account {} now belongs to the directory's {}", account, who);
            }
            if (stored.role() != role) {
                AccountRules.checkPerson(c, account, role, who);
                UserRepository.setRole(c, account, role);
                Journal.append(c, workspace.now(), account, JournalAction.USER_ROLE_CHANGED,
                        new AccountEvents.FromDirectory(account, role, stored.role(), directory));
                LOG.info("account {} given the role {} (was {}) by the directory {}", account, role, stored.role(),
                        directory);
            }
            return Session.issue(account, role, who);
        });
    }

    /**
     * Whether the signed-in account's password is a one-time password (set by an administrator): its holder must
     * set their own before deciding. Every signed-in user may ask this of their own account.
     */
    public boolean mustChangePassword(Session session) {
        return workspace.read(c -> UserRepository.credentials(c, session.user())
                .map(UserRepository.Credentials::mustChange).orElse(false));
    }

    /** Every account (administrators), with its lock as of now ({@code lockedUntil} only while it holds). */
    public List<UserInfo> list(Session session) {
        session.require(Permission.MANAGE_USERS, "list_accounts");
        java.time.Instant now = workspace.now();
        return workspace.read(UserRepository::all).stream().map(u -> u.lockedUntil() == null
                || now.isBefore(java.time.Instant.parse(u.lockedUntil())) ? u : new UserInfo(u.name(), u.role(),
                u.createdAt(), u.disabled(), u.person(), u.mustChange(), null)).toList();
    }

    /** The person of an account: the one given, normalised, or else the account's own look-alike key. */
    private static String personOf(String account, String person) {
        if (person == null || person.isBlank()) {
            return AccountNames.person(account);
        }
        String p = AccountNames.person(person);
        if (p.length() > 128 || p.startsWith("directory:") || p.chars().anyMatch(Character::isISOControl)
                || AccountNames.personKey(p).isEmpty() || !AccountNames.latin(p)) {
            throw new UserFacingException(de.grw.common.Text.of("users.bad_person"));
        }
        return p;
    }

    /** The name as stored (NFKC, stripped), after checking it is 2 to 64 letters, digits or {@code . _ @ -}. */
    private static String checkName(String name) {
        String clean = AccountNames.clean(name);
        if (clean == null || !NAME.matcher(clean).matches() || AccountNames.key(clean).length() < 2) {
            throw new UserFacingException(de.grw.common.Text.of("users.bad_name"));
        }
        return clean;
    }
}
