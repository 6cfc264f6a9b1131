package de.grw.matching.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.CancelledException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstrainedClusteringTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private static ConstrainedClustering.Result cluster(int n, int[][] pairs, float[] weights,
                                                        PairConstraint constraint) {
        int[] first = new int[pairs.length];
        int[] second = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            first[i] = pairs[i][0];
            second[i] = pairs[i][1];
        }
        return ConstrainedClustering.cluster(n, first, second, weights, constraint, CancellationToken.NONE);
    }

    private static PairConstraint contradicting(int x, int y) {
        return (a, b) -> (a == x && b == y) || (a == y && b == x);
    }

    @Test
    void linkedRecordsFormClustersNumberedByTheirFirstRecord() {
        // records 0..5: 4-2 and 2-5 link, 1-3 link, 0 alone
        ConstrainedClustering.Result r = cluster(6, new int[][] {{4, 2}, {2, 5}, {1, 3}},
                new float[] {5f, 4f, 3f}, PairConstraint.NONE);
        assertThat(r.clusterOf()).containsExactly(1, 2, 3, 2, 3, 3);
        assertThat(r.clusterCount()).isEqualTo(3);
        assertThat(r.multiRecordClusters()).isEqualTo(2);
        assertThat(r.refusedMerges()).isZero();
    }

    @Test
    void withoutPairsEveryRecordIsItsOwnCluster() {
        ConstrainedClustering.Result r = cluster(3, new int[0][], new float[0], PairConstraint.NONE);
        assertThat(r.clusterOf()).containsExactly(1, 2, 3);
        assertThat(r.multiRecordClusters()).isZero();
    }

    @Test
    void aChainDoesNotDragContradictingRecordsTogether() {
        // A-B strong, B-C weaker, A and C contradict: C stays apart
        ConstrainedClustering.Result r = cluster(3, new int[][] {{A, B}, {B, C}}, new float[] {10f, 8f},
                contradicting(A, C));
        assertThat(r.clusterOf()).containsExactly(1, 1, 2);
        assertThat(r.refusedMerges()).isEqualTo(1);
    }

    @Test
    void theStrongerLinkWinsTheContestedRecord() {
        // now B-C is the stronger pair: B joins C, and A (contradicting C) stays alone
        ConstrainedClustering.Result r = cluster(3, new int[][] {{A, B}, {B, C}}, new float[] {8f, 10f},
                contradicting(A, C));
        assertThat(r.clusterOf()).containsExactly(1, 2, 2);
        assertThat(r.refusedMerges()).isEqualTo(1);
    }

    @Test
    void aChainWithoutContradictionIsMerged() {
        ConstrainedClustering.Result r = cluster(3, new int[][] {{A, B}, {B, C}}, new float[] {10f, 8f},
                PairConstraint.NONE);
        assertThat(r.clusterOf()).containsExactly(1, 1, 1);
    }

    @Test
    void contradictingRecordsLinkedDirectlyAreMergedWhenTheConstraintLetsDirectLinksPass() {
        // the engine's guard: a contradiction counts only where the pair itself is not linked
        Set<Long> linked = Set.of(key(A, B), key(B, C), key(A, C));
        PairConstraint contradiction = contradicting(A, C);
        PairConstraint guard = (a, b) -> contradiction.cannotLink(a, b) && !linked.contains(key(a, b));
        ConstrainedClustering.Result r = cluster(3, new int[][] {{A, B}, {B, C}, {A, C}},
                new float[] {10f, 8f, 6f}, guard);
        assertThat(r.clusterOf()).containsExactly(1, 1, 1);
        assertThat(r.refusedMerges()).isZero();
        // the same pairs with the contradiction applied to every pair keep C out
        ConstrainedClustering.Result strict = cluster(3, new int[][] {{A, B}, {B, C}, {A, C}},
                new float[] {10f, 8f, 6f}, contradiction);
        assertThat(strict.clusterOf()).containsExactly(1, 1, 2);
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    @Test
    void aContradictionAnywhereInTheOtherClusterBlocksTheJoin() {
        // clusters {0,1} and {2,3}; 1 and 3 contradict; the link 0-2 would join the two clusters
        ConstrainedClustering.Result r = cluster(4, new int[][] {{0, 1}, {2, 3}, {0, 2}},
                new float[] {9f, 9f, 7f}, contradicting(1, 3));
        assertThat(r.clusterOf()).containsExactly(1, 1, 2, 2);
        assertThat(r.refusedMerges()).isEqualTo(1);
    }

    @Test
    void pairsAreTakenStrongestFirstWhateverTheirOrderInTheInput() {
        int[][] pairs = {{B, C}, {A, B}};
        assertThat(cluster(3, pairs, new float[] {8f, 10f}, contradicting(A, C)).clusterOf())
                .containsExactly(1, 1, 2);
        assertThat(cluster(3, pairs, new float[] {10f, 8f}, contradicting(A, C)).clusterOf())
                .containsExactly(1, 2, 2);
    }

    @Test
    void negativeWeightsAreOrderedCorrectly() {
        ConstrainedClustering.Result r = cluster(3, new int[][] {{A, B}, {B, C}}, new float[] {-3f, -1f},
                contradicting(A, C));
        assertThat(r.clusterOf()).as("-1 is stronger than -3").containsExactly(1, 2, 2);
        ConstrainedClustering.Result mixed = cluster(3, new int[][] {{A, B}, {B, C}}, new float[] {0.5f, -0.5f},
                contradicting(A, C));
        assertThat(mixed.clusterOf()).containsExactly(1, 1, 2);
    }

    @Test
    void equalWeightsAreBrokenByPairOrderSoTheResultIsDeterministic() {
        int[][] pairs = {{B, C}, {A, B}};
        ConstrainedClustering.Result first = cluster(3, pairs, new float[] {5f, 5f}, contradicting(A, C));
        assertThat(first.clusterOf()).containsExactly(1, 2, 2);
        for (int i = 0; i < 20; i++) {
            assertThat(cluster(3, pairs, new float[] {5f, 5f}, contradicting(A, C)).clusterOf())
                    .containsExactly(first.clusterOf());
        }
    }

    @Test
    void clusterNumbersDependOnlyOnTheRecordOrder() {
        int[][] pairs = {{5, 6}, {0, 3}, {3, 6}, {1, 2}};
        int[] expected = {1, 2, 2, 1, 3, 1, 1};
        assertThat(cluster(7, pairs, new float[] {1f, 2f, 3f, 4f}, PairConstraint.NONE).clusterOf())
                .containsExactly(expected);
        assertThat(cluster(7, pairs, new float[] {4f, 3f, 2f, 1f}, PairConstraint.NONE).clusterOf())
                .containsExactly(expected);
    }

    @Test
    void aCancelledRunStops() {
        assertThatThrownBy(() -> ConstrainedClustering.cluster(2, new int[] {0}, new int[] {1}, new float[] {1f},
                PairConstraint.NONE, () -> true)).isInstanceOf(CancelledException.class);
    }
}
