package de.grw.server.engine;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.journal.JournalVerifier;
import de.grw.review.ComparisonTable;
import de.grw.review.DecisionCommand;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.profile.MatchProfile;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's one door to the engine: a thin wrapper over the service interfaces of {@code de.grw.api}, the same
 * ones the desktop and the command line call. The server owns one {@link LocalWorkbench} over its store; every
 * session of the server holds the {@link SignedIn} its sign-in returned, and every route calls that user's
 * {@code SignedIn}. No class of the server touches an engine service, the store or an engine session
 * (ArchitectureTest checks it).
 * <p>
 * It adds no rule of its own: rights, four eyes, masking, case references, the access log and the journal are the
 * engine's, behind {@code SignedIn}, exactly as for the desktop and the command line.
 */
public final class EngineAdapter implements AutoCloseable {
    private final LocalWorkbench workbench;
    private final String name;
    private final String store;

    private EngineAdapter(LocalWorkbench workbench, String name, String store) {
        this.workbench = workbench;
        this.name = name;
        this.store = store;
    }

    /** Opens a SQLite workspace file (created beforehand with {@code grw init}). */
    public static EngineAdapter openSqlite(Path file, String name, Clock clock) {
        return new EngineAdapter(LocalWorkbench.open(file, clock), name, "sqlite");
    }

    /** Opens a workspace in a schema of a PostgreSQL database (set up beforehand; migrated on opening). */
    public static EngineAdapter openPostgres(String url, String user, char[] password, String schema, String name,
                                             Clock clock) {
        return new EngineAdapter(LocalWorkbench.openPostgres(url, user, password, schema, clock), name,
                "postgresql");
    }

    /**
     * Who acts: the signed-in user as the server's session registry keeps them, with their access to the workspace
     * through the service interfaces. Only {@link #signInLocal} and {@link #signInFromDirectory} make one; a request
     * never names who acts. The name and role stay readable after the session ended (for the logs).
     */
    public record Actor(String user, Role role, SignedIn signedIn) {
        /** Whether the role holds a permission (for the session's description; the engine checks for itself). */
        public boolean may(Permission permission) {
            return role.may(permission);
        }

        private static Actor of(SignedIn s) {
            return new Actor(s.user(), s.role(), s);
        }
    }

    /**
     * What a session rests on, as stored now: a session ends when it differs from what it was at sign-in.
     */
    public record AccountStamp(Role role, boolean disabled, boolean directory, String credentials) {
    }

    /** What clients see of the workspace: never its path or its store's credentials. */
    public record WorkspaceInfo(String name, String profile, String store, int sources) {
    }

    /** A page of the review queue and how many clusters wait in all. */
    public record QueuePage(List<QueueEntry> entries, int total, String mode) {
        public QueuePage(List<QueueEntry> entries, int total) {
            this(entries, total, de.grw.review.QueueMode.UNCERTAIN.code());
        }
    }

    /** One cluster as the review shows it: the records (masked for this viewer) and their side-by-side comparison. */
    public record ClusterComparison(ClusterView cluster, ComparisonTable comparison, ClaimView claim) {
    }

    // ---- accounts ----

    /** The stored state of an account, or empty when there is none. */
    public Optional<AccountStamp> account(String user) {
        return workbench.account(user).map(s -> new AccountStamp(s.role(), s.disabled(), s.directory(),
                s.credentials()));
    }

    /** Checks a local account's password (the engine's sign-in: same message for unknown name and wrong password). */
    public Actor signInLocal(String user, char[] password) {
        return Actor.of(workbench.signIn(user, password));
    }

    /** Signs in an account the office's directory vouched for, creating it or updating its role (journalled). */
    public Actor signInFromDirectory(String user, Role role, String directory) {
        return signInFromDirectory(user, role, directory, null);
    }

    /** As {@link #signInFromDirectory(String, Role, String)}, with the person's directory identity (their DN). */
    public Actor signInFromDirectory(String user, Role role, String directory, String identity) {
        return Actor.of(workbench.signInFromDirectory(user, role, directory, identity));
    }

    // ---- workspace ----

    public WorkspaceInfo info(Actor actor) {
        return new WorkspaceInfo(name, actor.signedIn().governance().profile().name(), store, actor.signedIn().review().sources().size());
    }

