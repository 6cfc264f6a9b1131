package de.grw.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.journal.CanonicalJson;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.model.ModelParameters;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.store.Workspace;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.ModelTrainer;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review shows which model version proposed a cluster, and its explanation is that version's weights, not the
 * active one's: a cluster of version 1 still explains itself with version 1's weights after version 2 (whose weights
 * are all about +10 bits) was activated and proposed clusters of its own, which explain themselves with 2's.
 */
class ProposedByVersionTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    /**
     * Version 2: EM's model with every level of every comparison weighing log2(1000), about +10 bits (m = 1000 u),
     * so that it links far more than version 1; and two decisions "used".
     */
    private static ModelTrainer linkingAll(String comparison) {
        return new ModelTrainer() {
            @Override
            public String method() {
                return "test-without-" + comparison;
            }

            @Override
            public Trained train(Input in, MatchOptions options, ProgressListener progress, CancellationToken cancel) {
                ModelParameters p = EM.train(in, options, progress, cancel).result().model();
                double[][] m = p.m();
                for (int ci = 0; ci < m.length; ci++) {
                    m[ci] = Arrays.stream(p.u()[ci]).map(u -> u * 1000).toArray();
                }
                ModelParameters zeroed = new ModelParameters(p.comparisons(), p.labels(), m, p.u(), p.lambda(),
                        p.iterations(), p.converged(), p.differences(), p.households());
                boolean[] all = new boolean[in.ids().length];
                Arrays.fill(all, true);
                MatchResult r = new de.grw.matching.IncrementalMatch(in.profile()).runWithModel(in.table(), zeroed, options, all,
                        touched -> touched, in.cannotLink(), in.mustLink(), progress, cancel);
                return new Trained(r, in.decisions().subList(0, Math.min(2, in.decisions().size())));
            }
        };
    }

    /** The plain contributions (not frequency-adjusted, weighed against two people at random) of a pair. */
    private static List<JsonNode> plain(PairView p) {
        List<JsonNode> out = new ArrayList<>();
        CanonicalJson.parse(p.explanationJson()).path("comparisons").forEach(c -> {
            if (!c.path("tf").asBoolean() && !c.has("versus")) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void theExplanationIsTheWeightsOfTheVersionThatProposedTheCluster() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            Workspace w = f.workspace();
            ModelParameters v1 = w.read(c -> ModelRepository.version(c, 1)).model();
            // the most uncertain cluster with a comparison that speaks against a pair: version 2 turns that evidence
            // into strong evidence for it, so that it links more and proposes clusters of its own
            long first = 0;
            JsonNode sample = null;
            for (var q : f.review().queue(f.clerk(), null, 0)) {
                ClusterView view = f.review().show(f.clerk(), q.clusterId(), "AZ-1");
                assertThat(view.modelVersion()).isEqualTo(1);
                sample = view.pairs().stream().flatMap(p -> plain(p).stream())
                        .filter(c -> c.path("weight").asDouble() < 0).findFirst().orElse(null);
                if (sample != null) {
                    first = q.clusterId();
                    break;
                }
            }
            assertThat(sample).isNotNull();
            String comparison = sample.path("comparison").asText();
            int ci = v1.comparisons().indexOf(comparison);

            int version = new WorkspaceMatcher(w).withTrainer(linkingAll(comparison)).train(f.supervisor(),
                    ProgressListener.NONE, CancellationToken.NONE);
            ModelVersionView v2view = new ModelVersions(w).activate(f.supervisor2(), version, "");
            assertThat(v2view.method()).isEqualTo("test-without-" + comparison);
            assertThat(v2view.decisionsUsed()).hasSizeLessThanOrEqualTo(2)
                    .hasSize(Math.min(2, v2view.decisionsInForce()));
            ModelParameters v2 = w.read(c -> ModelRepository.version(c, version)).model();
            WorkspaceMatcher.Result run = new WorkspaceMatcher(w).runFull(f.clerk(), null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(run.modelVersion()).isEqualTo(version);
            assertThat(run.newClusters()).isPositive();

            // the old cluster: still version 1, explained with 1's weights
            ClusterView after = f.review().show(f.clerk(), first, "AZ-1");
            assertThat(after.modelVersion()).isEqualTo(1);
            int checked = 0;
            for (PairView p : after.pairs()) {
                for (JsonNode c : plain(p)) {
                    if (c.path("comparison").asText().equals(comparison)) {
                        int level = v1.labels().get(ci).indexOf(c.path("level").asText());
                        assertThat(c.path("weight").asDouble()).isCloseTo(v1.weight(ci, level),
                                org.assertj.core.data.Offset.offset(0.001));
                        assertThat(v2.weight(ci, level)).isCloseTo(Math.log(1000) / Math.log(2),
                                org.assertj.core.data.Offset.offset(0.001));
                        checked++;
                    }
                }
            }
            assertThat(checked).isPositive();

            // a cluster version 2 proposed: version 2, explained with 2's weights (about +10 for that comparison)
            long newer = ((Number) TestWorkspaces.rows(w, "SELECT id FROM clusters WHERE first_run = ? AND status = "
                    + "'OPEN' ORDER BY id LIMIT 1", run.runId()).get(0).get(0)).longValue();
            ClusterView proposedBy2 = f.review().show(f.clerk(), newer, "AZ-1");
            assertThat(proposedBy2.modelVersion()).isEqualTo(version);
            assertThat(proposedBy2.pairs().stream().flatMap(p -> plain(p).stream())
                    .filter(c -> c.path("comparison").asText().equals(comparison)).toList())
                    .isNotEmpty().allSatisfy(c -> assertThat(c.path("weight").asDouble()).isCloseTo(
                            Math.log(1000) / Math.log(2), org.assertj.core.data.Offset.offset(0.001)));
        }
    }
}
