package de.grw.learning;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.model.ModelParameters;
import de.grw.review.ActiveLearningOrder;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.QueueMode;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's active-learning mode follows {@link ActiveLearning#order} with the correction the decisions in effect
 * taught; without any label it is the stand-in {@link ActiveLearningOrder}.
 */
class LearningQueueOrderingTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private static List<Long> ids(List<QueueEntry> entries) {
        return entries.stream().map(QueueEntry::clusterId).toList();
    }

    @Test
    void theActiveLearningQueueFollowsTheLearnersOrderAndTheStandInWithoutLabels() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review().withActiveLearning(new LearningQueueOrdering(w));
            List<QueueEntry> pool = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0, QueueMode.UNCERTAIN);
            assertThat(ids(review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0, QueueMode.ACTIVE_LEARNING)))
                    .as("no label yet: the stand-in's order").isEqualTo(ids(ActiveLearningOrder.INSTANCE.order(pool,
                            0)));

            QueueEntry pair = pool.stream().filter(q -> q.size() == 2).findFirst().orElseThrow();
            List<Long> two = TestWorkspaces.members(w, pair.clusterId());
            review.propose(f.clerk(), pair.clusterId(), new NotDuplicateCommand(two.get(0), two.get(1)), "Zwillinge",
                    "AZ-1");
            ModelParameters model = w.read(ModelRepository::active).model();
            WorkspaceLearning.Examples examples = WorkspaceLearning.examples(w, model);
            assertThat(examples.examples()).isNotEmpty();

            List<QueueEntry> after = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0, QueueMode.UNCERTAIN);
            List<ActiveLearning.Candidate> candidates = new ArrayList<>();
            for (QueueEntry e : after) {
                if (e.status() != ClusterStatus.OPEN || e.weakest() == null) {
                    continue;
                }
                Long pattern = w.read(c -> LabelRepository.pairsOfCluster(c, e.clusterId())).stream()
                        .filter(p -> p.recordA() == e.weakest().recordA() && p.recordB() == e.weakest().recordB()
                                || p.recordA() == e.weakest().recordB() && p.recordB() == e.weakest().recordA())
                        .map(p -> WorkspaceLearning.pattern(p.explanationJson(), model)).findFirst().orElse(null);
                if (pattern != null) {
                    double p = e.weakest().probability();
                    candidates.add(new ActiveLearning.Candidate(e.clusterId(), pattern, Math.log(p / (1 - p))
                            / Math.log(2)));
                }
            }
            assertThat(candidates).hasSizeGreaterThan(3);
            double threshold = w.read(ModelRepository::lastRun).threshold();
            List<Long> expected = ActiveLearning.order(candidates, LabelledTraining.fit(model, examples.examples(),
                    LearningSettings.DEFAULTS), threshold, 5, QueueMode.ACTIVE_LEARNING);
            List<QueueEntry> page = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 5,
                    QueueMode.ACTIVE_LEARNING);
            assertThat(ids(page)).as("the queue in active-learning mode is ActiveLearning's order")
                    .isEqualTo(expected);
        }
    }
}
