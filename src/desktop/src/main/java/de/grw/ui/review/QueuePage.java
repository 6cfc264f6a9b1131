package de.grw.ui.review;

import de.grw.api.ReviewApi;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.Errors;
import de.grw.workspace.ClusterStatus;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The queue as loaded in the background: the workspace's sources, a page of clusters with the filters (each row with
 * the person's name, sources and weakest link), how many remain, and the claims of others on clusters it lists.
 */
record QueuePage(List<String> sources, List<QueueEntry> queue, int remaining, Map<Long, ClaimView> claims) {

    /**
     * The background work that reads the queue with the filters; clusters of {@code before} that another clerk holds
     * now stay, marked (the server's page skips them). Reads nothing itself: the returned work does.
     */
    static Callable<QueuePage> loader(ReviewApi review, ReviewViewModel.StatusFilter status,
                                      de.grw.review.QueueMode mode, List<String> sources,
                                      Band band, List<QueueEntry> before, Long open, String caseRef) {
        Set<ClusterStatus> statuses = statuses(status);
        boolean filtered = !sources.isEmpty() || band != Band.ALL;
        return () -> {
            // each row names the person as the engine lets this user see it (masked under a blocking notice,
            // withheld without a case reference where one is required); the engine logs the listing as one access
            List<QueueEntry> page = review.queueWithNames(statuses, sources, band.from, band.to, ReviewViewModel.PAGE,
                    caseRef, mode);
            Map<Long, ClaimView> claims = new HashMap<>();
            page = ReviewLive.withClaimed(review, before, page, open, claims);
            return new QueuePage(sources(review), page, filtered ? page.size() : review.count(statuses), claims);
        };
    }

    /**
     * The background work of the periodic look at the queue: reads the page's clusters without names (no access-log
     * entry, no personal data) and, where they are the clusters shown, in that order, with further ones only behind
     * them (those this clerk's decisions brought up), returns an unchanged page ({@link #unchanged()}) with the
     * claims found; else the queue as {@code full} reads it, with names.
     */
    static Callable<QueuePage> checker(ReviewApi review, ReviewViewModel.StatusFilter status, List<String> sources,
                                       Band band, List<QueueEntry> shown, Long open, Callable<QueuePage> full) {
        Set<ClusterStatus> statuses = statuses(status);
        return () -> {
            List<QueueEntry> page = review.queue(statuses, sources, band.from, band.to, ReviewViewModel.PAGE);
            Map<Long, ClaimView> claims = new HashMap<>();
            page = ReviewLive.withClaimed(review, shown, page, open, claims);
            if (page.size() < shown.size()) {
                return full.call();
            }
            for (int i = 0; i < shown.size(); i++) {
                if (page.get(i).clusterId() != shown.get(i).clusterId() || page.get(i).status() != shown.get(i)
                        .status()) {
                    return full.call();
                }
            }
            return new QueuePage(null, null, -1, claims);
        };
    }

    /** True for a page that {@link #checker} found as shown: nothing of the queue needs to change. */
    boolean unchanged() {
        return queue == null;
    }

    /**
     * Brings the list shown to {@code loaded} by replacing only the rows between the common beginning and the
     * common end (FX thread): the list's other rows, and its selection, stay as they are.
     */
    static void update(List<QueueEntry> shown, List<QueueEntry> loaded) {
        int head = 0;
        int max = Math.min(shown.size(), loaded.size());
        while (head < max && shown.get(head).equals(loaded.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < max - head && shown.get(shown.size() - 1 - tail).equals(loaded.get(loaded.size() - 1 - tail))) {
            tail++;
        }
        if (head == shown.size() && head == loaded.size()) {
            return;
        }
        List<QueueEntry> middle = loaded.subList(head, loaded.size() - tail);
        if (shown instanceof javafx.collections.ObservableList<QueueEntry> list && head == 0 && tail == 0) {
            list.setAll(middle);
            return;
        }
        shown.subList(head, shown.size() - tail).clear();
        shown.addAll(head, middle);
    }

    private static Set<ClusterStatus> statuses(ReviewViewModel.StatusFilter status) {
        return switch (status) {
            case OPEN -> EnumSet.of(ClusterStatus.OPEN);
            case DEFERRED -> EnumSet.of(ClusterStatus.DEFERRED);
            default -> EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED);
        };
    }

    /**
     * The queue shown after this clerk's decision on the cluster at {@code index}, updated in place without reading
     * it: a cluster that left the queue is taken out; a deferred one moves behind the open clusters (the engine's
     * order: open before deferred, each the weakest link first), listed there only when the page held the whole
     * queue. Returns how many clusters remain with the filters, or -1 where only the engine can tell (the queue is
     * left as it was and must be read again).
     */
    static int afterDecision(List<QueueEntry> queue, int remaining, int index, ReviewDecisions.Leaves leaves,
                             ReviewViewModel.StatusFilter status) {
        if (leaves == ReviewDecisions.Leaves.ASK_ENGINE || index < 0 || index >= queue.size()) {
            return -1;
        }
        // a full page may have been cut short (a filtered queue counts only its page)
        boolean wholeQueue = queue.size() >= remaining && queue.size() < ReviewViewModel.PAGE;
        QueueEntry decided = queue.remove(index);
        if (leaves == ReviewDecisions.Leaves.TO_DEFERRED && status != ReviewViewModel.StatusFilter.OPEN) {
            if (wholeQueue) {
                QueueEntry moved = new QueueEntry(decided.clusterId(), ClusterStatus.DEFERRED, decided.size(),
                        decided.minProbability(), decided.maxProbability(), decided.note(), decided.name(),
                        decided.sources(), decided.weakest());
                int at = queue.size();
                while (at > 0 && ORDER.compare(queue.get(at - 1), moved) > 0) {
                    at--;
                }
                queue.add(at, moved);
            }
            return remaining;
        }
        return Math.max(0, remaining - 1);
    }

    /** The engine's order of the queue: open before awaiting approval before deferred, each the weakest link first. */
    static final Comparator<QueueEntry> ORDER = Comparator.<QueueEntry>comparingInt(q -> switch (q.status()) {
        case OPEN -> 0;
        case AWAITING_APPROVAL -> 1;
        default -> 2;
    }).thenComparingDouble(QueueEntry::minProbability).thenComparingLong(QueueEntry::clusterId);

    /** The workspace's sources for the filter; none where the server does not offer them yet (no filter then). */
    private static List<String> sources(ReviewApi review) {
        try {
            return review.sources();
        } catch (de.grw.common.UserFacingException e) {
            if (Errors.notOffered(e) == null) {
                throw e;
            }
            return List.of();
        }
    }
}
