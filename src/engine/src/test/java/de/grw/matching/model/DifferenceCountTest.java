package de.grw.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.matching.compare.CompiledComparisons;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DifferenceCountTest {
    private static final double[][] U = EmTrainerTest.U;
    private static final double[][] M = EmTrainerTest.M;
    private static final int[] COUNTED = {0, 1, 2};
    private static final double LAMBDA = 0.05;
    private static final int PAIRS = 150_000;

    private static long vector(int... levels) {
        long p = 0;
        for (int k = 0; k < levels.length; k++) {
            p |= (long) levels[k] << (4 * k);
        }
        return p;
    }

    /**
     * Matches whose counted comparisons 0-2 go wrong one at a time, as when each duplicate carries exactly one
     * mistake (the first level otherwise); non-matches and comparisons 3-4 independent.
     */
    private static Drawn oneMistakeEach(long seed, int pairs, double lambda) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] vectors = new long[pairs];
        boolean[] matches = new boolean[pairs];
        for (int i = 0; i < pairs; i++) {
            boolean match = random.nextDouble() < lambda;
            matches[i] = match;
            int[] levels = new int[5];
            int wrong = match && random.nextDouble() < 0.6 ? random.nextInt(3) : -1;
            for (int k = 0; k < 5; k++) {
                if (match && k < 3) {
                    levels[k] = k == wrong ? (random.nextDouble() < 0.75 ? 2 : 3) : 1;
                } else {
                    levels[k] = EmTrainerTest.draw(random, match ? M[k] : U[k]);
                }
            }
            vectors[i] = vector(levels);
        }
        return new Drawn(vectors, matches);
    }

    /** Drawn comparison vectors and whether each belongs to a match. */
    private record Drawn(long[] vectors, boolean[] matches) {
    }

    /** Independent EM, then EM that learns the correction from it, as the model estimator runs them. */
    private static EmTrainer.Fit fitWithCorrection(CompiledComparisons comparisons, PatternCounts counts,
                                                   double priorMatches) {
        boolean[] all = new boolean[5];
        java.util.Arrays.fill(all, true);
        boolean[] none = new boolean[5];
        EmTrainer.Fit plain = EmTrainer.fit(comparisons, counts, U, EmTrainer.initialM(comparisons, U, false), all,
                none, 0.01, counts.total(), 500, 1e-9, 0, 0);
        return EmTrainer.fit(comparisons, counts, U, plain.m(), all, none, plain.lambda(), counts.total(), 500, 1e-9,
                priorMatches, 0, EmTrainer.Differences.after(COUNTED, plain, true));
    }

    @Test
    void withoutCorrectionTheWeightIsZero() {
        DifferenceCount none = DifferenceCount.of(COUNTED, new double[] {1, 1, 1, 1}, M, M);
        for (long p : new long[] {vector(1, 1, 1), vector(2, 3, 1, 2), vector(3, 3, 3), vector(0, 2, 0)}) {
            assertThat(none.weight(p)).isCloseTo(0.0, within(1e-12));
        }
        assertThat(DifferenceCount.NONE.enabled()).isFalse();
        assertThat(DifferenceCount.NONE.weight(vector(3, 3, 3))).isZero();
    }

    @Test
    void countsOnlyComparisonsPresentAndLabelsTheClass() {
        DifferenceCount d = DifferenceCount.of(COUNTED, new double[] {1, 0.8, 0.2, 0.1}, M, M);
        assertThat(d.label(vector(1, 1, 1, 3, 3))).isEqualTo("differences_0");
        assertThat(d.label(vector(2, 0, 1))).isEqualTo("differences_1");
        assertThat(d.label(vector(2, 3, 0))).isEqualTo("differences_2");
        assertThat(d.label(vector(2, 3, 2))).isEqualTo("differences_3_or_more");
        assertThat(d.applies(vector(0, 0, 0, 2, 2))).isFalse();
        assertThat(d.weight(vector(0, 0, 0, 2, 2))).isZero();
    }

    @Test
    void poolsAdjacentViolatorsIntoANonIncreasingFit() {
        assertThat(DifferenceCount.nonIncreasing(new double[] {1.0, 0.5, 0.8, 0.1}, new double[] {1, 1, 1, 1}))
                .containsExactly(new double[] {1.0, 0.65, 0.65, 0.1}, within(1e-12));
        // full agreement rarer than expected: pooled with one difference, never below it
        assertThat(DifferenceCount.nonIncreasing(new double[] {0.01, 1.3, 0.1, 0.05}, new double[] {1, 3, 1, 1}))
                .containsExactly(new double[] {0.9775, 0.9775, 0.1, 0.05}, within(1e-12));
        // a class without weight takes its left neighbour's value
        assertThat(DifferenceCount.nonIncreasing(new double[] {1.0, 0.4, Double.NaN, 0.2}, new double[] {1, 1, 0, 1}))
                .containsExactly(new double[] {1.0, 0.4, 0.4, 0.2}, within(1e-12));
    }

    @Test
    void learnsThatMistakesRarelyComeTogetherAmongMatchesAndClassifiesBetter() {
        CompiledComparisons comparisons = EmTrainerTest.comparisons(false);
        Drawn drawn = oneMistakeEach(11, PAIRS, LAMBDA);
        PatternCounts counts = PatternCounts.of(drawn.vectors());
        EmTrainer.Fit fit = fitWithCorrection(comparisons, counts, 20);
        DifferenceCount d = fit.differences(COUNTED);

        assertThat(fit.converged()).isTrue();
        assertThat(d.weight(vector(2, 1, 1, 1, 1))).isGreaterThan(0.5);
        assertThat(d.weight(vector(2, 2, 1, 1, 1))).isLessThan(-3.0);
        assertThat(d.weight(vector(2, 2, 2, 1, 1))).isLessThan(-3.0);
        assertThat(fit.g()).containsExactly(new double[] {1, 1, fit.g()[2], fit.g()[3]}, within(0.0));
        // the level shares among matches stay what EM estimates: 0.6 * 0.75 / 3 = 0.15 at level 2 per comparison
        assertThat(fit.m()[0][2]).isCloseTo(0.15, within(0.015));

        ModelParameters plain = new ModelParameters(comparisons.names(), java.util.List.of(), fit.m(), U,
                fit.lambda(), 0, true);
        ModelParameters joint = new ModelParameters(comparisons.names(), java.util.List.of(), fit.m(), U,
                fit.lambda(), 0, true, d);
        assertThat((double) errors(joint, drawn)).isLessThan(errors(plain, drawn) * 0.8);
    }

    @Test
    void independentMistakesLeaveTheModelAlmostAsItWas() {
        CompiledComparisons comparisons = EmTrainerTest.comparisons(false);
        SplittableRandom random = new SplittableRandom(3);
        long[] vectors = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            boolean match = random.nextDouble() < LAMBDA;
            int[] levels = new int[5];
            for (int k = 0; k < 5; k++) {
                levels[k] = EmTrainerTest.draw(random, match ? M[k] : U[k]);
            }
            vectors[i] = vector(levels);
        }
        DifferenceCount d = fitWithCorrection(comparisons, PatternCounts.of(vectors), 20).differences(COUNTED);
        for (int a = 1; a <= 3; a++) {
            for (int b = 1; b <= 3; b++) {
                for (int c = 1; c <= 3; c++) {
                    assertThat(Math.abs(d.weight(vector(a, b, c)))).as("levels %d %d %d", a, b, c)
                            .isLessThan(0.35);
                }
            }
        }
    }

    @Test
    void aFewMatchesDoNotOutweighThePrior() {
        CompiledComparisons comparisons = EmTrainerTest.comparisons(false);
        PatternCounts counts = PatternCounts.of(oneMistakeEach(11, 2_000, 0.01).vectors());
        DifferenceCount small = fitWithCorrection(comparisons, counts, 20).differences(COUNTED);
        DifferenceCount none = fitWithCorrection(comparisons, counts, 0).differences(COUNTED);
        assertThat(Math.abs(small.weight(vector(2, 2, 1, 1, 1))))
                .isLessThan(Math.abs(none.weight(vector(2, 2, 1, 1, 1))) * 0.5);
    }

    /** Pairs whose posterior (at 0.5) disagrees with how they were drawn. */
    private static long errors(ModelParameters model, Drawn drawn) {
        double[][] w = model.weights();
        long wrong = 0;
        for (int i = 0; i < drawn.vectors().length; i++) {
            long pattern = drawn.vectors()[i];
            double score = model.priorWeight() + model.differences().weight(pattern);
            for (int k = 0; k < w.length; k++) {
                score += w[k][CompiledComparisons.level(pattern, k)];
            }
            if ((score > 0) != drawn.matches()[i]) {
                wrong++;
            }
        }
        return wrong;
    }
}
