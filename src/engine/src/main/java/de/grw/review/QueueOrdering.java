package de.grw.review;

import de.grw.review.ReviewViews.QueueEntry;
import java.util.List;

/**
 * Orders a pool of queue rows for {@link QueueMode#ACTIVE_LEARNING}: the seam where the learning (issue 15, {@code
 * de.grw.learning}) puts its own order of the most informative clusters. The review hands it the most uncertain
 * {@link #pool} rows of the filter, each with its weakest link, and shows the first {@code limit} rows it returns.
 * The workbench plugs in {@code de.grw.learning.LearningQueueOrdering} (wired in {@code de.grw.api.local}); the
 * review itself knows only this seam and the stand-in {@link ActiveLearningOrder}, the default of a bare
 * {@link ReviewService} and the learner's order while it has no label yet.
 */
public interface QueueOrdering {

    /** How many rows the pool holds for a page of {@code limit} (0: all). */
    default int pool(int limit) {
        return limit <= 0 ? 0 : Math.max(limit * 5, 500);
    }

    /**
     * The rows in the order to offer them, at most {@code limit} (0: all). The stand-in does no I/O; the learner's
     * order reads the labels and the pool's weakest pairs.
     */
    List<QueueEntry> order(List<QueueEntry> pool, int limit);
}
