package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.review.ReviewDecisions.Leaves;
import de.grw.ui.review.ReviewViewModel.StatusFilter;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue after a decision, updated without reading it: what leaves is taken out, a deferred cluster goes behind
 * the open ones as the engine orders them, and where only the engine can tell nothing is changed.
 */
class QueuePageTest {
    private static QueueEntry open(long id, double p) {
        return new QueueEntry(id, ClusterStatus.OPEN, 2, p, p, null);
    }

    private static QueueEntry deferred(long id, double p) {
        return new QueueEntry(id, ClusterStatus.DEFERRED, 2, p, p, null);
    }

    private static List<Long> ids(List<QueueEntry> queue) {
        return queue.stream().map(QueueEntry::clusterId).toList();
    }

    @Test
    void aMergedClusterLeavesTheQueueAndTheCountDrops() {
        List<QueueEntry> queue = new ArrayList<>(List.of(open(1, 0.5), open(2, 0.6), open(3, 0.7)));
        assertThat(QueuePage.afterDecision(queue, 40, 1, Leaves.ALWAYS, StatusFilter.OPEN_AND_DEFERRED))
                .isEqualTo(39);
        assertThat(ids(queue)).containsExactly(1L, 3L);
    }

    @Test
    void aDeferredClusterGoesBehindTheOpenOnesInTheEnginesOrder() {
        List<QueueEntry> queue = new ArrayList<>(List.of(open(1, 0.5), open(2, 0.6), open(3, 0.9),
                deferred(7, 0.55), deferred(8, 0.8)));
        assertThat(QueuePage.afterDecision(queue, 5, 1, Leaves.TO_DEFERRED, StatusFilter.OPEN_AND_DEFERRED))
                .as("still queued").isEqualTo(5);
        assertThat(ids(queue)).containsExactly(1L, 3L, 7L, 2L, 8L);
        assertThat(queue.get(3).status()).isEqualTo(ClusterStatus.DEFERRED);
        // the order the engine's page and a reload use
        List<QueueEntry> sorted = new ArrayList<>(queue);
        sorted.sort(QueuePage.ORDER);
        assertThat(sorted).isEqualTo(queue);
    }

    @Test
    void aDeferredClusterBeyondThePageIsOnlyTakenOut() {
        List<QueueEntry> queue = new ArrayList<>(List.of(open(1, 0.5), open(2, 0.6)));
        assertThat(QueuePage.afterDecision(queue, 900, 0, Leaves.TO_DEFERRED, StatusFilter.OPEN_AND_DEFERRED))
                .isEqualTo(900);
        assertThat(ids(queue)).containsExactly(2L);
        // with only open clusters shown it leaves the queue
        assertThat(QueuePage.afterDecision(queue, 900, 0, Leaves.TO_DEFERRED, StatusFilter.OPEN)).isEqualTo(899);
        assertThat(queue).isEmpty();
    }

    @Test
    void whereOnlyTheEngineKnowsNothingChanges() {
        List<QueueEntry> queue = new ArrayList<>(List.of(open(1, 0.5), open(2, 0.6)));
        assertThat(QueuePage.afterDecision(queue, 2, 0, Leaves.ASK_ENGINE, StatusFilter.OPEN_AND_DEFERRED))
                .isEqualTo(-1);
        assertThat(QueuePage.afterDecision(queue, 2, 5, Leaves.ALWAYS, StatusFilter.OPEN_AND_DEFERRED))
                .isEqualTo(-1);
        assertThat(ids(queue)).containsExactly(1L, 2L);
    }

    /** A reload replaces only the rows between the common beginning and end: the others (and the selection) stay. */
    @Test
    void aReloadReplacesOnlyTheRowsThatChanged() {
        javafx.collections.ObservableList<QueueEntry> shown = javafx.collections.FXCollections.observableArrayList(
                open(1, 0.5), open(2, 0.6), open(3, 0.7), open(4, 0.8), open(5, 0.9));
        List<QueueEntry> first = List.copyOf(shown);
        List<String> changes = new ArrayList<>();
        shown.addListener((javafx.collections.ListChangeListener<QueueEntry>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ":-" + c.getRemovedSize() + "+" + c.getAddedSize());
            }
        });
        // cluster 3 decided elsewhere: only its row goes, the others stay the same objects
        List<QueueEntry> loaded = List.of(open(1, 0.5), open(2, 0.6), open(4, 0.8), open(5, 0.9));
        QueuePage.update(shown, loaded);
        assertThat(shown).containsExactlyElementsOf(loaded);
        assertThat(shown.get(0)).isSameAs(first.get(0));
        assertThat(shown.get(2)).isSameAs(first.get(3));
        assertThat(shown.get(3)).isSameAs(first.get(4));
        assertThat(changes).containsExactly("2:-1+0");
        // a cluster new behind the others: added at the end, nothing else touched
        changes.clear();
        QueuePage.update(shown, List.of(open(1, 0.5), open(2, 0.6), open(4, 0.8), open(5, 0.9), open(6, 0.95)));
        assertThat(changes).containsExactly("4:-0+1");
        assertThat(ids(shown)).containsExactly(1L, 2L, 4L, 5L, 6L);

        changes.clear();
        QueuePage.update(shown, List.copyOf(shown));
        assertThat(changes).as("the same page changes nothing").isEmpty();
        QueuePage.update(shown, List.of());
        assertThat(shown).isEmpty();
    }
}
