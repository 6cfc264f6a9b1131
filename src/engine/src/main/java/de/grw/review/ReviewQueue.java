package de.grw.review;

import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The review queue of a {@link ReviewService} (moved out of it unchanged): pages of clusters by status, source and
 * probability band, the most uncertain first; the queue modes ({@link QueueMode}), with the active-learning order
 * from a {@link QueueOrdering}; rows with names, logged as one access-log entry.
 */
final class ReviewQueue {
    private final Workspace workspace;
    private final MatchProfile profile;
    private final GovernanceConfig governance;
    private volatile QueueOrdering activeLearning = ActiveLearningOrder.INSTANCE;

    ReviewQueue(Workspace workspace, MatchProfile profile, GovernanceConfig governance) {
        this.workspace = workspace;
        this.profile = profile;
        this.governance = governance;
    }

    /**
     * Clusters by status, optionally only those with a member from one of the sources (none: all), and whose weakest
     * link lies in {@code [minProbability, maxProbability)}, the most uncertain first.
     */
    List<QueueEntry> queueBySources(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit) {
        session.require(Permission.VIEW_RECORDS, "see_the_review_queue");
        Set<ClusterStatus> wanted = statuses == null || statuses.isEmpty()
                ? EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED) : statuses;
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        return workspace.read(c -> {
            List<QueueEntry> out = new ArrayList<>();
            // one query per priority group, each walking the (status, min_probability) index, so that a page of a
            // queue of a million clusters costs the page, not the queue
            for (List<ClusterStatus> group : ReviewRepository.priorityGroups(wanted)) {
                if (out.size() >= max) {
                    break;
                }
                out.addAll(ReviewRepository.page(c, group, sources, minProbability, maxProbability,
                        max - out.size(), session.user(), ClaimRepository.time(workspace.now())));
            }
            return QueueDetails.describe(c, out);
        });
    }

    /**
     * As {@link #queueBySources(Session, Set, List, double, double, int)}, in the order of {@code mode}: for {@link
     * QueueMode#ACTIVE_LEARNING} the {@link QueueOrdering} (see {@link #withActiveLearning}) orders a pool of the
     * most uncertain rows and returns the page.
     */
    List<QueueEntry> queueBySources(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, QueueMode mode) {
        if (mode != QueueMode.ACTIVE_LEARNING) {
            return queueBySources(session, statuses, sources, minProbability, maxProbability, limit);
        }
        QueueOrdering ordering = activeLearning;
        return ordering.order(queueBySources(session, statuses, sources, minProbability, maxProbability,
                ordering.pool(limit)), limit);
    }

    /**
     * As {@link #queueBySources}, each row with the person's name as this user may see it (masked under a blocking
     * notice as {@link ReviewService#show} masks it), logged as one access-log entry naming the clusters listed
     * ({@link QueueDetails}). Without a case reference where the workspace demands one to show records, the names
     * are withheld ({@code null}) and nothing is logged.
     */
    List<QueueEntry> queueWithNames(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, String caseRef) {
        return queueWithNames(session, statuses, sources, minProbability, maxProbability, limit, caseRef,
                QueueMode.UNCERTAIN);
    }

    /**
     * As {@link #queueWithNames(Session, Set, List, double, double, int, String)}, in the order of {@code mode}: for
     * {@link QueueMode#ACTIVE_LEARNING} the {@link QueueOrdering} (see {@link #withActiveLearning}) orders a pool of
     * the most uncertain rows, and only the page it returns is named and logged.
     */
    List<QueueEntry> queueWithNames(Session session, Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit, String caseRef,
                                           QueueMode mode) {
        List<QueueEntry> page = queueBySources(session, statuses, sources, minProbability, maxProbability, limit,
                mode);
        de.grw.common.CaseReference.check(caseRef);
        if (governance.required().caseReferenceToShow() && ReviewService.blank(caseRef)) {
            return page;
        }
        return workspace.write(c -> QueueDetails.withNames(c, workspace.now(), page, session, governance, profile,
                caseRef));
    }

    /** Orders the queue's active-learning mode with {@code ordering} from now on (the learning's, issue 15). */
    void withActiveLearning(QueueOrdering ordering) {
        this.activeLearning = java.util.Objects.requireNonNull(ordering, "ordering");
    }
}
