package de.grw.matching.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.model.Scorer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdSweepTest {

    /** Clusters of more than one record by a breadth-first search over the pairs at or above t, from scratch. */
    private static long bruteClusters(int n, long[] pairs, float[] weights, double t) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (int p = 0; p < pairs.length; p++) {
            if (Scorer.probability(weights[p]) >= t) {
                adj.get(CandidatePairs.first(pairs[p])).add(CandidatePairs.second(pairs[p]));
                adj.get(CandidatePairs.second(pairs[p])).add(CandidatePairs.first(pairs[p]));
            }
        }
        boolean[] seen = new boolean[n];
        long clusters = 0;
        for (int i = 0; i < n; i++) {
            if (seen[i] || adj.get(i).isEmpty()) {
                continue;
            }
            clusters++;
            java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(i));
            seen[i] = true;
            while (!todo.isEmpty()) {
                for (int j : adj.get(todo.pop())) {
                    if (!seen[j]) {
                        seen[j] = true;
                        todo.push(j);
                    }
                }
            }
        }
        return clusters;
    }

    @Test
    void pairAndClusterCountsEqualABruteForceCountAtEveryThreshold() {
        for (long seed = 1; seed <= 5; seed++) {
            Random r = new Random(seed);
            int n = 400 + r.nextInt(400);
            Set<Long> distinct = new HashSet<>();
            while (distinct.size() < 1500) {
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                if (a != b) {
                    distinct.add(CandidatePairs.pack(Math.min(a, b), Math.max(a, b)));
                }
            }
            long[] pairs = distinct.stream().mapToLong(Long::longValue).sorted().toArray();
            float[] weights = new float[pairs.length];
            for (int p = 0; p < pairs.length; p++) {
                // a mix as matching gives it: most pairs clearly apart, some clearly together, ties, some in between
                weights[p] = switch (r.nextInt(4)) {
                    case 0 -> (float) (-20 + r.nextGaussian() * 5);
                    case 1 -> (float) (18 + r.nextGaussian() * 6);
                    case 2 -> 3.5f;
                    default -> (float) (r.nextDouble() * 20 - 10);
                };
            }
            double[] thresholds = ThresholdSweep.candidates(0.873);
            ThresholdSweep.Figures f = ThresholdSweep.compute(n, pairs, weights, thresholds);
            assertThat(f.steps()).hasSize(thresholds.length);
            long previousPairs = Long.MAX_VALUE;
            for (ThresholdSweep.Step s : f.steps()) {
                long above = 0;
                for (float w : weights) {
                    above += Scorer.probability(w) >= s.threshold() ? 1 : 0;
                }
                assertThat(s.pairs()).as("pairs at %s (seed %s)", s.threshold(), seed).isEqualTo(above);
                assertThat(s.clusters()).as("clusters at %s (seed %s)", s.threshold(), seed)
                        .isEqualTo(bruteClusters(n, pairs, weights, s.threshold()));
                assertThat(s.pairs()).isLessThanOrEqualTo(previousPairs);
                previousPairs = s.pairs();
            }
            assertThat(f.steps()).extracting(ThresholdSweep.Step::threshold).contains(0.873);
            assertThat(f.steps().get(0).clusters()).isPositive();
            long binned = f.bins().stream().mapToLong(ThresholdSweep.Bin::pairs).sum();
            assertThat(binned).isEqualTo(pairs.length);
        }
    }

    @Test
    void theHistogramCountsEachWeightInItsBinAndClampsTheOutliers() {
        float[] weights = {-100f, -3.5f, -3.0f, 0f, 0.2f, 5.9f, 200f};
        List<ThresholdSweep.Bin> bins = ThresholdSweep.histogram(weights);
        assertThat(bins.size()).isLessThanOrEqualTo(ThresholdSweep.MAX_BINS);
        assertThat(bins.get(0).from()).isEqualTo(ThresholdSweep.LOWEST);
        assertThat(bins.get(bins.size() - 1).to()).isEqualTo(ThresholdSweep.HIGHEST);
        double width = bins.get(0).to() - bins.get(0).from();
        for (float w : new float[] {-3.5f, 0f, 5.9f}) {
            ThresholdSweep.Bin home = bins.stream().filter(b -> b.from() <= w && w < b.to()).findFirst().orElseThrow();
            assertThat(home.pairs()).as("bin of %s", w).isPositive();
        }
        assertThat(bins.get(0).pairs()).isEqualTo(1);
        assertThat(bins.get(bins.size() - 1).pairs()).isEqualTo(1);
        assertThat(bins.stream().mapToLong(ThresholdSweep.Bin::pairs).sum()).isEqualTo(weights.length);
        assertThat(width).isEqualTo(2.0);
        assertThat(ThresholdSweep.histogram(new float[0])).isEmpty();
    }

    @Test
    void aChainSplitsAsTheThresholdRisesAboveItsWeakestLink() {
        // 0-1 (0.99), 1-2 (0.6), 3-4 (0.95): at 0.5 two clusters of 3 and 2 records; at 0.7 still two; at 0.97 one
        long[] pairs = {CandidatePairs.pack(0, 1), CandidatePairs.pack(1, 2), CandidatePairs.pack(3, 4)};
        float[] weights = {weight(0.99), weight(0.6), weight(0.95)};
        ThresholdSweep.Figures f = ThresholdSweep.compute(6, pairs, weights, new double[] {0.97, 0.5, 0.7, 0.999});
        assertThat(f.steps()).extracting(ThresholdSweep.Step::threshold).containsExactly(0.5, 0.7, 0.97, 0.999);
        assertThat(f.steps()).extracting(ThresholdSweep.Step::pairs).containsExactly(3L, 2L, 1L, 0L);
        assertThat(f.steps()).extracting(ThresholdSweep.Step::clusters).containsExactly(2L, 2L, 1L, 0L);
    }

    private static float weight(double p) {
        return (float) (Math.log(p / (1 - p)) / Math.log(2));
    }
}
