package de.grw.learning;

import de.grw.matching.model.PatternWeights;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.model.ModelParameters;
import de.grw.review.DecisionState;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.versions.ModelVersionView;
import de.grw.versions.ModelVersions;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The learning trainer behind {@code model train} (issue 15 wiring): a version trained after clerks' approved
 * not-a-duplicate decisions names those decisions as its inputs, not a pending one, and its parameters are the
 * corrected model: that kind of pair weighs less than in the unsupervised EM's version over the same data.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class LearningTrainerTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void aTrainedVersionUsesTheDecisionsInEffectAndWeighsTheirKindOfPairLower() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            List<QueueEntry> pairs = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2).toList();
            assertThat(pairs.size()).isGreaterThanOrEqualTo(3);
            List<Long> notDuplicates = new ArrayList<>();
            for (QueueEntry q : pairs.subList(0, 2)) {
                List<Long> two = TestWorkspaces.members(w, q.clusterId());
                DecisionView d = review.propose(f.clerk(), q.clusterId(), new NotDuplicateCommand(two.get(0),
                        two.get(1)), "Zwillinge", "AZ-9");
                if (d.state() == DecisionState.PENDING) {
                    d = review.approve(f.supervisor(), d.id(), "geprüft");
                }
                assertThat(d.state()).isEqualTo(DecisionState.EFFECTIVE);
                notDuplicates.add(d.id());
            }
            long other = pairs.get(2).clusterId();
            DecisionView pending = review.propose(f.clerk(), other, new MergeCommand(TestWorkspaces.members(w,
                    other), Map.of()), "eine Person", "AZ-10");
            assertThat(pending.state()).isEqualTo(DecisionState.PENDING);

            ModelVersions versions = new ModelVersions(w);
            int em = new WorkspaceMatcher(w).train(f.supervisor(), ProgressListener.NONE, CancellationToken.NONE);
            int learnt = new WorkspaceMatcher(w).withTrainer(new LearningTrainer(w)).train(f.supervisor(),
                    ProgressListener.NONE, CancellationToken.NONE);

            ModelVersionView v = versions.version(f.clerk(), learnt);
            assertThat(v.method()).isEqualTo("em+labels");
            assertThat(v.decisionsUsed()).containsExactlyInAnyOrderElementsOf(notDuplicates)
                    .doesNotContain(pending.id());
            assertThat(versions.version(f.clerk(), em).decisionsUsed()).isEmpty();

            ModelParameters unsupervised = w.read(c -> ModelRepository.version(c, em)).model();
            ModelParameters corrected = w.read(c -> ModelRepository.version(c, learnt)).model();
            WorkspaceLearning.Examples examples = WorkspaceLearning.examples(w, unsupervised);
            assertThat(examples.examples()).isNotEmpty().noneMatch(LabelledExample::match);
            for (LabelledExample e : examples.examples()) {
                assertThat(new PatternWeights(corrected).weight(e.pattern()))
                        .as("the weight of a pair like the clerks' not-a-duplicates")
                        .isLessThan(new PatternWeights(unsupervised).weight(e.pattern()));
            }
        }
    }

    /**
     * A model trained from decisions never scores without a second supervisor: when the profile changed, the
     * version that becomes active at once (no usable model for the new profile) is the unsupervised EM's, even with
     * the learning trainer set and decisions in effect.
     */
    @Test
    void aVersionActiveAtOnceAfterAProfileChangeIsNotTrainedFromDecisions() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            QueueEntry q = review.queue(f.clerk(), null, 0).stream().filter(e -> e.size() == 2).findFirst()
                    .orElseThrow();
            List<Long> two = TestWorkspaces.members(w, q.clusterId());
            DecisionView d = review.propose(f.clerk(), q.clusterId(), new NotDuplicateCommand(two.get(0),
                    two.get(1)), "Zwillinge", "AZ-9");
            if (d.state() == DecisionState.PENDING) {
                review.approve(f.supervisor(), d.id(), "geprüft");
            }
            String profile = w.read(c -> de.grw.store.Settings.get(c, de.grw.store.Settings.PROFILE)).orElseThrow();
            String changed = profile.replaceFirst("\"description\"\\s*:\\s*\"", "\"description\":\"geändert: ");
            assertThat(changed).isNotEqualTo(profile);
            w.write(c -> {
                de.grw.store.Settings.put(c, de.grw.store.Settings.PROFILE, changed);
                return null;
            });
            WorkspaceMatcher matcher = new WorkspaceMatcher(w).withTrainer(new LearningTrainer(w));
            WorkspaceMatcher.Result r = matcher.run(f.supervisor(), null, false, ProgressListener.NONE,
                    CancellationToken.NONE);
            ModelVersionView v = new ModelVersions(w).version(f.clerk(), r.modelVersion());
            assertThat(v.method()).isEqualTo("em");
            assertThat(v.decisionsUsed()).isEmpty();
        }
    }
}
