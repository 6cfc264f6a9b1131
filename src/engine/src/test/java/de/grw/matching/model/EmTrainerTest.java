package de.grw.matching.model;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.matching.TestRecords;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.LevelSpec;
import de.grw.profile.MatchProfile;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmTrainerTest {
    /** True m and u of five comparisons with two explicit levels each: index 1, 2 and 3 ("else"). */
    static final double[][] M = {
        {0, 0.80, 0.15, 0.05},
        {0, 0.85, 0.10, 0.05},
        {0, 0.75, 0.15, 0.10},
        {0, 0.70, 0.20, 0.10},
        {0, 0.90, 0.05, 0.05}};
    static final double[][] U = {
        {0, 0.010, 0.050, 0.940},
        {0, 0.020, 0.080, 0.900},
        {0, 0.005, 0.050, 0.945},
        {0, 0.030, 0.100, 0.870},
        {0, 0.010, 0.020, 0.970}};
    private static final double LAMBDA = 0.08;
    private static final int PAIRS = 150_000;

    private static LevelSpec level(String test, String field) {
        return new LevelSpec(test, test, Map.of("field", field), null, false);
    }

    /** Five comparisons with two levels each; the data only gives the structure, EM sees synthetic vectors. */
    static CompiledComparisons comparisons(boolean withNeutral) {
        LevelSpec first = withNeutral
                ? new LevelSpec("swapped", "swapped", Map.of("field", "given_names", "other", "family_name"), null,
                        true)
                : level("exact", "given_names");
        MatchProfile p = TestRecords.withComparisons(PERSON, List.of(
                new ComparisonSpec("given_names", List.of("given_names"),
                        List.of(first, level("phonetic", "given_names"))),
                new ComparisonSpec("family_name", List.of("family_name"),
                        List.of(level("exact", "family_name"), level("phonetic", "family_name"))),
                new ComparisonSpec("birth_date", List.of("birth_date"),
                        List.of(level("exact", "birth_date"), level("date_two_parts", "birth_date"))),
                new ComparisonSpec("city", List.of("city"),
                        List.of(level("exact", "city"), level("phonetic", "city"))),
                new ComparisonSpec("street", List.of("street"),
                        List.of(level("exact", "street"), level("phonetic", "street")))));
        PreparedRecords r = TestRecords.prepare(p, List.of(row("family_name", "x"), row("family_name", "y")));
        return CompiledComparisons.compile(p, r);
    }

    static int draw(SplittableRandom random, double[] probabilities) {
        double x = random.nextDouble();
        for (int l = 1; l < probabilities.length - 1; l++) {
            x -= probabilities[l];
            if (x < 0) {
                return l;
            }
        }
        return probabilities.length - 1;
    }

    /** Comparison vectors drawn from the true model; one comparison in ten is missing on a side. */
    private static long[] synthetic(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] vectors = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            boolean match = random.nextDouble() < LAMBDA;
            long p = 0;
            for (int k = 0; k < M.length; k++) {
                int level = random.nextInt(10) == 0 ? 0 : draw(random, match ? M[k] : U[k]);
                p |= (long) level << (4 * k);
            }
            vectors[i] = p;
        }
        return vectors;
    }

    @Test
    void recoversTheTrueMProbabilitiesAndPrior() {
        CompiledComparisons comparisons = comparisons(false);
        PatternCounts counts = PatternCounts.of(synthetic(5));
        ModelParameters model = EmTrainer.train(comparisons, counts, U, PAIRS, 500, 1e-8, 10_000);

        assertThat(model.converged()).isTrue();
        assertThat(model.iterations()).isBetween(2, 500);
        assertThat(model.lambda()).isCloseTo(LAMBDA, within(0.005));
        for (int k = 0; k < M.length; k++) {
            for (int l = 1; l < M[k].length; l++) {
                assertThat(model.m(k, l)).as("m of comparison %d level %d", k, l).isCloseTo(M[k][l], within(0.02));
                assertThat(model.u(k, l)).isEqualTo(U[k][l]);
            }
        }
    }

    @Test
    void pairsThatWereNotCandidatesCountAsNonMatches() {
        CompiledComparisons comparisons = comparisons(false);
        PatternCounts counts = PatternCounts.of(synthetic(5));
        ModelParameters all = EmTrainer.train(comparisons, counts, U, PAIRS, 500, 1e-8, 10_000);
        ModelParameters quarter = EmTrainer.train(comparisons, counts, U, 4.0 * PAIRS, 500, 1e-8, 10_000);
        // the same matches among four times as many pairs
        assertThat(quarter.lambda()).isCloseTo(all.lambda() / 4, within(0.003));
    }

    @Test
    void aNeutralLevelKeepsWeightZero() {
        CompiledComparisons comparisons = comparisons(true);
        assertThat(comparisons.isNeutral(0, 1)).isTrue();
        ModelParameters model = EmTrainer.train(comparisons, PatternCounts.of(synthetic(8)), U, PAIRS, 200, 1e-8,
                10_000);
        assertThat(model.m(0, 1)).isEqualTo(U[0][1]);
        assertThat(model.weight(0, 1)).isZero();
        double sum = 0;
        for (int l = 1; l < 4; l++) {
            sum += model.m(0, l);
        }
        // the smoothing counts the neutral level too, so the sum falls short of 1 by a negligible amount
        assertThat(sum).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void stopsAtTheIterationLimit() {
        ModelParameters model = EmTrainer.train(comparisons(false), PatternCounts.of(synthetic(5)), U, PAIRS, 2,
                1e-12, 10_000);
        assertThat(model.iterations()).isEqualTo(2);
        assertThat(model.converged()).isFalse();
    }

    @Test
    void initialMPutsMostMassOnTheStrongestLevel() {
        double[][] m = EmTrainer.initialM(comparisons(false));
        for (double[] levels : m) {
            assertThat(levels[1]).isGreaterThan(levels[2]).isGreaterThan(levels[3]);
            assertThat(levels[1] + levels[2] + levels[3]).isCloseTo(1.0, within(1e-9));
        }
    }
}
