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

    /**
     * A page costs a bounded number of store statements, not one per queue row: the fit and the weakest-link vectors
     * are kept between pages (one statement while nothing changed), a new decision fits again, and the vectors of a
     * page are read in one statement per {@value LearningQueueOrdering#CHUNK} clusters.
     */
    @Test
    void aPageCostsABoundedNumberOfStoreStatementsAndADecisionRefits() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            Workspace w = f.workspace();
            LearningQueueOrdering learner = new LearningQueueOrdering(w);
            ReviewService review = f.review().withActiveLearning(learner);
            List<Long> decided = KeptTrainingTest.notDuplicates(f, 1);
            assertThat(decided).hasSize(1);
            List<QueueEntry> pool = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 0, QueueMode.UNCERTAIN);
            long open = pool.stream().filter(e -> e.status() == ClusterStatus.OPEN && e.weakest() != null).count();
            assertThat(open).as("open rows with a weakest link").isGreaterThan(20);

            long s0 = learner.statements();
            List<QueueEntry> first = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 5,
                    QueueMode.ACTIVE_LEARNING);
            long firstPage = learner.statements() - s0;
            assertThat(firstPage).as("first page: journal, fit (labels of one decision) and the page's vectors")
                    .isLessThan(15).isLessThan(open);

            long s1 = learner.statements();
            List<QueueEntry> again = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 5,
                    QueueMode.ACTIVE_LEARNING);
            assertThat(learner.statements() - s1).as("nothing changed: the journal's position only").isEqualTo(1);
            assertThat(ids(again)).isEqualTo(ids(first));

            // a new decision: fitted again, with its label
            QueueEntry next = first.get(0);
            List<Long> two = TestWorkspaces.members(w, next.clusterId());
            de.grw.review.ReviewViews.DecisionView d = review.propose(f.clerk(), next.clusterId(),
                    new NotDuplicateCommand(two.get(0), two.get(1)), "Zwillinge", "AZ-2");
            if (d.state() == de.grw.review.DecisionState.PENDING) {
                review.approve(f.supervisor(), d.id(), "geprüft");
            }
            long s2 = learner.statements();
            List<QueueEntry> afterDecision = review.queueBySources(f.clerk(), null, List.of(), 0, 1, 5,
                    QueueMode.ACTIVE_LEARNING);
            long refit = learner.statements() - s2;
            assertThat(refit).as("refitted after the decision, vectors kept").isGreaterThan(1).isLessThan(15);
            assertThat(ids(afterDecision)).as("the same order as the learner fitted afresh")
                    .isEqualTo(ids(f.review().withActiveLearning(new LearningQueueOrdering(w))
                            .queueBySources(f.clerk(), null, List.of(), 0, 1, 5, QueueMode.ACTIVE_LEARNING)));
        }
    }
}
