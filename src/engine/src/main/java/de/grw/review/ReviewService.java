package de.grw.review;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.access.AccessLog;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private final Workspace workspace;
    private final MatchProfile profile;
    private final GovernanceConfig governance;

    public ReviewService(Workspace workspace) {
        this.workspace = workspace;
        this.profile = WorkspaceProfile.profile(workspace);
        this.governance = WorkspaceProfile.governance(workspace);
    }

    public MatchProfile profile() {
        return profile;
    }

    public GovernanceConfig governance() {
        return governance;
    }

    /** Clusters waiting for review, the most uncertain first (open before deferred). */
    public List<QueueEntry> queue(Session session, Set<ClusterStatus> statuses, int limit) {
        return queue(session, statuses, null, 0, 1, limit);
    }

    /**
     * Clusters by status, optionally only those with a member from a source and whose weakest link lies in
     * {@code [minProbability, maxProbability)}, the most uncertain first.
     */
    public List<QueueEntry> queue(Session session, Set<ClusterStatus> statuses, String source, double minProbability,
                                  double maxProbability, int limit) {
        session.require(Permission.VIEW_RECORDS, "see_the_review_queue");
        Set<ClusterStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED) : statuses;
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        return workspace.read(c -> {
            List<QueueEntry> out = new ArrayList<>();
            // one query per priority group, each walking the (status, min_probability) index, so that a page of a
            // queue of a million clusters costs the page, not the queue
            for (List<ClusterStatus> group : QueueSql.priorityGroups(wanted)) {
                if (out.size() >= max) {
                    break;
                }
                QueueSql.page(c, group, source, minProbability, maxProbability, max - out.size(), out);
            }
            return out;
        });
    }

    /** The database ids of a cluster's records (no personal data, so not logged as a display). */
    public List<Long> memberIds(Session session, long clusterId) {
        session.require(Permission.VIEW_RECORDS, "see_clusters");
        return workspace.read(c -> {
            ClusterSql.status(c, clusterId);
            return ClusterSql.members(c, clusterId);
        });
    }

    /** Opens a cluster: its records (masked where the viewer may not see them), pairs, proposal and decisions. */
    public ClusterView show(Session session, long clusterId, String caseRef) {
        session.require(Permission.VIEW_RECORDS, "see_records");
        requireCaseToShow(caseRef);
        return workspace.write(c -> {
            ClusterStatus status = ClusterSql.status(c, clusterId);
            List<Long> ids = ClusterSql.members(c, clusterId);
            List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, session, governance,
                    profile), governance, profile);
            List<MemberRecord> unmasked = RecordLoader.load(c, ids, null, governance, profile);
            Map<String, GoldenValue> proposal = new Survivorship(profile, governance.survivorship())
                    .golden(unmasked, Map.of());
            if (members.stream().anyMatch(MemberRecord::masked)) {
                proposal = maskProposal(proposal);
            }
            AccessLog.record(c, workspace.now(), session.user(), "SHOW", caseRef, "cluster " + clusterId, ids);
            return new ClusterView(clusterId, status, ReviewSql.note(c, clusterId), members,
                    ReviewSql.pairs(c, clusterId), proposal, ReviewSql.decisions(c, "WHERE cluster_id = ?", clusterId));
        });
    }

    private Map<String, GoldenValue> maskProposal(Map<String, GoldenValue> proposal) {
        Map<String, GoldenValue> out = new LinkedHashMap<>(proposal);
        for (String f : governance.maskedFields()) {
            GoldenValue v = out.get(f);
            if (v != null && v.value() != null) {
                out.put(f, new GoldenValue(f, RecordLoader.MASK, v.manual(), v.originRecord()));
            }
        }
        return out;
    }

    /** Records a decision on a cluster. A merge waits for approval; other decisions take effect at once. */
    public DecisionView propose(Session session, long clusterId, DecisionCommand command, String comment,
                                String caseRef) {
        session.require(Permission.DECIDE, "decide_on_clusters");
        String kind = command.kind().name();
        requireDetails(kind, comment, caseRef);
        return workspace.write(c -> {
            ClusterStatus status = ClusterSql.status(c, clusterId);
            if (status != ClusterStatus.OPEN && status != ClusterStatus.DEFERRED) {
                throw new UserFacingException(de.grw.common.Text.of("review.cluster_closed", clusterId,
                        de.grw.common.Text.of("status." + status.name())));
            }
            if (command instanceof MergeCommand merge) {
                merge.check(ClusterSql.members(c, clusterId), clusterId);
            }
            boolean pending = command.needsApproval();
            long id = insertDecision(c, clusterId, command.kind(), pending ? DecisionState.PENDING
                    : DecisionState.EFFECTIVE, session.user(), comment, caseRef, command.payload(), null);
            if (pending) {
                ClusterSql.setStatus(c, clusterId, ClusterStatus.AWAITING_APPROVAL, null);
            } else {
                command.apply(context(c, session, clusterId), id);
            }
            Map<String, Object> payload = journalPayload(id, clusterId, command, comment, caseRef);
            Journal.append(c, workspace.now(), session.user(), pending ? "decision.proposed" : "decision.taken",
                    payload);
            return ReviewSql.decision(c, id);
        });
    }

    /** A supervisor approves a pending merge; nobody approves their own. */
    public DecisionView approve(Session session, long decisionId, String comment) {
        session.require(Permission.APPROVE, "approve_merges");
        return workspace.write(c -> {
            DecisionView d = ReviewSql.decision(c, decisionId);
            requirePendingMerge(d);
            if (d.proposedBy().equals(session.user())) {
                throw new AccessDeniedException(de.grw.common.Text.of("review.four_eyes_approve", session.user(),
                        decisionId));
            }
            DecisionCommand command = command(d);
            command.apply(context(c, session, d.clusterId()), decisionId);
            review(c, decisionId, DecisionState.EFFECTIVE, session.user(), comment);
            List<String> golden = GoldenStore.activeGoldenOf(c, ((MergeCommand) command).members());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("decision", decisionId);
            payload.put("cluster", d.clusterId());
            payload.put("golden_record", golden.isEmpty() ? null : golden.get(0));
            payload.put("comment", comment == null ? "" : comment);
            Journal.append(c, workspace.now(), session.user(), "decision.approved", payload);
            return ReviewSql.decision(c, decisionId);
        });
    }

    /** A supervisor rejects a pending merge; the cluster returns to the queue with the supervisor's comment. */
    public DecisionView reject(Session session, long decisionId, String comment) {
        session.require(Permission.APPROVE, "reject_merges");
        if (governance.needsComment("REJECT") && blank(comment)) {
            throw new UserFacingException(de.grw.common.Text.of("review.reject_needs_comment"));
        }
        return workspace.write(c -> {
            DecisionView d = ReviewSql.decision(c, decisionId);
            requirePendingMerge(d);
            if (d.proposedBy().equals(session.user())) {
                throw new AccessDeniedException(de.grw.common.Text.of("review.four_eyes_reject", session.user(),
                        decisionId));
            }
            review(c, decisionId, DecisionState.REJECTED, session.user(), comment);
            ClusterSql.setStatus(c, d.clusterId(), ClusterStatus.OPEN, "rejected by " + session.user() + ": "
                    + (comment == null ? "" : comment));
            Journal.append(c, workspace.now(), session.user(), "decision.rejected", Map.of("decision", decisionId,
                    "cluster", d.clusterId(), "comment", comment == null ? "" : comment));
            return ReviewSql.decision(c, decisionId);
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
        return workspace.write(c -> {
            DecisionView d = ReviewSql.decision(c, decisionId);
            if (d.kind() == DecisionKind.REVERT) {
                throw new UserFacingException(de.grw.common.Text.of("review.revert_of_revert", decisionId));
            }
            boolean own = d.proposedBy().equals(session.user());
            boolean approvedMerge = d.kind() == DecisionKind.MERGE && d.state() == DecisionState.EFFECTIVE;
            if (!session.may(Permission.REVERT_ANY) && !(own && session.may(Permission.REVERT_OWN) && !approvedMerge)) {
                throw new AccessDeniedException(de.grw.common.Text.of(approvedMerge
                        ? "review.revert_denied_approved" : "review.revert_denied", session.user(), decisionId));
            }
            if (d.state() != DecisionState.EFFECTIVE && d.state() != DecisionState.PENDING) {
                throw new UserFacingException(de.grw.common.Text.of("review.nothing_to_revert", decisionId,
                        de.grw.common.Text.of("state." + d.state().name())));
            }
            long revertId = insertDecision(c, d.clusterId(), DecisionKind.REVERT, DecisionState.EFFECTIVE,
                    session.user(), comment, caseRef, Map.of("reverts", decisionId), decisionId);
            DecisionState newState;
            if (d.state() == DecisionState.PENDING) {
                ClusterSql.setStatus(c, d.clusterId(), ClusterStatus.OPEN, "merge withdrawn by " + session.user());
                newState = DecisionState.WITHDRAWN;
            } else {
                command(d).revert(context(c, session, d.clusterId()), decisionId, revertId);
                newState = DecisionState.REVERTED;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET state = ? WHERE id = ?")) {
                ps.setString(1, newState.name());
                ps.setLong(2, decisionId);
                ps.executeUpdate();
            }
            Journal.append(c, workspace.now(), session.user(), "decision.reverted", Map.of("decision", revertId,
                    "reverts", decisionId, "cluster", d.clusterId(), "comment", comment == null ? "" : comment,
                    "case", caseRef == null ? "" : caseRef));
            return ReviewSql.decision(c, revertId);
        });
    }

    /** How many clusters have one of the statuses (for "n clusters left" without loading them all). */
    public int count(Session session, Set<ClusterStatus> statuses) {
        session.require(Permission.VIEW_RECORDS, "see_the_review_queue");
        String in = String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        return workspace.read(c -> {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT count(*) FROM clusters WHERE status IN (" + in + ")")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Names of the workspace's sources, in import order. */
    public List<String> sources(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_the_sources");
        return workspace.read(c -> {
            List<String> out = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM sources ORDER BY id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Merges waiting for a supervisor. */
    public List<DecisionView> pendingApprovals(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_pending_merges");
        return workspace.read(c -> ReviewSql.decisions(c, "WHERE state = 'PENDING'", null));
    }

    /** All decisions, newest first. */
    public List<DecisionView> decisions(Session session) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> {
            List<DecisionView> all = ReviewSql.decisions(c, "", null);
            java.util.Collections.reverse(all);
            return all;
        });
    }

    public DecisionView decision(Session session, long id) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> ReviewSql.decision(c, id));
    }

    /** The active golden record that the records of a merge decision belong to now, if any. */
    public java.util.Optional<String> goldenRecordOf(Session session, long decisionId) {
        session.require(Permission.VIEW_RECORDS, "see_decisions");
        return workspace.read(c -> {
            DecisionView d = ReviewSql.decision(c, decisionId);
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
        return workspace.write(c -> {
            String status;
            String mergedInto;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, merged_into FROM golden_records WHERE id = ?")) {
                ps.setString(1, goldenId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new UserFacingException(de.grw.common.Text.of("review.no_golden", goldenId));
                    }
                    status = rs.getString(1);
                    mergedInto = rs.getString(2);
                }
            }
            List<Long> ids = GoldenStore.activeMembers(c, goldenId);
            List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, session, governance,
                    profile), governance, profile);
            boolean masked = members.stream().anyMatch(MemberRecord::masked);
            List<GoldenValue> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT field, value, origin, origin_record FROM golden_values "
                    + "WHERE golden_id = ? AND superseded_by IS NULL ORDER BY rowid")) {
                ps.setString(1, goldenId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String field = rs.getString(1);
                        String value = rs.getString(2);
                        if (masked && value != null && governance.maskedFields().contains(field)) {
                            value = RecordLoader.MASK;
                        }
                        values.add(new GoldenValue(field, value, "MANUAL".equals(rs.getString(3)), rs.getLong(4)));
                    }
                }
            }
            AccessLog.record(c, workspace.now(), session.user(), "SHOW", caseRef, "golden record " + goldenId, ids);
            return new GoldenView(goldenId, status, mergedInto, members, values,
                    members.stream().anyMatch(MemberRecord::blocked));
        });
    }

    // ---- helpers ----

    private ReviewContext context(Connection c, Session session, long clusterId) {
        return new ReviewContext(c, workspace.now(), session.user(), clusterId, profile, governance);
    }

    private void requireDetails(String kind, String comment, String caseRef) {
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
        if (governance.required().caseReferenceToShow() && blank(caseRef)) {
            throw new UserFacingException(de.grw.common.Text.of("review.show_needs_case"));
        }
    }

    private static boolean blank(String s) {
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
        return DecisionCommand.fromPayload(d.kind(), CanonicalJson.parse(d.payloadJson()));
    }

    private static Map<String, Object> journalPayload(long id, long clusterId, DecisionCommand command, String comment,
                                                      String caseRef) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision", id);
        payload.put("cluster", clusterId);
        payload.put("kind", command.kind().name());
        payload.put("content", command.payload());
        payload.put("comment", comment == null ? "" : comment);
        payload.put("case", caseRef == null ? "" : caseRef);
        return payload;
    }

    private long insertDecision(Connection c, Long clusterId, DecisionKind kind, DecisionState state, String user,
                                String comment, String caseRef, Map<String, Object> payload, Long reverts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decisions(cluster_id, kind, state, proposed_by, "
                + "proposed_at, comment, case_ref, payload_json, reverts) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (clusterId == null) {
                ps.setNull(1, java.sql.Types.INTEGER);
            } else {
                ps.setLong(1, clusterId);
            }
            ps.setString(2, kind.name());
            ps.setString(3, state.name());
            ps.setString(4, user);
            ps.setString(5, workspace.now().toString());
            ps.setString(6, comment == null ? "" : comment);
            ps.setString(7, caseRef == null ? "" : caseRef);
            ps.setString(8, CanonicalJson.write(payload));
            if (reverts == null) {
                ps.setNull(9, java.sql.Types.INTEGER);
            } else {
                ps.setLong(9, reverts);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void review(Connection c, long decisionId, DecisionState state, String user, String comment)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET state = ?, reviewed_by = ?, "
                + "reviewed_at = ?, review_comment = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, user);
            ps.setString(3, workspace.now().toString());
            ps.setString(4, comment == null ? "" : comment);
            ps.setLong(5, decisionId);
            ps.executeUpdate();
        }
    }

    /**
     * Parses a stored explanation into (comparison, level, weight, versus) rows; {@code versus} names what the pair
     * is weighed against: {@code others} (two people taken at random) or a household class ({@code household},
     * {@code twins}).
     */
    public static List<String[]> explanation(String json) {
        List<String[]> out = new ArrayList<>();
        JsonNode n = CanonicalJson.parse(json);
        n.path("comparisons").forEach(e -> out.add(new String[] {e.path("comparison").asText(),
            e.path("level").asText(), e.path("weight").asText(), e.path("versus").asText("others")}));
        return out;
    }
}
