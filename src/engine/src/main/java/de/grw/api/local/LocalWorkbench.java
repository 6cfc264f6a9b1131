package de.grw.api.local;

import de.grw.rights.Permission;
import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.WorkbenchInfo;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.PasswordHasher;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceProfile;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A workspace file opened by this process, behind the one set of service interfaces: sign-in checks the account,
 * and every call of a {@link SignedIn} goes to the engine's services with the session it holds, so the rights, the
 * four eyes, masking, case references and the access log are the engine's, as they will be behind a server.
 * <p>
 * What it cannot protect against is the file's owner: whoever can write the file can change it with other tools
 * (README, "what a local workspace cannot protect against"). A shared workspace belongs behind a server.
 */
public final class LocalWorkbench implements Workbench {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalWorkbench.class);
    private final Workspace workspace;
    private volatile boolean closed;
    private volatile de.grw.linking.LinkService linking;

    private LocalWorkbench(Workspace workspace) {
        try {
            this.workspace = de.grw.ledger.Ledger.attachConfigured(workspace);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** Opens an existing workspace file (migrating an older schema). */
    public static LocalWorkbench open(Path file) {
        return new LocalWorkbench(Workspace.open(file, Clock.systemUTC()));
    }

    /**
     * Creates a workspace file for a profile with its first account, an administrator. A file that exists is
     * refused and left alone; when the account cannot be created, the new file is removed again, so that the
     * creation can simply be repeated.
     *
     * @param profile a built-in profile name or a profile file
     */
    public static LocalWorkbench create(Path file, String profile, String administrator, char[] password) {
        PasswordHasher.checkStrength(password);
        Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), profile);
        try {
            new UserService(w).createFirstAdministrator(administrator, password);
        } catch (RuntimeException e) {
            w.close();
            deleteQuietly(file);
            throw e;
        }
        return new LocalWorkbench(w);
    }

    /** Opens an existing workspace file with a clock of the caller's (a server's, a test's). */
    public static LocalWorkbench open(Path file, Clock clock) {
        return new LocalWorkbench(Workspace.open(file, clock));
    }

    /**
     * Opens a workspace in a schema of a PostgreSQL database (migrating it to this build's schema). The workspace
     * is set up beforehand (a trial file copied in, or set up by an administrator's tool); a server opens it.
     *
     * @param password the database account's password, or {@code null} for none
     */
    public static LocalWorkbench openPostgres(String url, String user, char[] password, String schema, Clock clock) {
        de.grw.store.PostgresStore store = de.grw.store.PostgresStore.open(de.grw.store.PostgresStore.Config.of(url,
                user, password == null ? null : new String(password), schema), clock);
        try {
            Workspace w = Workspace.of(store);
            WorkspaceProfile.profile(w); // a schema without a workspace fails here, not at the first request
            return new LocalWorkbench(w);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Whether the workspace has accounts. */
    public boolean hasUsers() {
        requireOpen();
        return new UserService(workspace).hasUsers();
    }

    /**
     * An account as stored now, for a server that compares it with what it was at a session's sign-in: the role,
     * whether it is disabled, whether the directory vouches for it, and a digest of its credentials (never the
     * credentials themselves). No rights needed: no personal data.
     */
    public record AccountStamp(Role role, boolean disabled, boolean directory, String credentials) {
    }

    /** The stored state of an account, or empty when there is none. For a server that owns this workspace. */
    public Optional<AccountStamp> account(String user) {
        requireOpen();
        return new UserService(workspace).accountState(user).map(s -> new AccountStamp(s.role(), s.disabled(),
                s.directory(), s.credentials()));
    }

    /**
     * Signs in an account the office's directory has vouched for (its password checked and its groups mapped to a
     * role by the server), creating the account or updating its role, journalled. Only a server that checked the
     * directory may call this: it is on the local implementation, not on {@link Workbench}.
     */
    public SignedIn signInFromDirectory(String user, Role role, String directory) {
        return signInFromDirectory(user, role, directory, null);
    }

    /**
     * As {@link #signInFromDirectory(String, Role, String)}, with the person's identity in the directory (the DN of
     * their entry): the account belongs to that person, and four eyes compares it.
     */
    public SignedIn signInFromDirectory(String user, Role role, String directory, String identity) {
        requireOpen();
        Session session = new UserService(workspace).provisionDirectoryAccount(user, role, directory, identity);
        LOG.info("{} ({}) signed in through the directory {}", session.user(), session.role(), directory);
        return new LocalSignedIn(this, workspace, session);
    }

    /** What {@link #copyToPostgres} copied: where to (URL without its query, and schema) and the rows per table. */
    public record CopyResult(String target, java.util.Map<String, Long> rows) {
        public CopyResult {
            rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        }

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies this workspace file into an empty schema of a PostgreSQL database, for an office whose trial becomes a
     * shared workspace behind a server ({@code store = postgresql}): every row with its ids in one transaction of the
     * target (all or nothing), so the journal verifies with the same head and work goes on where it stopped. Only an
     * administrator of this workspace may copy it (the copy holds every record, account and the access log); the
     * file stays as it was.
     *
     * @param admin    an administrator signed in to this workbench
     * @param password the database account's password, or {@code null} for none
     * @throws de.grw.common.UserFacingException when the schema holds a workspace already, or the copy fails
     */
    public CopyResult copyToPostgres(SignedIn admin, String url, String user, char[] password, String schema) {
        requireOpen();
        if (!(admin instanceof LocalSignedIn local) || local.owner() != this) {
            throw new IllegalArgumentException("sign in to this workspace first");
        }
        local.session().require(Permission.MANAGE_SETTINGS, "copy_the_workspace");
        if (!(workspace.store() instanceof de.grw.store.SqliteStore file)) {
            throw new IllegalStateException("only a workspace file is copied into PostgreSQL");
        }
        de.grw.store.PostgresStore.Config config = de.grw.store.PostgresStore.Config.of(url, user,
                password == null ? null : new String(password), schema);
        try (de.grw.store.PostgresStore target = de.grw.store.PostgresStore.open(config, java.time.Clock.systemUTC())) {
            de.grw.store.StoreCopy.Result r = de.grw.store.StoreCopy.copy(file, target);
            LOG.info("{} copied {} into {}: {} rows", local.session().user(), where(), config.describe(), r.total());
            return new CopyResult(config.describe(), r.rows());
        }
    }

    /**
     * A workbench over a workspace this process has opened already; closing the workbench closes the workspace.
     * For tools and tests that build a workspace with the engine, and for a server that owns its store.
     */
    public static LocalWorkbench of(Workspace workspace) {
        return new LocalWorkbench(workspace);
    }

    @Override
    public WorkbenchInfo info() {
        requireOpen();
        if (!workspace.isLocal()) {
            return new WorkbenchInfo(WorkbenchInfo.Kind.LOCAL, workspace.name(), workspace.name(),
                    WorkspaceProfile.profile(workspace).name(), new UserService(workspace).hasUsers());
        }
        Path file = workspace.file().toAbsolutePath();
        return new WorkbenchInfo(WorkbenchInfo.Kind.LOCAL, file.toString(), String.valueOf(file.getFileName()),
                WorkspaceProfile.profile(workspace).name(), new UserService(workspace).hasUsers());
    }

    @Override
    public SignedIn signIn(String user, char[] password) {
        requireOpen();
        Session session = new UserService(workspace).login(user, password);
        LOG.info("{} ({}) signed in to {}", session.user(), session.role(), where());
        return new LocalSignedIn(this, workspace, session);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the workbench of " + where() + " is closed");
        }
    }

    private String where() {
        return workspace.isLocal() ? String.valueOf(workspace.file()) : workspace.name();
    }

    /**
     * Builds the link index in the background now, so that the first link call does not wait for it (a server at its
     * start). A workspace that cannot link yet (no model) is only logged; its status stays {@code NONE}.
     */
    public void prepareLinking() {
        requireOpen();
        linking().prepareInBackground();
    }

    /** Where the link index stands (no rights needed: no personal data). */
    public de.grw.linking.LinkViews.IndexStatus linkIndexStatus() {
        de.grw.linking.LinkService s = linking;
        return s == null ? de.grw.linking.LinkViews.IndexStatus.NONE : s.indexStatus();
    }

    /** The workspace's link service, made at the first use; one per workbench, so that its index is shared. */
    de.grw.linking.LinkService linking() {
        de.grw.linking.LinkService s = linking;
        if (s == null) {
            synchronized (this) {
                s = linking;
                if (s == null) {
                    s = new de.grw.linking.LinkService(workspace);
                    linking = s;
                }
            }
        }
        return s;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        if (linking != null) {
            linking.close();
        }
        workspace.close();
    }

    /** Removes a workspace that could not be completed, with SQLite's companion files. */
    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("could not remove the incomplete workspace file {}{}", file, suffix, e);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalWorkbench[" + where() + "]";
    }
}
