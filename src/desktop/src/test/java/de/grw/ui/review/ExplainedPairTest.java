package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pair explained by default, the chooser's order, and the cluster graph's marking and layout. */
class ExplainedPairTest {
    private static final String JSON = "{\"prior\":-10.0,\"comparisons\":[]}";

    private static PairView pair(long a, long b, double p) {
        return new PairView(a, b, p, Math.log(p / (1 - p)) / Math.log(2), JSON);
    }

    private static ClusterView cluster(int size, List<PairView> pairs) {
        List<MemberRecord> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            members.add(new MemberRecord(i * 10L, "quelle", "k" + i, "2026-01-01", List.of(), List.of(), List.of(), false,
                    false));
        }
        return new ClusterView(7, ClusterStatus.OPEN, null, members, pairs, Map.of(), List.of());
    }

    /** A chain A–B, B–C strong, A–C scored far below the threshold: the weakest link is B–C, A–C is not linked. */
    private final PairView ab = pair(10, 20, 0.995);
    private final PairView bc = pair(20, 30, 0.91);
    private final PairView ac = pair(10, 30, 0.02);
    private final ClusterView chain = cluster(3, List.of(ab, bc, ac));

    @Test
    void theWeakestLinkIsThePairWhoseProbabilityTheQueueLists() {
        assertThat(ExplainedPair.weakestLink(chain.pairs(), 0.91)).isEqualTo(bc);
        // without the queue's figure: the weakest edge of the maximum spanning tree, the same link here
        assertThat(ExplainedPair.weakestLink(chain.pairs(), Double.NaN)).isEqualTo(bc);
        // a triangle all linked: the lowest of them (what the queue lists), not the spanning tree's bottleneck
        PairView ac2 = pair(10, 30, 0.93);
        ClusterView triangle = cluster(3, List.of(pair(10, 20, 0.99), pair(20, 30, 0.98), ac2));
        assertThat(ExplainedPair.weakestLink(triangle.pairs(), 0.93)).isEqualTo(ac2);

        ExplainedPair explained = new ExplainedPair();
        int[] changes = {0};
        explained.onChange(() -> changes[0]++);
        explained.open(chain, 0.91);
        assertThat(explained.pairProperty().get()).isEqualTo(bc);
        assertThat(explained.choices()).containsExactly(bc, ac, ab);
        explained.step(1);
        assertThat(explained.pairProperty().get()).isEqualTo(ac);
        explained.step(-2);
        assertThat(explained.pairProperty().get()).as("wraps around").isEqualTo(ab);
        explained.select(pair(10, 40, 0.5));
        assertThat(explained.pairProperty().get()).as("no pair of the cluster: ignored").isEqualTo(ab);
        explained.select(bc);
        assertThat(changes[0]).isEqualTo(3);
        // the comparison sees the explained pair alone
        assertThat(explained.focus(chain).pairs()).containsExactly(bc);
        assertThat(ExplainedPair.column(chain, 30)).isEqualTo(3);
    }

    @Test
    void theGraphMarksTheWeakestLinkAndKeepsEveryNodeInside() {
        ClusterGraph graph = ClusterGraph.of(chain, bc, 280, 150);
        assertThat(graph.edges()).hasSize(3);
        assertThat(graph.edges()).filteredOn(ClusterGraph.Edge::weakest).singleElement()
                .satisfies(e -> assertThat(e.pair()).isEqualTo(bc));
        assertThat(graph.edge(ac).orElseThrow().linked()).as("A–C below the threshold").isFalse();
        assertThat(graph.edge(ab).orElseThrow().linked()).isTrue();
        for (int n = 2; n <= 12; n++) {
            ClusterGraph g = ClusterGraph.of(cluster(n, List.of()), null, 280, 150);
            assertThat(g.nodes()).hasSize(n);
            for (ClusterGraph.Node node : g.nodes()) {
                assertThat(node.x()).as(n + " nodes").isBetween(ClusterGraph.MARGIN - 1e-9, 280 - ClusterGraph.MARGIN
                        + 1e-9);
                assertThat(node.y()).as(n + " nodes").isBetween(ClusterGraph.MARGIN - 1e-9, 150 - ClusterGraph.MARGIN
                        + 1e-9);
            }
            // no two records on one spot
            assertThat(g.nodes().stream().map(p -> Math.round(p.x()) + "/" + Math.round(p.y())).distinct()).hasSize(n);
        }
    }
}
