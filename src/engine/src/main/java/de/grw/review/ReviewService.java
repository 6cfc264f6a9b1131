package de.grw.review;

import de.grw.access.AccessLog;
import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.SourceRepository;
import de.grw.workspace.GovernanceConfig;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceProfile;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review of candidate clusters: the queue, opening a cluster (logged in the access log), decisions as commands,
 * the four-eyes approval of merges, and reverting any decision. Every change is committed together with its journal
 * entry before a method returns; rights are checked here, not only in the front ends.
 */
public final class ReviewService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReviewService.class);
    /** How long a claim on an opened cluster lasts unless renewed (by opening it again or {@link #claim}). */
    public static final java.time.Duration CLAIM_TIME = ClusterClaims.CLAIM_TIME;
    private final Workspace workspace;
    private final MatchProfile profile;
    private final GovernanceConfig governance;
    private final ClusterClaims claims;
    /** The queue, its modes and their order ({@link ReviewQueue}). */
    private final ReviewQueue queue;

    public ReviewService(Workspace workspace) {
        this.workspace = workspace;
        this.profile = WorkspaceProfile.profile(workspace);
        this.governance = WorkspaceProfile.governance(workspace);
        this.claims = new ClusterClaims(workspace);
        this.queue = new ReviewQueue(workspace, profile, governance);
    }

    public MatchProfile profile() {
        return profile;
    }

    public GovernanceConfig governance() {
        return governance;
    }

    /** Builds the side-by-side comparisons of what {@link #show} and {@link #golden} return (no database). */
    public ComparisonService comparisons() {
        return new ComparisonService(profile, governance);
    }

    /** Clusters waiting for review, the most uncertain first (open before deferred). */
    public List<QueueEntry> queue(Session session, Set<ClusterStatus> statuses, int limit) {
        return queueBySources(session, statuses, List.of(), 0, 1, limit);
    }

    /**
     * Clusters by status, optionally only those with a member from a source and whose weakest link lies in
     * {@code [minProbability, maxProbability)}, the most uncertain first.
     */
    public List<QueueEntry> queue(Session session, Set<ClusterStatus> statuses, String source, double minProbability,
                                  double maxProbability, int limit) {
        return queueBySources(session, statuses, source == null || source.isBlank() ? List.of() : List.of(source),
                minProbability, maxProbability, limit);
    }

    /**
     * Clusters by status, optionally only those with a member from one of the sources (none: all), and whose weakest
     * link lies in {@code [minProbability, maxProbability)}, the most uncertain first.
     */
    public List<QueueEntry> queueBySources(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit) {
        return queue.queueBySources(session, statuses, sources, minProbability, maxProbability, limit);
    }

    /**
     * As {@link #queueBySources(Session, Set, List, double, double, int)}, in the order of {@code mode}: for {@link
     * QueueMode#ACTIVE_LEARNING} the {@link QueueOrdering} (see {@link #withActiveLearning}) orders a pool of the
     * most uncertain rows and returns the page.
     */
    public List<QueueEntry> queueBySources(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, QueueMode mode) {
        return queue.queueBySources(session, statuses, sources, minProbability, maxProbability, limit, mode);
    }

    /**
     * As {@link #queueBySources}, each row with the person's name as this user may see it (masked under a blocking
     * notice as {@link #show} masks it), logged as one access-log entry naming the clusters listed
     * ({@link QueueDetails}). Without a case reference where the workspace demands one to show records, the names
     * are withheld ({@code null}) and nothing is logged.
     */
    public List<QueueEntry> queueWithNames(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, String caseRef) {
        return queueWithNames(session, statuses, sources, minProbability, maxProbability, limit, caseRef,
                QueueMode.UNCERTAIN);
    }

    /**
     * As {@link #queueWithNames(Session, Set, List, double, double, int, String)}, in the order of {@code mode}: for
     * {@link QueueMode#ACTIVE_LEARNING} the {@link QueueOrdering} (see {@link #withActiveLearning}) orders a pool of
     * the most uncertain rows, and only the page it returns is named and logged.
     */
    public List<QueueEntry> queueWithNames(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, String caseRef,
                                           QueueMode mode) {
        return queue.queueWithNames(session, statuses, sources, minProbability, maxProbability, limit, caseRef, mode);
    }

    /** Orders the queue's active-learning mode with {@code ordering} from now on (the learning's, issue 15). */
    public ReviewService withActiveLearning(QueueOrdering ordering) {
        queue.withActiveLearning(ordering);
        return this;
    }

    /** The workspace this review works on (for the review's other services, e.g. {@link BulkReview}). */
    Workspace workspace() {
        return workspace;
    }

    /** The database ids of a cluster's records (no personal data, so not logged as a display). */
    public List<Long> memberIds(Session session, long clusterId) {
        session.require(Permission.VIEW_RECORDS, "see_clusters");
        return workspace.read(c -> {
            ClusterRepository.status(c, clusterId);
            return ClusterRepository.members(c, clusterId);
        });
    }

    /** Opens a cluster: its records (masked where the viewer may not see them), pairs, proposal and decisions. */
    public ClusterView show(Session session, long clusterId, String caseRef) {
        session.require(Permission.VIEW_RECORDS, "see_records");
        requireCaseToShow(caseRef);
        return workspace.write(c -> {
            ClusterView view = clusterView(c, session, clusterId);
            logAndClaim(c, session, clusterId, view.status(), caseRef); // a clerk who opens a cluster claims it
            return view;
        });
    }

    /**
     * Reads a cluster ahead, as {@link #show} returns it (same rights, same case reference, same masking), but
     * without an access-log entry and without a claim: the desktop reads the cluster a clerk will most likely see
     * next before the key press (issue 13). Nothing has been shown yet; whoever shows it calls {@link #shown} at
     * that moment, and a cluster read ahead but never shown leaves no trace in the access log.
     */
    public ClusterView prefetch(Session session, long clusterId, String caseRef) {
        session.require(Permission.VIEW_RECORDS, "see_records");
        requireCaseToShow(caseRef);
        return workspace.read(c -> clusterView(c, session, clusterId));
    }

    /**
     * A cluster read ahead by {@link #prefetch} is now shown: logged in the access log with the case reference
     * (one entry, as {@link #show} writes it) and claimed as {@link #show} claims; returns the claim in force
     * afterwards (another user's when someone else holds the cluster; empty when nobody may hold it).
     */
    public java.util.Optional<ClaimView> shown(Session session, long clusterId, String caseRef) {
        session.require(Permission.VIEW_RECORDS, "see_records");
        requireCaseToShow(caseRef);
        return workspace.write(c -> {
            logAndClaim(c, session, clusterId, ClusterRepository.status(c, clusterId), caseRef);
            return ClaimRepository.holder(c, clusterId, workspace.now(), session.user());
        });
    }

    /** The display of a cluster: one access-log entry naming its records, and the claim of a clerk who opens it. */
    private void logAndClaim(Connection c, Session session, long clusterId, ClusterStatus status, String caseRef)
            throws java.sql.SQLException {
        AccessLog.record(c, workspace.now(), session.user(), "SHOW", caseRef, "cluster " + clusterId,
                ClusterRepository.members(c, clusterId));
        claims.claimOnOpen(c, clusterId, status, session);
    }

    /** What {@link #show} and {@link #prefetch} read of a cluster, masked for the viewer (no log, no claim). */
    private ClusterView clusterView(Connection c, Session session, long clusterId) throws java.sql.SQLException {
        ClusterStatus status = ClusterRepository.status(c, clusterId);
        List<Long> ids = ClusterRepository.members(c, clusterId);
        List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, session, governance,
                profile), governance, profile);
        List<MemberRecord> unmasked = RecordLoader.load(c, ids, null, governance, profile);
        ReviewViews.GoldenExtension extending = extension(c, ids);
        Map<String, GoldenValue> proposal = new Survivorship(profile, governance.survivorship())
                .golden(unmasked, extending == null ? Map.of() : extending.kept());
        if (members.stream().anyMatch(MemberRecord::masked)) {
            proposal = ViewMasking.proposal(governance, proposal);
            extending = ViewMasking.extension(governance, extending);
        }
        if (extending != null) { // the golden records' history, as the decisions themselves are shown
            extending = new ReviewViews.GoldenExtension(extending.goldenIds(), extending.kept(),
                    JournalMasking.maskDecisions(c, session, governance, extending.history()));
        }
        return new ClusterView(clusterId, status, ClusterRepository.note(c, clusterId), members,
                ReviewRepository.pairs(c, clusterId), proposal, JournalMasking.maskDecisions(c, session, governance,
                DecisionRepository.ofCluster(c, clusterId)),
                extending, ProposingVersionRepository.of(c, clusterId));
    }

    /** The golden records some of the records already belong to, with the choices kept for them; or null. */
    private static ReviewViews.GoldenExtension extension(java.sql.Connection c, List<Long> ids)
            throws java.sql.SQLException {
        List<String> goldens = GoldenStore.activeGoldenOf(c, ids);
        if (goldens.isEmpty()) {
            return null;
        }
        java.util.Set<Long> members = new java.util.HashSet<>(ids);
        for (String g : goldens) {
            members.addAll(GoldenStore.activeMembers(c, g));
        }
        return new ReviewViews.GoldenExtension(goldens, GoldenStore.keptChoices(c, goldens, members),
                GoldenStore.history(c, goldens));
    }

    /** Records a decision on a cluster. A merge waits for approval; other decisions take effect at once. */
    public DecisionView propose(Session session, long clusterId, DecisionCommand command, String comment,
                                String caseRef) {
        session.require(Permission.DECIDE, "decide_on_clusters");
        String kind = command.kind().name();
        requireDetails(kind, comment, caseRef);
        return workspace.write(c -> {
            ClusterStatus status = ClusterRepository.status(c, clusterId);
            if (status != ClusterStatus.OPEN && status != ClusterStatus.DEFERRED) {
                throw new UserFacingException(de.grw.common.Text.of("review.cluster_closed", clusterId,
                        de.grw.common.Text.of("status." + status.name())));
            }
            claims.requireNotClaimedByAnother(c, clusterId, session);
            de.grw.users.AccountRules.requireOwnPassword(c, session);
            if (command instanceof MergeCommand merge) {
                merge.check(ClusterRepository.members(c, clusterId), clusterId);
            }
            claims.releaseOnDecision(c, clusterId); // decided: the cluster leaves the queue
            boolean pending = command.needsApproval();
            long id = DecisionRepository.insert(c, clusterId, command.kind(), pending ? DecisionState.PENDING
                    : DecisionState.EFFECTIVE, session.user(), workspace.now().toString(), comment, caseRef,
                    command.payload(), null);
            if (pending) {
                ClusterRepository.setStatus(c, clusterId, ClusterStatus.AWAITING_APPROVAL, null);
            } else {
                command.apply(context(c, session, clusterId), id);
            }
            Journal.append(c, workspace.now(), session.user(), pending ? JournalAction.DECISION_PROPOSED
                    : JournalAction.DECISION_TAKEN, new DecisionEvents.Recorded(id, clusterId, command.kind(),
                    command.payload(), comment, caseRef));
            LOG.info("decision {} ({}) on cluster {} by {}: {}", id, command.kind(), clusterId, session.user(),
                    pending ? "awaits approval" : "in effect");
            return DecisionRepository.find(c, id);
        });
    }

    /** A supervisor approves a pending merge; nobody approves their own. */
    public DecisionView approve(Session session, long decisionId, String comment) {
        session.require(Permission.APPROVE, "approve_merges");
        return workspace.write(c -> {
            DecisionView d = DecisionRepository.find(c, decisionId);
            requirePendingMerge(d);
            de.grw.users.AccountRules.requireOwnPassword(c, session);
            FourEyes.require(c, session, d, true);
            AsProposed.require(c, d);
            DecisionCommand command = command(d);
            command.apply(context(c, session, d.clusterId()), decisionId);
            DecisionRepository.reviewed(c, decisionId, DecisionState.EFFECTIVE, session.user(),
                    workspace.now().toString(), comment);
            List<String> golden = GoldenStore.activeGoldenOf(c, ((MergeCommand) command).members());
            Journal.append(c, workspace.now(), session.user(), JournalAction.DECISION_APPROVED,
                    new DecisionEvents.Approved(decisionId, d.clusterId(), golden.isEmpty() ? null : golden.get(0),
                            comment));
            LOG.info("decision {} approved by {}: golden record {}", decisionId, session.user(),
                    golden.isEmpty() ? "-" : golden.get(0));
            return DecisionRepository.find(c, decisionId);
        });
    }

    /** A supervisor rejects a pending merge; the cluster returns to the queue with the supervisor's comment. */
    public DecisionView reject(Session session, long decisionId, String comment) {
        session.require(Permission.APPROVE, "reject_merges");
        if (governance.needsComment("REJECT") && blank(comment)) {
            throw new UserFacingException(de.grw.common.Text.of("review.reject_needs_comment"));
        }
        return workspace.write(c -> {
            DecisionView d = DecisionRepository.find(c, decisionId);
            requirePendingMerge(d);
            de.grw.users.AccountRules.requireOwnPassword(c, session);
            FourEyes.require(c, session, d, false);
            DecisionRepository.reviewed(c, decisionId, DecisionState.REJECTED, session.user(),
                    workspace.now().toString(), comment);
            ClusterRepository.setStatus(c, d.clusterId(), ClusterStatus.OPEN, "rejected by " + session.user() + ": "
                    + (comment == null ? "" : comment));
            Journal.append(c, workspace.now(), session.user(), JournalAction.DECISION_REJECTED,
                    new DecisionEvents.Rejected(decisionId, d.clusterId(), comment));
            LOG.info("decision {} rejected by {}", decisionId, session.user());
            return DecisionRepository.find(c, decisionId);
        });
    }

    /**
     * Reverts a decision by adding a REVERT decision: an approved merge is unmerged, a cannot-link revoked, a split
     * or deferral undone, a pending merge withdrawn. Nothing is deleted.
     */
    public DecisionView revert(Session session, long decisionId, String comment, String caseRef) {
        if (governance.needsComment("REVERT") && blank(comment)) {
            throw new UserFacingException(de.grw.common.Text.of("review.revert_needs_comment"));
        }
        if (governance.needsCaseReference("REVERT") && blank(caseRef)) {
            throw new UserFacingException(de.grw.common.Text.of("review.revert_needs_case"));
        }
        de.grw.common.CaseReference.check(caseRef);
        return workspace.write(c -> {
            DecisionView d = DecisionRepository.find(c, decisionId);
            if (d.kind() == DecisionKind.REVERT) {
                throw new UserFacingException(de.grw.common.Text.of("review.revert_of_revert", decisionId));
            }
            boolean own = d.proposedBy().equals(session.user());
            boolean approvedMerge = d.kind() == DecisionKind.MERGE && d.state() == DecisionState.EFFECTIVE;
            if (!session.may(Permission.REVERT_ANY) && !(own && session.may(Permission.REVERT_OWN) && !approvedMerge)) {
                LOG.warn("refused: {} ({}) may not revert decision {} by {}", session.user(), session.role(),
                        decisionId, d.proposedBy());
                throw new AccessDeniedException(de.grw.common.Text.of(approvedMerge
                        ? "review.revert_denied_approved" : "review.revert_denied", session.user(), decisionId));
            }
            if (d.state() != DecisionState.EFFECTIVE && d.state() != DecisionState.PENDING) {
                throw new UserFacingException(de.grw.common.Text.of("review.nothing_to_revert", decisionId,
                        de.grw.common.Text.of("state." + d.state().name())));
            }
            long revertId = DecisionRepository.insert(c, d.clusterId(), DecisionKind.REVERT, DecisionState.EFFECTIVE,
                    session.user(), workspace.now().toString(), comment, caseRef,
                    new DecisionPayload.Revert(decisionId), decisionId);
            DecisionState newState;
            if (d.state() == DecisionState.PENDING) {
                ClusterRepository.setStatus(c, d.clusterId(), ClusterStatus.OPEN, "merge withdrawn by "
                        + session.user());
                newState = DecisionState.WITHDRAWN;
            } else {
                command(d).revert(context(c, session, d.clusterId()), decisionId, revertId);
                newState = DecisionState.REVERTED;
            }
            DecisionRepository.setState(c, decisionId, newState);
            Journal.append(c, workspace.now(), session.user(), JournalAction.DECISION_REVERTED,
                    new DecisionEvents.Reverted(revertId, decisionId, d.clusterId(), comment, caseRef));
            LOG.info("decision {} reverted by {} (decision {})", decisionId, session.user(), revertId);
            return DecisionRepository.find(c, revertId);
        });
    }

    /** How many clusters have one of the statuses (for "n clusters left" without loading them all). */
    public int count(Session session, Set<ClusterStatus> statuses) {
        session.require(Permission.VIEW_RECORDS, "see_the_review_queue");
        return workspace.read(c -> ClusterRepository.count(c, statuses));
    }

    /** Names of the workspace's sources, in import order. */
    public List<String> sources(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_the_sources");
        return workspace.read(SourceRepository::names);
    }

    /** Merges waiting for a supervisor. */
    public List<DecisionView> pendingApprovals(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_pending_merges");
        return workspace.read(c -> JournalMasking.maskDecisions(c, session, governance,
                DecisionRepository.inState(c, DecisionState.PENDING)));
    }

    /** All decisions, newest first. */
    public List<DecisionView> decisions(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> {
            List<DecisionView> all = DecisionRepository.all(c);
            java.util.Collections.reverse(all);
            return JournalMasking.maskDecisions(c, session, governance, all);
        });
    }

    public DecisionView decision(Session session, long id) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> JournalMasking.maskDecisions(c, session, governance,
                List.of(DecisionRepository.find(c, id))).get(0));
    }

    /** The active golden record that the records of a merge decision belong to now, if any. */
    public java.util.Optional<String> goldenRecordOf(Session session, long decisionId) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> {
            DecisionView d = DecisionRepository.find(c, decisionId);
            if (d.kind() != DecisionKind.MERGE) {
                return java.util.Optional.<String>empty();
            }
            List<String> golden = GoldenStore.activeGoldenOf(c, ((MergeCommand) command(d)).members());
            return golden.stream().findFirst();
        });
    }

    /** Opens a golden record (logged in the access log). */
    public GoldenView golden(Session session, String goldenId, String caseRef) {
        session.require(Permission.VIEW_RECORDS, "see_records");
        requireCaseToShow(caseRef);
        return workspace.write(c -> goldenView(c, session, goldenId, caseRef));
    }

    /**
     * A golden record for another application (real-time linking, an API account): needs the right to link and
     * always a case reference; masked and logged exactly as {@link #golden} shows it in the desktop.
     */
    public GoldenView goldenForLink(Session session, String goldenId, String caseRef) {
        session.require(Permission.LINK, "link_records");
        String reference = de.grw.common.CaseReference.check(caseRef);
        if (reference.isEmpty()) {
            throw new UserFacingException(de.grw.common.Text.of("link.needs_case"));
        }
        return workspace.write(c -> goldenView(c, session, goldenId, reference));
    }

    private GoldenView goldenView(Connection c, Session session, String goldenId, String caseRef)
            throws java.sql.SQLException {
        return GoldenViews.open(c, workspace.now(), session, goldenId, caseRef, governance, profile);
    }

    // ---- helpers ----

    private ReviewContext context(Connection c, Session session, long clusterId) {
        return new ReviewContext(c, workspace.now(), session.user(), clusterId, profile, governance);
    }

    /**
     * Claims a cluster for the user, or renews their claim, while they have it open; returns the claim in force
     * afterwards (another's, when someone else holds it). Empty for a cluster that is no longer open or deferred.
     */
    public java.util.Optional<ClaimView> claim(Session session, long clusterId) {
        return claims.claim(session, clusterId);
    }

    /** The claim in force on a cluster, if any. */
    public java.util.Optional<ClaimView> claimOf(Session session, long clusterId) {
        return claims.claimOf(session, clusterId);
    }

    /** Ends the user's own claim on a cluster (closing it without a decision); another's claim stays. */
    public void release(Session session, long clusterId) {
        claims.release(session, clusterId);
    }

    private void requireDetails(String kind, String comment, String caseRef) {
        de.grw.common.CaseReference.check(caseRef);
        if (governance.needsCaseReference(kind) && blank(caseRef)) {
            throw new UserFacingException(de.grw.common.Text.of("review.needs_case",
                    de.grw.common.Text.of("kind." + kind)));
        }
        if (governance.needsComment(kind) && blank(comment)) {
            throw new UserFacingException(de.grw.common.Text.of("review.needs_comment",
                    de.grw.common.Text.of("kind." + kind)));
        }
    }

    private void requireCaseToShow(String caseRef) {
        de.grw.common.CaseReference.check(caseRef);
        if (governance.required().caseReferenceToShow() && blank(caseRef)) {
            throw new UserFacingException(de.grw.common.Text.of("review.show_needs_case"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requirePendingMerge(DecisionView d) {
        if (d.kind() != DecisionKind.MERGE || d.state() != DecisionState.PENDING) {
            throw new UserFacingException(de.grw.common.Text.of("review.not_awaiting", d.id(),
                    de.grw.common.Text.of("kind." + d.kind().name()),
                    de.grw.common.Text.of("state." + d.state().name())));
        }
    }

    private static DecisionCommand command(DecisionView d) {
        return DecisionCommand.fromPayload(d.kind(), d.payloadJson());
    }
}
