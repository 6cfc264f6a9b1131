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
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final double LAMBDA = 0.01;
    private static final double M_EXACT = 0.9;
    private static final double U_EXACT = 0.1;

    /** Records 0-4 Müller, 5-6 Przybyszewski, 7 Meier, 8 Mayer, 9 without name; 0 and 5 born 1950-03-12. */
    private final CompiledComparisons comparisons;

    ScorerTest() {
        MatchProfile p = TestRecords.withComparisons(PERSON, List.of(
                new ComparisonSpec("family_name", List.of("family_name"), List.of(
                        new LevelSpec("exact", "exact", Map.of("field", "family_name"), "family_name", false),
                        new LevelSpec("phonetic", "phonetic", Map.of("field", "family_name"), null, false))),
                new ComparisonSpec("birth_date", List.of("birth_date"), List.of(
                        new LevelSpec("exact", "exact", Map.of("field", "birth_date"), null, false)))));
        PreparedRecords r = TestRecords.prepare(p, List.of(
                row("family_name", "Müller", "birth_date", "1950-03-12"), row("family_name", "Mueller"),
                row("family_name", "MÜLLER"), row("family_name", "Müller"), row("family_name", "Müller"),
                row("family_name", "Przybyszewski", "birth_date", "1950-03-12"), row("family_name", "Przybyszewski"),
                row("family_name", "Meier"), row("family_name", "Mayer"), row()));
        comparisons = CompiledComparisons.compile(p, r);
    }

    private static ModelParameters model() {
        return new ModelParameters(List.of("family_name", "birth_date"),
                List.of(List.of("missing", "exact", "phonetic", "else"), List.of("missing", "exact", "else")),
                new double[][] {{0, M_EXACT, 0.05, 0.05}, {0, 0.95, 0.05}},
                new double[][] {{0, U_EXACT, 0.05, 0.85}, {0, 0.001, 0.999}}, LAMBDA, 10, true);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void aRareExactValueWeighsMoreThanAFrequentOne() {
        Scorer scorer = new Scorer(comparisons, model(), 1e-6);
        double prior = log2(LAMBDA / (1 - LAMBDA));
        double mueller = scorer.weight(comparisons.pattern(1, 2), 1, 2);
        double przybyszewski = scorer.weight(comparisons.pattern(5, 6), 5, 6);
        // exact weight log2(m / u) adjusted by log2(u / tf): log2(m / tf), tf the share among the 9 named records
        assertThat(mueller).isCloseTo(prior + log2(M_EXACT / (5 / 9.0)), within(1e-9));
        assertThat(przybyszewski).isCloseTo(prior + log2(M_EXACT / (2 / 9.0)), within(1e-9));
        assertThat(przybyszewski - mueller).isCloseTo(log2(5 / 2.0), within(1e-9));
        assertThat(przybyszewski).isGreaterThan(mueller);
    }

    @Test
    void levelsWithoutTermFrequencyUseTheirPlainWeight() {
        Scorer scorer = new Scorer(comparisons, model(), 1e-6);
        double prior = log2(LAMBDA / (1 - LAMBDA));
        assertThat(CompiledComparisons.level(comparisons.pattern(7, 8), 0)).isEqualTo(2);
        assertThat(scorer.weight(comparisons.pattern(7, 8), 7, 8)).isCloseTo(prior + log2(0.05 / 0.05), within(1e-9));
        assertThat(scorer.weight(comparisons.pattern(0, 7), 0, 7)).isCloseTo(prior + log2(0.05 / 0.85), within(1e-9));
    }

    @Test
    void missingComparisonsAddNothing() {
        Scorer scorer = new Scorer(comparisons, model(), 1e-6);
        assertThat(comparisons.pattern(0, 9)).isZero();
        assertThat(scorer.weight(0L, 0, 9)).isEqualTo(scorer.priorWeight());
    }

    @Test
    void termFrequencyHasAFloor() {
        Scorer floored = new Scorer(comparisons, model(), 0.6);
        double mueller = floored.weight(comparisons.pattern(1, 2), 1, 2);
        double przybyszewski = floored.weight(comparisons.pattern(5, 6), 5, 6);
        assertThat(przybyszewski).isCloseTo(mueller, within(1e-12));
    }

    @Test
    void explainGivesEachComparisonsLevelAndWeight() {
        Scorer scorer = new Scorer(comparisons, model(), 1e-6);
        long pattern = comparisons.pattern(0, 5);
        List<Contribution> c = scorer.explain(pattern, 0);
        assertThat(c).extracting(Contribution::comparison).containsExactly("family_name", "birth_date");
        assertThat(c).extracting(Contribution::level).containsExactly("else", "exact");
        assertThat(c.get(0).weight()).isCloseTo(log2(0.05 / 0.85), within(1e-9));
        assertThat(c.get(1).weight()).isCloseTo(log2(0.95 / 0.001), within(1e-9));
        assertThat(c).extracting(Contribution::tfAdjusted).containsExactly(false, false);
        double sum = scorer.priorWeight() + c.stream().mapToDouble(Contribution::weight).sum();
        assertThat(scorer.weight(pattern, 0, 5)).isCloseTo(sum, within(1e-9));

        List<Contribution> exact = scorer.explain(comparisons.pattern(5, 6), 5);
        assertThat(exact.get(0).tfAdjusted()).isTrue();
        assertThat(exact.get(0).weight()).isCloseTo(log2(M_EXACT / (2 / 9.0)), within(1e-9));
        assertThat(exact.get(1)).isEqualTo(new Contribution("birth_date", "missing", 0.0, false));
    }

    @Test
    void theDifferenceCountIsOneMoreLineOfTheExplanation() {
        ModelParameters plain = model();
        int[] counted = {0, 1};
        // joint model: both differing at once a tenth as likely among matches as independence says
        DifferenceCount d = DifferenceCount.of(counted, new double[] {1, 1, 0.1, 0.1}, plain.m(), plain.m());
        ModelParameters joint = new ModelParameters(plain.comparisons(), plain.labels(), plain.m(), plain.u(),
                LAMBDA, 10, true, d);
        Scorer scorer = new Scorer(comparisons, joint, 1e-6);
        Scorer independent = new Scorer(comparisons, plain, 1e-6);
        assertThat(scorer.explanationNames()).containsExactly("family_name", "birth_date", "differences");

        long oneDiffers = comparisons.pattern(0, 5);
        List<Contribution> c = scorer.explain(oneDiffers, 0, 5);
        assertThat(c).extracting(Contribution::comparison).containsExactly("family_name", "birth_date",
                "differences");
        assertThat(c.get(2).level()).isEqualTo("differences_1");
        // Z = P(0) + P(1) + 0.1 P(2) with P(2) = 0.1 * 0.05: one difference gains log2(1 / Z)
        double z = 1 - 0.9 * 0.1 * 0.05;
        assertThat(c.get(2).weight()).isCloseTo(-log2(z), within(1e-9));
        double sum = scorer.priorWeight() + c.stream().mapToDouble(Contribution::weight).sum();
        assertThat(scorer.weight(oneDiffers, 0, 5)).isCloseTo(sum, within(1e-9));
        assertThat(scorer.weight(oneDiffers, 0, 5) - independent.weight(oneDiffers, 0, 5))
                .isCloseTo(-log2(z), within(1e-9));

        // a comparison missing leaves one present: the correction has nothing to say
        List<Contribution> onlyName = scorer.explain(comparisons.pattern(1, 2), 1, 2);
        assertThat(onlyName.get(2).weight()).isCloseTo(0.0, within(1e-9));
        assertThat(scorer.explain(0L, 0, 9).get(2)).isEqualTo(new Contribution("differences", "missing", 0.0,
                false));
    }

    @Test
    void probabilityFromWeight() {
        assertThat(Scorer.probability(0)).isEqualTo(0.5);
        assertThat(Scorer.probability(1)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(Scorer.probability(-1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Scorer.probability(log2(0.9 / 0.1))).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void modelParametersWeightsAndDescription() {
        ModelParameters m = model();
        assertThat(m.weight(0, 0)).isZero();
        assertThat(m.weight(0, 1)).isCloseTo(log2(9), within(1e-12));
        assertThat(m.weights()[1]).containsExactly(new double[] {0, log2(950), log2(0.05 / 0.999)}, within(1e-9));
        assertThat(m.priorWeight()).isCloseTo(log2(0.01 / 0.99), within(1e-12));
        assertThat(m.describe()).hasSize(1 + 3 + 2);
        assertThat(m.describe().get(0)).startsWith("prior: lambda = 0.0100").contains("converged after 10 iterations");
        assertThat(m.describe().get(1)).contains("family_name", "exact", "m=0.9000", "u=0.100000");
        // arrays are copied in and out
        m.m()[0][1] = 0.0;
        assertThat(m.m(0, 1)).isEqualTo(M_EXACT);
    }

    @Test
    void patternCountsCountDistinctVectors() {
        PatternCounts counts = PatternCounts.of(new long[] {5, 3, 5, 5, 0, 3});
        assertThat(counts.patterns()).containsExactly(0, 3, 5);
        assertThat(counts.counts()).containsExactly(1, 2, 3);
        assertThat(counts.total()).isEqualTo(6);
        assertThat(counts.size()).isEqualTo(3);
        assertThat(PatternCounts.of(new long[0]).size()).isZero();
    }
}
