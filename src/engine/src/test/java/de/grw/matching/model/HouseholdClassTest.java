package de.grw.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.profile.HouseholdSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The household class learnt without labels: on vectors drawn from matches, household members (same family name and
 * street, different given name and birth date) and strangers, three-class EM recovers the household members' level
 * shares and keeps them out of the matches' m, where two-class EM takes them for duplicates.
 */
class HouseholdClassTest {
    // comparisons: given_names, family_name, birth_date, city, street; levels 1, 2 and 3 ("else")
    private static final double[][] M = {
        {0, 0.90, 0.07, 0.03}, {0, 0.90, 0.07, 0.03}, {0, 0.92, 0.05, 0.03}, {0, 0.80, 0.10, 0.10},
        {0, 0.75, 0.10, 0.15}};
    private static final double[][] H = {
        {0, 0.03, 0.05, 0.92}, {0, 1.00, 0.00, 0.00}, {0, 0.02, 0.08, 0.90}, {0, 0.97, 0.02, 0.01},
        {0, 1.00, 0.00, 0.00}};
    private static final double[][] U = {
        {0, 0.010, 0.050, 0.940}, {0, 0.020, 0.080, 0.900}, {0, 0.005, 0.050, 0.945}, {0, 0.030, 0.100, 0.870},
        {0, 0.010, 0.020, 0.970}};
    private static final double MATCHES = 0.04;
    private static final double HOUSEHOLDS = 0.08;
    private static final int PAIRS = 200_000;

    private static PatternCounts synthetic() {
        SplittableRandom random = new SplittableRandom(11);
        long[] vectors = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            double x = random.nextDouble();
            double[][] table = x < MATCHES ? M : x < MATCHES + HOUSEHOLDS ? H : U;
            long p = 0;
            for (int k = 0; k < table.length; k++) {
                p |= ((long) EmTrainerTest.draw(random, table[k])) << (4 * k);
            }
            vectors[i] = p;
        }
        return PatternCounts.of(vectors);
    }

    private static HouseholdSpec spec() {
        return new HouseholdSpec(List.of(new HouseholdSpec.ClassSpec("household",
                Map.of("family_name", List.of("exact"), "street", List.of("exact")))), 20);
    }

    private static EmTrainer.Fit fit(boolean withHouseholds) {
        CompiledComparisons comparisons = EmTrainerTest.comparisons(false);
        PatternCounts counts = synthetic();
        boolean[] all = new boolean[5];
        Arrays.fill(all, true);
        EmTrainer.Households households = withHouseholds
                ? EmTrainer.Households.starting(Households.start(spec(), comparisons, U, counts, PAIRS), 20)
                : EmTrainer.Households.NONE;
        return EmTrainer.fit(comparisons, counts, U, EmTrainer.initialM(comparisons, U, false), all, new boolean[5],
                0.02, PAIRS, 500, 1e-7, 0, 0, EmTrainer.Differences.NONE, households);
    }

    @Test
    void threeClassesRecoverTheHouseholdAndKeepItOutOfTheMatches() {
        EmTrainer.Fit fit = fit(true);
        assertThat(fit.lambda()).isCloseTo(MATCHES, within(0.005));
        HouseholdClass household = fit.households().get(0);
        assertThat(household.lambda()).isCloseTo(HOUSEHOLDS, within(0.005));
        assertThat(household.h(0, 3)).as("household: different given names").isCloseTo(0.92, within(0.02));
        assertThat(household.h(2, 3)).as("household: different birth dates").isCloseTo(0.90, within(0.02));
        assertThat(household.h(1, 2)).as("outside the household levels").isZero();
        assertThat(fit.m()[0][3]).as("match: different given names").isCloseTo(0.03, within(0.01));
        assertThat(fit.m()[2][3]).as("match: different birth dates").isCloseTo(0.03, within(0.01));
    }

    @Test
    void twoClassesTakeHouseholdMembersForDuplicates() {
        EmTrainer.Fit fit = fit(false);
        // the contamination the household class removes: "different given names" looks harmless among matches
        assertThat(fit.m()[0][3]).isGreaterThan(0.2);
    }

    @Test
    void aHouseholdPairIsNoMatchAndItsExplanationAddsUp() {
        EmTrainer.Fit fit = fit(true);
        CompiledComparisons comparisons = EmTrainerTest.comparisons(false);
        ModelParameters model = new ModelParameters(comparisons.names(), List.of(), fit.m(), U, fit.lambda(),
                fit.iterations(), fit.converged(), DifferenceCount.NONE, fit.households());
        Scorer scorer = new Scorer(comparisons, model, 1e-6);
        // same family name, city and street, different given name and birth date: a household member
        long sibling = 3L | (1L << 4) | (3L << 8) | (1L << 12) | (1L << 16);
        // the same with the given name and birth date agreeing: a duplicate
        long duplicate = 1L | (1L << 4) | (1L << 8) | (1L << 12) | (1L << 16);
        assertThat(Scorer.probability(scorer.weight(sibling, 0, 1))).isLessThan(0.01);
        assertThat(Scorer.probability(scorer.weight(duplicate, 0, 1))).isGreaterThan(0.99);
        List<Contribution> lines = scorer.explain(sibling, 0, 1);
        assertThat(lines).allMatch(c -> c.versus().equals("household"));
        assertThat(lines.get(1).weight()).as("the shared family name is no evidence inside a household")
                .isCloseTo(Math.log(fit.m()[1][1] / fit.households().get(0).h(1, 1)) / Math.log(2), within(1e-9));
        double sum = scorer.priorWeight(sibling, 0, 1) + lines.stream().mapToDouble(Contribution::weight).sum();
        assertThat(scorer.weight(sibling, 0, 1)).isCloseTo(sum, within(1e-9));
        // a pair outside the household levels is weighed against strangers, as before
        long strangers = 3L | (3L << 4) | (3L << 8) | (3L << 12) | (3L << 16);
        assertThat(scorer.explain(strangers, 0, 1)).allMatch(c -> c.versus().equals(Contribution.OTHERS));
        assertThat(scorer.priorWeight(strangers, 0, 1)).isEqualTo(scorer.priorWeight());
    }
}
