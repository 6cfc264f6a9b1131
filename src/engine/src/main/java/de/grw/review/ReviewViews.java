package de.grw.review;

import de.grw.workspace.ClusterStatus;
import java.util.List;
import java.util.Map;

/** Read models of the review, for the command line and the desktop. */
public final class ReviewViews {
    private ReviewViews() {
    }

    /** A cluster in the queue (no personal data). */
    public record QueueEntry(long clusterId, ClusterStatus status, int size, double minProbability,
                             double maxProbability, String note) {
    }

    /** A scored pair inside a cluster with its explanation (JSON: prior and per-comparison level and weight). */
    public record PairView(long recordA, long recordB, double probability, double weight, String explanationJson) {
    }

    /** A decision as stored. */
    public record DecisionView(long id, Long clusterId, DecisionKind kind, DecisionState state, String proposedBy,
                               String proposedAt, String comment, String caseRef, String payloadJson,
                               String reviewedBy, String reviewedAt, String reviewComment, Long reverts) {
        /** The stored content, read into its record. */
        public DecisionPayload payload() {
            return DecisionPayload.read(kind, payloadJson);
        }
    }

    /**
     * A cluster opened for review.
     *
     * @param proposal  the golden record the survivorship rules propose for all members, by field (for a cluster
     *                  that extends golden records: with the choices kept from their merges)
     * @param extending the approved golden records some members already belong to, or {@code null}
     */
    public record ClusterView(long clusterId, ClusterStatus status, String note, List<MemberRecord> members,
                              List<PairView> pairs, Map<String, GoldenValue> proposal,
                              List<DecisionView> decisions, GoldenExtension extending) {
        /** A cluster that extends no golden record. */
        public ClusterView(long clusterId, ClusterStatus status, String note, List<MemberRecord> members,
                           List<PairView> pairs, Map<String, GoldenValue> proposal, List<DecisionView> decisions) {
            this(clusterId, status, note, members, pairs, proposal, decisions, null);
        }

        /** The clerk's choices that a merge of this cluster starts from: those kept from earlier merges. */
        public Map<String, FieldChoice> keptChoices() {
            return extending == null ? Map.of() : extending.kept();
        }
    }

    /**
     * The golden records a cluster extends (new records found to belong to people already merged): their ids, the
     * choices clerks made for them (a chosen or typed value per field or field group, the latest decision's where
     * several made one), which a merge of the cluster keeps unless a clerk changes them, and the merges that built
     * them, oldest first.
     */
    public record GoldenExtension(List<String> goldenIds, Map<String, FieldChoice> kept, List<DecisionView> history) {
        public GoldenExtension {
            goldenIds = List.copyOf(goldenIds);
            kept = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kept));
            history = List.copyOf(history);
        }
    }

    /** A golden record with its members and each field's origin. */
    public record GoldenView(String id, String status, String mergedInto, List<MemberRecord> members,
                             List<GoldenValue> values, boolean blocked) {
    }

    /**
     * Who reviews a cluster, until when: a clerk who opens a cluster claims it, and the claim is renewed while the
     * cluster is open; everyone else sees it read-only, their queue skips it, and their decisions on it are refused.
     *
     * @param clusterId the cluster
     * @param user      who holds the claim
     * @param until     when it expires unless renewed (ISO-8601, UTC)
     * @param mine      whether the asking user holds it
     */
    public record ClaimView(long clusterId, String user, String until, boolean mine) {
    }
}
