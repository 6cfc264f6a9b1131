package de.grw.review;

import de.grw.workspace.ClusterStatus;
import java.util.List;
import java.util.Map;

/** Read models of the review, for the command line and the desktop. */
public final class ReviewViews {
    private ReviewViews() {
    }

    /**
     * A cluster in the queue: what a row says without opening the cluster.
     *
     * @param name    the person's name (family name, given names of the cluster's first record), masked as
     *                {@link RecordLoader#MASK} under a blocking notice exactly as {@code show} masks it; {@code null}
     *                where names were not asked for or are withheld (no case reference where the workspace requires
     *                one). Names shown are logged in the access log (one entry per listing).
     * @param sources the sources the cluster's records come from, in import order (no personal data)
     * @param weakest the weakest link and what weakens it most, or {@code null} for a cluster without scored pairs
     */
    public record QueueEntry(long clusterId, ClusterStatus status, int size, double minProbability,
                             double maxProbability, String note, String name, List<String> sources,
                             WeakestLink weakest) {
        public QueueEntry {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** A row without name, sources and weakest link. */
        public QueueEntry(long clusterId, ClusterStatus status, int size, double minProbability,
                          double maxProbability, String note) {
            this(clusterId, status, size, minProbability, maxProbability, note, null, List.of(), null);
        }

        /** The same row with the name, sources and weakest link filled in. */
        public QueueEntry with(String name, List<String> sources, WeakestLink weakest) {
            return new QueueEntry(clusterId, status, size, minProbability, maxProbability, note, name, sources,
                    weakest);
        }
    }

    /**
     * The weakest link of a cluster (its least probable scored pair) and the comparison that weakens it most (the
     * lowest weight, a contradiction first), for the queue: no personal data, only names of comparisons and levels.
     *
     * @param recordA     one record of the pair (database id)
     * @param recordB     the other
     * @param probability the pair's probability
     * @param comparison  the comparison ({@code given_names}, ..., {@code contradiction}), or {@code null} if none
     * @param level       its level ({@code different}, ...)
     * @param weight      its weight in bits
     * @param versus      what the pair is weighed against ({@code others}, {@code household}, {@code twins})
     */
    public record WeakestLink(long recordA, long recordB, double probability, String comparison, String level,
                              double weight, String versus) {
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
     * @param modelVersion the model version that proposed the cluster (that scored the run which first proposed it;
     *                  its pairs' explanations are that version's weights, stored with them), or {@code null} for a
     *                  cluster of a run from before schema 5 or made by a split
     */
    public record ClusterView(long clusterId, ClusterStatus status, String note, List<MemberRecord> members,
                              List<PairView> pairs, Map<String, GoldenValue> proposal,
                              List<DecisionView> decisions, GoldenExtension extending, Integer modelVersion) {
        /** A cluster without a known model version. */
        public ClusterView(long clusterId, ClusterStatus status, String note, List<MemberRecord> members,
                           List<PairView> pairs, Map<String, GoldenValue> proposal, List<DecisionView> decisions,
                           GoldenExtension extending) {
            this(clusterId, status, note, members, pairs, proposal, decisions, extending, null);
        }

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
