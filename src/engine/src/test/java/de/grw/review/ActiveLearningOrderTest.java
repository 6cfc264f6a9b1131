package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.ReviewViews.WeakestLink;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's active-learning mode: uncertainty and diversity, open clusters first; the engine's queue honours it. */
class ActiveLearningOrderTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private static QueueEntry entry(long id, ClusterStatus status, double p, String comparison) {
        return new QueueEntry(id, status, 2, p, p, "", null, List.of(), new WeakestLink(1, 2, p, comparison,
                "different", -3, "others"));
    }

    @Test
    void theMostUncertainFirstThenAnotherKindOfDoubtBeforeTheSameAgain() {
        List<QueueEntry> pool = List.of(
                entry(1, ClusterStatus.OPEN, 0.50, "given_names"),
                entry(2, ClusterStatus.OPEN, 0.52, "given_names"),
                entry(3, ClusterStatus.OPEN, 0.55, "given_names"),
                entry(4, ClusterStatus.OPEN, 0.60, "birth_date"),
                entry(5, ClusterStatus.OPEN, 0.97, "street"),
                entry(6, ClusterStatus.DEFERRED, 0.50, "street"));
        List<Long> order = ActiveLearningOrder.INSTANCE.order(pool, 0).stream().map(QueueEntry::clusterId).toList();
        // 1 (most uncertain), then 4 (0.8 of a new kind beats 0.96/2 of the same kind), then 2 and 3, then the
        // nearly certain 5; the deferred cluster after the open ones, as the queue's priority groups
        assertThat(order).containsExactly(1L, 4L, 2L, 3L, 5L, 6L);
        assertThat(ActiveLearningOrder.INSTANCE.order(pool, 3)).extracting(QueueEntry::clusterId)
                .containsExactly(1L, 4L, 2L);
        // "most uncertain first" would ask about given names three times before anything else
        List<QueueEntry> byUncertainty = new ArrayList<>(pool.subList(0, 5));
        byUncertainty.sort(java.util.Comparator.comparingDouble(e -> Math.abs(e.minProbability() - 0.5)));
        assertThat(byUncertainty).extracting(QueueEntry::clusterId).startsWith(1L, 2L, 3L);
        assertThat(QueueMode.parse("active-learning")).isEqualTo(QueueMode.ACTIVE_LEARNING);
        assertThat(QueueMode.parse(null)).isEqualTo(QueueMode.UNCERTAIN);
    }

    @Test
    void theReviewQueueOffersTheModeAndTheSeamTakesAnotherOrdering() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            ReviewService review = f.review();
            List<QueueEntry> uncertain = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0,
                    QueueMode.UNCERTAIN);
            List<QueueEntry> active = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0,
                    QueueMode.ACTIVE_LEARNING);
            assertThat(active).extracting(QueueEntry::clusterId)
                    .containsExactlyInAnyOrderElementsOf(uncertain.stream().map(QueueEntry::clusterId).toList());
            assertThat(active).extracting(QueueEntry::clusterId)
                    .isEqualTo(ActiveLearningOrder.INSTANCE.order(uncertain, 0).stream().map(QueueEntry::clusterId)
                            .toList());
            // the learning's own order plugs in (here: the largest cluster id first)
            review.withActiveLearning((pool, limit) -> pool.stream()
                    .sorted(java.util.Comparator.comparingLong(QueueEntry::clusterId).reversed())
                    .limit(limit <= 0 ? Long.MAX_VALUE : limit).toList());
            List<QueueEntry> page = review.queueWithNames(f.clerk(), null, List.of(), 0, 1, 5, "AZ-1",
                    QueueMode.ACTIVE_LEARNING);
            long max = uncertain.stream().mapToLong(QueueEntry::clusterId).max().orElseThrow();
            assertThat(page).hasSize(5).first().extracting(QueueEntry::clusterId).isEqualTo(max);
            assertThat(page).allSatisfy(e -> assertThat(e.name()).isNotNull());
        }
    }
}
