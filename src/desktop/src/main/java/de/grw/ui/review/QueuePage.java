package de.grw.ui.review;

import de.grw.api.ReviewApi;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.Errors;
import de.grw.workspace.ClusterStatus;
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
    static Callable<QueuePage> loader(ReviewApi review, ReviewViewModel.StatusFilter status, List<String> sources,
                                      Band band, List<QueueEntry> before, Long open, String caseRef) {
        Set<ClusterStatus> statuses = switch (status) {
            case OPEN -> EnumSet.of(ClusterStatus.OPEN);
            case DEFERRED -> EnumSet.of(ClusterStatus.DEFERRED);
            default -> EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED);
        };
        boolean filtered = !sources.isEmpty() || band != Band.ALL;
        return () -> {
            // each row names the person as the engine lets this user see it (masked under a blocking notice,
            // withheld without a case reference where one is required); the engine logs the listing as one access
            List<QueueEntry> page = review.queueWithNames(statuses, sources, band.from, band.to, ReviewViewModel.PAGE,
                    caseRef);
            Map<Long, ClaimView> claims = new HashMap<>();
            page = ReviewLive.withClaimed(review, before, page, open, claims);
            return new QueuePage(sources(review), page, filtered ? page.size() : review.count(statuses), claims);
        };
    }

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