    /** The workspace's match profile and governance settings. */
    public record Governance(MatchProfile profile, GovernanceConfig settings) {
    }

    public Governance governance(Actor actor) {
        return new Governance(actor.signedIn().governance().profile(), actor.signedIn().governance().settings());
    }

    // ---- review ----

    /** The record ids of a cluster (no personal data, not logged as a display). */
    public List<Long> memberIds(Actor actor, long clusterId) {
        return actor.signedIn().review().memberIds(clusterId);
    }

    /** The most uncertain clusters first; statuses none: open and deferred. */
    public QueuePage queue(Actor actor, Set<ClusterStatus> statuses, List<String> sources, double min, double max,
                           int limit) {
        return queue(actor, statuses, sources, min, max, limit, null, false, de.grw.review.QueueMode.UNCERTAIN);
    }

    /** As above; with {@code names} each row names the person as the engine lets this user see it (logged). */
    public QueuePage queue(Actor actor, Set<ClusterStatus> statuses, List<String> sources, double min, double max,
                           int limit, String caseRef, boolean names, de.grw.review.QueueMode mode) {
        Set<ClusterStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED) : statuses;
        List<QueueEntry> page = names
                ? actor.signedIn().review().queueWithNames(wanted, sources, min, max, limit, caseRef, mode)
                : actor.signedIn().review().queue(wanted, sources, min, max, limit, mode);
        return new QueuePage(page, actor.signedIn().review().count(wanted), mode.code());
    }

    /** Opens a cluster: masked for this viewer and logged in the access log with the case reference. */
    public ClusterComparison cluster(Actor actor, long clusterId, String caseRef) {
        ClusterView view = actor.signedIn().review().show(clusterId, caseRef);
        // opening claims the cluster for a clerk; the claim in force says whether it is read-only for this viewer
        return new ClusterComparison(view, actor.signedIn().review().comparisons().cluster(view, null, Map.of()),
                actor.signedIn().review().claimOf(clusterId).orElse(null));
    }

    public DecisionView propose(Actor actor, long clusterId, DecisionCommand command, String comment,
                                String caseRef) {
        return actor.signedIn().review().propose(clusterId, command, comment, caseRef);
    }

    public List<DecisionView> pendingApprovals(Actor actor) {
        return actor.signedIn().approval().pending();
    }

    /** A supervisor approves a merge; the engine refuses one's own proposal (four eyes). */
    public DecisionView approve(Actor actor, long decisionId, String comment) {
        return actor.signedIn().approval().approve(decisionId, comment);
    }

    /** The active golden record the records of a merge decision belong to now. */
    public Optional<String> goldenRecordOf(Actor actor, long decisionId) {
        return actor.signedIn().review().goldenRecordOf(decisionId);
    }

    // ---- journal ----

    public JournalVerifier.Result verifyJournal(Actor actor) {
        return actor.signedIn().journal().verify();
    }

    // ---- real-time linking (the engine's LinkApi: case reference, masking and access log are its) ----

    /** Candidate persons for an incoming record (field name to value). */
    public de.grw.linking.LinkViews.LinkAnswer link(Actor actor, Map<String, String> record, String caseRef,
                                                    String storeIn) {
        return actor.signedIn().link().link(record, caseRef, storeIn);
    }

    /** A golden record for another application: masked, logged. */
    public de.grw.review.ReviewViews.GoldenView golden(Actor actor, String goldenId, String caseRef) {
        return actor.signedIn().link().golden(goldenId, caseRef);
    }

    /** Persons by family name, given name and birth date. */
    public de.grw.linking.LinkViews.LinkAnswer search(Actor actor, String familyName, String givenName,
                                                      String birthDate, String caseRef) {
        return actor.signedIn().link().search(familyName, givenName, birthDate, caseRef);
    }

    /** Builds the link index in the background now, so that the first link call does not wait for it. */
    public void prepareLinking() {
        workbench.prepareLinking();
    }

    /** Where the link index stands: {@code none}, {@code building} or {@code ready} (no personal data). */
    public String linkIndexStatus() {
        return workbench.linkIndexStatus().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        workbench.close();
    }
}
