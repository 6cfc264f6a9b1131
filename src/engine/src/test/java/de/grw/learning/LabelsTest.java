package de.grw.learning;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.DecisionState;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.store.StoreKind;
import de.grw.workspace.ModelRepository;
import de.grw.matching.model.ModelParameters;
import de.grw.workspace.SampleWorkspaceTest;
import de.grw.workspace.TestWorkspaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decisions become labels on both stores: only decisions in effect teach, a pending merge does not, a revert takes
 * the labels back, a not-a-duplicate labels a non-match; the labelled pairs' comparison vectors come back from the
 * stored pairs.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class LabelsTest extends SampleWorkspaceTest {
    @Test
    void approvedMergesTeachPendingOnesDoNotAndARevertTakesTheLabelsBack() {
        assertThat(Labels.fromDecisions(w)).isEmpty();
        long cluster = clusterOfSize(3, 0);
        List<Long> members = TestWorkspaces.members(w, cluster);
        DecisionView proposed = review.propose(f.clerk(), cluster, new MergeCommand(members, Map.of()), "eine Person",
                "AZ-1");
        assertThat(proposed.state()).isEqualTo(DecisionState.PENDING);
        assertThat(Labels.fromDecisions(w)).as("a pending merge does not train").isEmpty();

        DecisionView approved = review.approve(f.supervisor(), proposed.id(), "geprüft");
        List<LabelledPair> labels = Labels.fromDecisions(w);
        assertThat(labels).hasSize(3).allMatch(LabelledPair::match)
                .allMatch(p -> p.decisionId() == approved.id())
                .extracting(p -> List.of(p.leftRecordId(), p.rightRecordId()))
                .containsExactly(List.of(members.get(0), members.get(1)), List.of(members.get(0), members.get(2)),
                        List.of(members.get(1), members.get(2)));

        ModelParameters model = w.read(ModelRepository::active).model();
        WorkspaceLearning.Examples examples = WorkspaceLearning.examples(w, model);
        assertThat(examples.examples().size() + examples.withoutVector()).isEqualTo(3);
        assertThat(examples.examples()).isNotEmpty().allMatch(LabelledExample::match)
                .allMatch(e -> e.pattern() != 0);

        review.revert(f.supervisor(), approved.id(), "doch zwei Personen", "AZ-1");
        assertThat(Labels.fromDecisions(w)).as("a revert withdraws the labels").isEmpty();
        assertThat(WorkspaceLearning.examples(w, model).examples()).isEmpty();
    }

    @Test
    void aNotDuplicateLabelsANonMatchAndARejectedMergeNothing() {
        long pairCluster = clusterOfSize(2, 0);
        List<Long> two = TestWorkspaces.members(w, pairCluster);
        DecisionView notDuplicate = review.propose(f.clerk(), pairCluster,
                new NotDuplicateCommand(two.get(1), two.get(0)), "Zwillinge", "AZ-2");
        long other = clusterOfSize(2, 0);
        DecisionView rejected = review.propose(f.clerk(), other, new MergeCommand(TestWorkspaces.members(w, other),
                Map.of()), "eine Person", "AZ-3");
        review.reject(f.supervisor(), rejected.id(), "nein");

        assertThat(Labels.fromDecisions(w)).containsExactly(new LabelledPair(two.get(0), two.get(1), false,
                notDuplicate.id()));
        ModelParameters model = w.read(ModelRepository::active).model();
        WorkspaceLearning.Examples examples = WorkspaceLearning.examples(w, model);
        assertThat(examples.examples()).hasSize(1);
        assertThat(examples.examples().get(0).match()).isFalse();

        // end to end: the workspace's decisions retrain its model, which now weighs that kind of pair lower
        Training trained = WorkspaceLearning.train(w, model, LearningSettings.DEFAULTS);
        assertThat(trained.correction().nonMatches()).isEqualTo(1);
        assertThat(trained.correction().matches()).isZero();
        assertThat(trained.correction().bits(examples.examples().get(0).pattern())).isNegative();
    }
}
