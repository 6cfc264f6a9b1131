package de.grw.learning;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.model.ModelParameters;
import de.grw.review.DecisionState;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.Sql;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retraining from the counts kept with the match run (schema 18, issue 15): the model is exactly the one a training
 * that reads all records and compares all pairs again would give, for the EM alone and corrected by decisions; the
 * version says it came from the kept counts; without a valid kept row the training reads the records and keeps one;
 * and each stored cluster keeps its weakest link's comparison vector.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class KeptTrainingTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void trainingFromKeptCountsGivesTheModelThatReadingTheRecordsGives() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM kept_patterns"))
                    .as("the estimating match run kept its counts").isEqualTo(1);
            List<Long> decided = notDuplicates(f, 2);

            for (boolean learning : new boolean[] {false, true}) {
                WorkspaceMatcher matcher = new WorkspaceMatcher(w);
                if (learning) {
                    matcher.withTrainer(new LearningTrainer(w));
                }
                int fast = matcher.train(f.supervisor(), ProgressListener.NONE, CancellationToken.NONE);
                List<Object> kept = version(w, fast);
                assertThat((String) kept.get(1)).as("inputs of the version trained from kept counts")
                        .contains("\"counts_kept_with_run\":");

                w.write(c -> Sql.update(c, "DELETE FROM kept_patterns"));
                int slow = matcher.train(f.supervisor(), ProgressListener.NONE, CancellationToken.NONE);
                List<Object> read = version(w, slow);
                assertThat((String) read.get(1)).doesNotContain("counts_kept_with_run");
                assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM kept_patterns"))
                        .as("a training that read the records keeps their counts").isEqualTo(1);

                assertThat(kept.get(0)).as("the model, %s", learning ? "corrected by labels" : "EM alone")
                        .isEqualTo(read.get(0));
                assertThat(w.read(c -> ModelRepository.version(c, fast)).model().m())
                        .isDeepEqualTo(w.read(c -> ModelRepository.version(c, slow)).model().m());
                assertThat(decisionsUsed((String) kept.get(1))).isEqualTo(decisionsUsed((String) read.get(1)))
                        .isEqualTo(learning ? decided.toString().replace(" ", "") : "[]");
                if (learning) {
                    assertThat(kept.get(2)).as("quality over the kept vectors").isEqualTo(read.get(2));
                }
            }
        }
    }

    /**
     * The kept counts are found by another process: the profile's JSON may come with its keys in another order from
     * one JVM to the next (measured on the 1M workspace), so they are keyed by the canonical form.
     */
    @Test
    void keptCountsAreKeyedByTheProfilesCanonicalJson() {
        assertThat(de.grw.workspace.KeptPatternsRepository.profileKey("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}"))
                .isEqualTo(de.grw.workspace.KeptPatternsRepository.profileKey("{\"b\":{\"d\":\"x\",\"c\":[1,2]},\"a\":1}"))
                .isNotEqualTo(de.grw.workspace.KeptPatternsRepository.profileKey("{\"a\":1,\"b\":{\"c\":[2,1],\"d\":\"x\"}}"));
    }

    @Test
    void everyStoredClusterKeepsItsWeakestLinksComparisonVector() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ModelParameters model = w.read(ModelRepository::active).model();
            List<List<Object>> clusters = TestWorkspaces.rows(w, "SELECT id, weakest_pattern FROM clusters c WHERE "
                    + "EXISTS (SELECT 1 FROM cluster_pairs p WHERE p.cluster_id = c.id) ORDER BY id");
            assertThat(clusters).hasSizeGreaterThan(10);
            for (List<Object> row : clusters) {
                long id = ((Number) row.get(0)).longValue();
                Object[] weakest = w.read(c -> de.grw.workspace.ClusterRepository.weakestPair(c, id)).orElseThrow();
                Long fromExplanation = WorkspaceLearning.pattern((String) weakest[3], model);
                assertThat(row.get(1)).as("cluster %d", id).isNotNull();
                assertThat(((Number) row.get(1)).longValue()).as("cluster %d", id).isEqualTo(fromExplanation);
            }
        }
    }

    private static List<Object> version(Workspace w, int version) {
        return TestWorkspaces.rows(w, "SELECT model_json, inputs_json, quality_json FROM models WHERE version = ?",
                version).get(0);
    }

    private static String decisionsUsed(String inputsJson) {
        int at = inputsJson.indexOf("\"decisions_used\":") + "\"decisions_used\":".length();
        return inputsJson.substring(at, inputsJson.indexOf(']', at) + 1);
    }

    /** {@code n} approved not-a-duplicate decisions on pairs of the queue. */
    static List<Long> notDuplicates(TestWorkspaces.Fixture f, int n) {
        ReviewService review = f.review();
        List<QueueEntry> pairs = review.queue(f.clerk(), null, 0).stream().filter(q -> q.size() == 2).toList();
        List<Long> out = new ArrayList<>();
        for (QueueEntry q : pairs.subList(0, n)) {
            List<Long> two = TestWorkspaces.members(f.workspace(), q.clusterId());
            DecisionView d = review.propose(f.clerk(), q.clusterId(), new NotDuplicateCommand(two.get(0),
                    two.get(1)), "Zwillinge", "AZ-9");
            if (d.state() == DecisionState.PENDING) {
                d = review.approve(f.supervisor(), d.id(), "geprüft");
            }
            assertThat(d.state()).isEqualTo(DecisionState.EFFECTIVE);
            out.add(d.id());
        }
        return out;
    }
}
