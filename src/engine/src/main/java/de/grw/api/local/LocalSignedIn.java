package de.grw.api.local;

import de.grw.api.AccessLogApi;
import de.grw.api.ApprovalApi;
import de.grw.api.ExportApi;
import de.grw.api.GovernanceApi;
import de.grw.api.ImportApi;
import de.grw.api.JournalApi;
import de.grw.api.LinkApi;
import de.grw.api.MatchingApi;
import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.api.UsersApi;
import de.grw.common.Text;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewService;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.GovernanceConfig;
import java.util.Set;

/**
 * A user signed in to a local workspace. It holds the engine's session, which never leaves it; the feature
 * interfaces it hands out ask it for the session at every call ({@link #session()}), which is refused once signed
 * out or when the account was disabled or changed meanwhile. The rules themselves are the engine services'.
 */
final class LocalSignedIn implements SignedIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalSignedIn.class);
    private final LocalWorkbench workbench;
    private final Session session;
    private final UserService users;
    private final ReviewService review;
    private final ReviewApi reviewApi;
    private final ApprovalApi approvalApi;
    private final ImportApi importApi;
    private final MatchingApi matchingApi;
    private final de.grw.api.ModelsApi modelsApi;
    private final JournalApi journalApi;
    private final AccessLogApi accessLogApi;
    private final ExportApi exportApi;
    private final UsersApi usersApi;
    private final GovernanceApi governanceApi;
    private final LinkApi linkApi;
    private volatile boolean closed;

    LocalSignedIn(LocalWorkbench workbench, Workspace workspace, Session session) {
        this.workbench = workbench;
        this.session = session;
        this.users = new UserService(workspace);
        // reads the profile and the governance settings once, so that the getters below need no I/O
        this.review = de.grw.learning.Learning.review(workspace);
        this.reviewApi = new LocalReview(this, review);
        this.approvalApi = new LocalApproval(this, review);
        this.importApi = new LocalImports(this, workspace);
        this.matchingApi = new LocalMatching(this, workspace);
        this.modelsApi = new LocalModels(this, workspace);
        this.journalApi = new LocalJournal(this, workspace);
        this.accessLogApi = new LocalAccessLog(this, workspace);
        this.exportApi = new LocalExport(this, workspace);
        this.usersApi = new LocalUsers(this, users);
        this.linkApi = new LocalLink(this, workbench::linking);
        this.governanceApi = new GovernanceApi() {
            @Override
            public MatchProfile profile() {
                open();
                return review.profile();
            }

            @Override
            public GovernanceConfig settings() {
                open();
                return review.governance();
            }
        };
    }

    /**
     * The session for a call that reads or writes the workspace: refused after sign-out, and when the account
     * was disabled or its role changed since sign-in (the engine's check, one read).
     */
    /** The workbench this user signed in to. */
    LocalWorkbench owner() {
        return workbench;
    }

    Session session() {
        users.requireActive(open());
        return session;
    }

    /** The session while signed in; no I/O. */
    Session open() {
        if (closed || workbench.closed()) {
            throw new AccessDeniedException(Text.of("users.signed_out"));
        }
        return session;
    }

    @Override
    public String user() {
        return open().user();
    }

    @Override
    public Role role() {
        return open().role();
    }

    @Override
    public Set<Permission> permissions() {
        return open().role().permissions();
    }

    @Override
    public ReviewApi review() {
        open();
        return reviewApi;
    }

    @Override
    public ApprovalApi approval() {
        open();
        return approvalApi;
    }

    @Override
    public ImportApi imports() {
        open();
        return importApi;
    }

    @Override
    public MatchingApi matching() {
        open();
        return matchingApi;
    }

    @Override
    public de.grw.api.ModelsApi models() {
        open();
        return modelsApi;
    }

    @Override
    public JournalApi journal() {
        open();
        return journalApi;
    }

    @Override
    public AccessLogApi accessLog() {
        open();
        return accessLogApi;
    }

    @Override
    public ExportApi export() {
        open();
        return exportApi;
    }

    @Override
    public UsersApi users() {
        open();
        return usersApi;
    }

    @Override
    public GovernanceApi governance() {
        open();
        return governanceApi;
    }

    @Override
    public LinkApi link() {
        open();
        return linkApi;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LOG.info("{} signed out", session.user());
        }
    }

    @Override
    public String toString() {
        return "SignedIn[" + session.user() + " (" + session.role() + ")" + (closed ? ", signed out" : "") + "]";
    }
}
