package de.grw.server.engine;

import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.ComparisonTable;
import de.grw.review.DecisionCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's one door to the engine, until the service interfaces of {@code de.grw.api} (issue 12, section 1)
 * land: then this class becomes a thin wrapper over {@code de.grw.api.local.LocalWorkbench} (an {@link Actor}
 * becomes the {@code SignedIn} the session registry holds) and nothing else in the server changes. No other class of
 * the server touches an engine service, the store or an engine {@link Session} (ArchitectureTest checks it).
 * <p>
 * It adds no rule of its own: every method hands the signed-in user's session to the engine's services, which check
 * the rights, the four eyes, the masking, the case references and write the access log and the journal, exactly as
 * for the desktop and the command line.
 */
public final class EngineAdapter implements AutoCloseable {
    private final Workspace workspace;
    private final String name;
    private final UserService users;
    private final ReviewService review;
    private final JournalService journal;
    private final de.grw.linking.LinkService linking;

    private EngineAdapter(Workspace workspace, String name) {
        this.workspace = workspace;
        this.name = name;
        this.users = new UserService(workspace);
        this.review = new ReviewService(workspace);
        this.journal = new JournalService(workspace);
        this.linking = new de.grw.linking.LinkService(workspace);
        linking.prepareInBackground(); // the link index is ready when the first application calls
    }

    /** Opens a SQLite workspace file (created beforehand with {@code grw init}). */
    public static EngineAdapter openSqlite(Path file, String name, Clock clock) {
        return new EngineAdapter(Workspace.open(file, clock), name);
    }

    /**
     * Who acts: the signed-in user as the server's session registry keeps them. Only {@link #signInLocal} and
     * {@link #signInFromDirectory} make one; a request never names who acts.
     */
    public record Actor(String user, Role role) {
        /** Whether the role holds a permission (for the session's description; the engine checks for itself). */
        public boolean may(Permission permission) {
            return role.may(permission);
        }
    }

    /**
     * What a session rests on, as stored now (see {@link UserService.AccountState}): a session ends when it differs
     * from what it was at sign-in.
     */
    public record AccountStamp(Role role, boolean disabled, boolean directory, String credentials) {
    }

    /** What clients see of the workspace: never its path or its store's credentials. */
    public record WorkspaceInfo(String name, String profile, String store, int sources) {
    }

    /** A page of the review queue and how many clusters wait in all. */
    public record QueuePage(List<QueueEntry> entries, int total) {
    }

    /** One cluster as the review shows it: the records (masked for this viewer) and their side-by-side comparison. */
    public record ClusterComparison(ClusterView cluster, ComparisonTable comparison) {
    }

    // ---- accounts ----

    /** The stored state of an account, or empty when there is none. */
    public Optional<AccountStamp> account(String user) {
        return users.accountState(user).map(s -> new AccountStamp(s.role(), s.disabled(), s.directory(),
                s.credentials()));
    }

    /** Checks a local account's password (the engine's sign-in: same message for unknown name and wrong password). */
    public Actor signInLocal(String user, char[] password) {
        Session s = users.login(user, password);
        return new Actor(s.user(), s.role());
    }

    /** Signs in an account the office's directory vouched for, creating it or updating its role (journalled). */
    public Actor signInFromDirectory(String user, Role role, String directory) {
        Session s = users.provisionDirectoryAccount(user, role, directory);
        return new Actor(s.user(), s.role());
    }

    // ---- workspace ----

    public WorkspaceInfo info(Actor actor) {
        return new WorkspaceInfo(name, review.profile().name(), "sqlite", review.sources(session(actor)).size());
    }

    // ---- review ----

    /** The most uncertain clusters first; statuses none: open and deferred. */
    public QueuePage queue(Actor actor, Set<ClusterStatus> statuses, List<String> sources, double min, double max,
                           int limit) {
        Session s = session(actor);
        Set<ClusterStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED) : statuses;
        List<QueueEntry> page = review.queueBySources(s, wanted, sources, min, max, limit);
        return new QueuePage(page, review.count(s, wanted));
    }

    /** Opens a cluster: masked for this viewer and logged in the access log with the case reference. */
    public ClusterComparison cluster(Actor actor, long clusterId, String caseRef) {
        ClusterView view = review.show(session(actor), clusterId, caseRef);
        return new ClusterComparison(view, review.comparisons().cluster(view, null, Map.of()));
    }

    public DecisionView propose(Actor actor, long clusterId, DecisionCommand command, String comment,
                                String caseRef) {
        return review.propose(session(actor), clusterId, command, comment, caseRef);
    }

    public List<DecisionView> pendingApprovals(Actor actor) {
        return review.pendingApprovals(session(actor));
    }

    /** A supervisor approves a merge; the engine refuses one's own proposal (four eyes). */
    public DecisionView approve(Actor actor, long decisionId, String comment) {
        return review.approve(session(actor), decisionId, comment);
    }

    // ---- journal ----

    public JournalVerifier.Result verifyJournal(Actor actor) {
        return journal.verify(session(actor));
    }

    // ---- real-time linking (the engine's LinkService: case reference, masking and access log are its) ----

    /** Candidate persons for an incoming record (field name to value). */
    public de.grw.linking.LinkViews.LinkAnswer link(Actor actor, Map<String, String> record, String caseRef) {
        return linking.link(session(actor), record, caseRef);
    }

    /** A golden record for another application: masked, logged. */
    public de.grw.review.ReviewViews.GoldenView golden(Actor actor, String goldenId, String caseRef) {
        return linking.golden(session(actor), goldenId, caseRef);
    }

    /** Persons by family name, given name and birth date. */
    public de.grw.linking.LinkViews.LinkAnswer search(Actor actor, String familyName, String givenName,
                                                      String birthDate, String caseRef) {
        return linking.search(session(actor), familyName, givenName, birthDate, caseRef);
    }

    private static Session session(Actor actor) {
        return new Session(actor.user(), actor.role());
    }

    @Override
    public void close() {
        linking.close();
        workspace.close();
    }
}
