package de.grw.api;

import de.grw.review.BulkViews;
import de.grw.review.DecisionCommand;
import de.grw.review.QueueMode;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review: the queue of candidate clusters, opening a cluster or a golden record (logged in the access log with
 * the case reference), decisions and their revert. Every method but {@link #comparisons()} reads or writes the
 * workspace: call it off the FX thread.
 */
public interface ReviewApi {

    /**
     * Clusters by status (none: open and deferred), optionally only those with a member from one of the sources
     * (none: all) and whose weakest link lies in {@code [minProbability, maxProbability)}, the most uncertain first.
     *
     * @param limit at most this many; 0 for all
     */
    default List<QueueEntry> queue(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                   double maxProbability, int limit) {
        return queue(statuses, sources, minProbability, maxProbability, limit, QueueMode.UNCERTAIN);
    }

    /**
     * As {@link #queue(Set, List, double, double, int)}, in the order of {@code mode}: most uncertain first, or the
     * clusters whose answer would teach the model most ({@link QueueMode#ACTIVE_LEARNING}).
     */
    List<QueueEntry> queue(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                           double maxProbability, int limit, QueueMode mode);

    /** Clusters by status (none: open and deferred), the most uncertain first; {@code limit} 0 for all. */
    default List<QueueEntry> queue(Set<ClusterStatus> statuses, int limit) {
        return queue(statuses, List.of(), 0, 1, limit);
    }

    /**
     * As {@link #queue(Set, List, double, double, int)}, each row with the person's name as the signed-in user may
     * see it (masked under a blocking notice as {@link #show} masks it; withheld without a case reference where the
     * workspace demands one); the engine logs the listing as one access-log entry naming the clusters listed.
     */
    default List<QueueEntry> queueWithNames(Set<ClusterStatus> statuses, List<String> sources,
                                            double minProbability, double maxProbability, int limit, String caseRef) {
        return queueWithNames(statuses, sources, minProbability, maxProbability, limit, caseRef, QueueMode.UNCERTAIN);
    }

    /** As {@link #queueWithNames(Set, List, double, double, int, String)}, in the order of {@code mode}. */
    List<QueueEntry> queueWithNames(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                    double maxProbability, int limit, String caseRef, QueueMode mode);

    /**
     * The open clusters of a band and source filter and a random sample of them with their records, shown to the
     * signed-in user and logged: a bulk proposal must name this sample ({@link #proposeAll}).
     */
    BulkViews.Sample sampleForBulk(List<String> sources, double minProbability, double maxProbability,
                                   String caseRef);

    /**
     * Proposes a merge of each cluster of a batch, each a decision of its own awaiting a supervisor; refused as a
     * whole unless the sample it names was shown to the signed-in user. Clusters decided meanwhile are skipped.
     */
    BulkViews.Result proposeAll(BulkViews.Proposal proposal);

    /** How many clusters have one of the statuses. */
    int count(Set<ClusterStatus> statuses);

    /** Names of the workspace's sources, in import order. */
    List<String> sources();

    /** The database ids of a cluster's records (no personal data, not logged as a display). */
    List<Long> memberIds(long clusterId);

    /** Opens a cluster: records (masked where the user may not see them), pairs, proposal, decisions. Logged. */
    ClusterView show(long clusterId, String caseRef);

    /**
     * Reads a cluster ahead, as {@link #show} returns it (masked alike, the same case reference required), but
     * NOT logged and not claimed: for the cluster a clerk will most likely see next, read before the key press.
     * Whoever then shows it calls {@link #shown} at that moment (a cluster read ahead and never shown leaves no
     * access-log entry). Refused like an unknown route by a server older than this call.
     */
    ClusterView prefetch(long clusterId, String caseRef);

    /**
     * A cluster read by {@link #prefetch} is now on the screen: logs the display with the case reference (one
     * entry, as {@link #show} writes) and claims it as {@link #show} does; returns the claim in force afterwards
     * (another user's: read-only for this one; empty where nobody holds it).
     */
    Optional<ClaimView> shown(long clusterId, String caseRef);

    /** Opens a golden record with its records and each value's origin. Logged. */
    GoldenView golden(String goldenId, String caseRef);

    /**
     * Claims an open or deferred cluster for the signed-in user while they review it, or renews their claim
     * ({@link #show} claims as well); returns the claim in force afterwards: another user's when someone else holds
     * it (then the cluster is read-only for this user). Empty for a cluster that is no longer open or deferred.
     */
    Optional<ClaimView> claim(long clusterId);

    /** The claim in force on a cluster, if any (who reviews it, until when). */
    Optional<ClaimView> claimOf(long clusterId);

    /** Ends the signed-in user's claim on a cluster (closing it without a decision). */
    void release(long clusterId);

    /**
     * Records a decision on a cluster as the signed-in user; a merge waits for a supervisor's approval. Refused
     * while another user holds a claim on the cluster.
     */
    DecisionView propose(long clusterId, DecisionCommand decision, String comment, String caseRef);

    /** Reverts a decision by a new REVERT decision (nothing is deleted); returns the revert. */
    DecisionView revert(long decisionId, String comment, String caseRef);

    /** All decisions, newest first. */
    List<DecisionView> decisions();

    /** One decision as it stands now. */
    DecisionView decision(long decisionId);

    /** The active golden record that the records of a merge decision belong to now, if any. */
    Optional<String> goldenRecordOf(long decisionId);

    /**
     * The side-by-side comparisons of what {@link #show} and {@link #golden} returned, built in this process from
     * the workspace's profile and settings: no I/O, for the FX thread.
     */
    Comparisons comparisons();
}
