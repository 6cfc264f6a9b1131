package de.grw.api.local;

import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.WorkbenchInfo;
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
        this.workspace = workspace;
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
        Path file = workspace.file().toAbsolutePath();
        return new WorkbenchInfo(WorkbenchInfo.Kind.LOCAL, file.toString(), String.valueOf(file.getFileName()),
                WorkspaceProfile.profile(workspace).name(), new UserService(workspace).hasUsers());
    }

    @Override
    public SignedIn signIn(String user, char[] password) {
        requireOpen();
        Session session = new UserService(workspace).login(user, password);
        LOG.info("{} ({}) signed in to {}", session.user(), session.role(), workspace.file());
        return new LocalSignedIn(this, workspace, session);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the workbench of " + workspace.file() + " is closed");
        }
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
        return "LocalWorkbench[" + workspace.file() + "]";
    }
}
