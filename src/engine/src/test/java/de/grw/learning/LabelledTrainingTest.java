package de.grw.learning;

import de.grw.matching.model.PatternWeights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.matching.model.HouseholdClass;
import de.grw.matching.model.ModelParameters;
import de.grw.review.QueueMode;
import de.grw.matching.model.PatternCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The labelled layer corrects the unsupervised model where its assumption fails, keeps it where labels agree, and
 * folds into an ordinary model exactly.
 */
class LabelledTrainingTest {
    // comparisons: given names (exact, typo, different), family name (exact, different), birth date (exact, different)
    static final int EXACT = 1;

    static long pattern(int given, int family, int birth) {
        return given | (long) family << 4 | (long) birth << 8;
    }

    static ModelParameters model(boolean withHousehold) {
        double[][] m = {{0, 0.85, 0.10, 0.05}, {0, 0.95, 0.05}, {0, 0.95, 0.05}};
        double[][] u = {{0, 0.01, 0.01, 0.98}, {0, 0.01, 0.99}, {0, 0.001, 0.999}};
        List<List<String>> labels = List.of(List.of("missing", "exact", "typo", "different"),
                List.of("missing", "exact", "different"), List.of("missing", "exact", "different"));
        List<HouseholdClass> households = List.of();
        if (withHousehold) {
            double[][] h = {{0, 0.01, 0.01, 0.98}, {0, 1, 0}, {0, 0.001, 0.999}};
            households = List.of(new HouseholdClass("household", new int[] {1}, new boolean[][] {{false, true,
                false}}, new boolean[3], h, 1e-5));
        }
        return new ModelParameters(List.of("given_names", "family_name", "birth_date"), labels, m, u, 1e-3, 10, true,
                null, households);
    }

    @Test
    void labelsFlipAPatternTheIndependenceAssumptionGetsWrong() {
        ModelParameters base = model(false);
        PatternWeights before = new PatternWeights(base);
        long twins = pattern(3, EXACT, EXACT); // same family name and birth date, different given names
        long same = pattern(EXACT, EXACT, EXACT);
        long typo = pattern(2, EXACT, EXACT);
        assertThat(before.weight(twins)).as("unsupervised: a duplicate with one slip").isPositive();

        List<LabelledExample> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add(new LabelledExample(twins, before.weight(twins), false));
            labels.add(new LabelledExample(same, before.weight(same), true));
            labels.add(new LabelledExample(typo, before.weight(typo), true));
        }
        Training t = LabelledTraining.train(base, labels, (Candidates) null, LearningSettings.DEFAULTS);
        PatternWeights after = new PatternWeights(t.model());
        assertThat(after.weight(twins)).as("labels say: twins, not duplicates").isNegative();
        assertThat(after.weight(same)).as("all agree: still a clear match").isGreaterThan(5);
        assertThat(after.weight(typo)).isPositive();
        assertThat(t.correction().level(0, 3)).isNegative();
        assertThat(t.correction().describe().get(0)).contains("80 matches, 40 non-matches");
    }

    @Test
    void fewLabelsMoveLittleAndAgreeingLabelsDoNoHarm() {
        ModelParameters base = model(true);
        PatternWeights before = new PatternWeights(base);
        List<Long> patterns = new ArrayList<>();
        for (int g = 0; g <= 3; g++) {
            for (int f = 0; f <= 2; f++) {
                for (int b = 0; b <= 2; b++) {
                    patterns.add(pattern(g, f, b));
                }
            }
        }
        long twins = pattern(3, EXACT, EXACT);
        Training one = LabelledTraining.train(base, List.of(new LabelledExample(twins, before.weight(twins),
                false)), (Candidates) null, LearningSettings.DEFAULTS);
        assertThat(new PatternWeights(one.model()).weight(twins) - before.weight(twins))
                .as("one label moves the weight, but by less than the prior allows").isNegative()
                .isGreaterThan(-4);

        // 3,000 answers drawn from the model itself: the layer must not move any decision
        Random random = new Random(7);
        List<LabelledExample> agreeing = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long p = patterns.get(random.nextInt(patterns.size()));
            double w = before.weight(p);
            agreeing.add(new LabelledExample(p, w, random.nextDouble() < 1 / (1 + Math.pow(2, -w))));
        }
        Training many = LabelledTraining.train(base, agreeing, (Candidates) null, LearningSettings.DEFAULTS);
        PatternWeights after = new PatternWeights(many.model());
        for (long p : patterns) {
            if (Math.abs(before.weight(p)) > 2) {
                assertThat(Math.signum(after.weight(p))).as("pattern %x", p).isEqualTo(Math.signum(before.weight(p)));
            }
        }
    }

    @Test
    void theCorrectionFoldsIntoTheModelExactlyWithHouseholds() {
        ModelParameters base = model(true);
        PatternWeights before = new PatternWeights(base);
        List<LabelledExample> labels = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long p = pattern(1 + i % 3, 1 + i % 2, 1 + (i / 2) % 2);
            labels.add(new LabelledExample(p, before.weight(p), i % 5 == 0));
        }
        Training t = LabelledTraining.train(base, labels, (Candidates) null, LearningSettings.DEFAULTS);
        PatternWeights after = new PatternWeights(t.model());
        for (int g = 0; g <= 3; g++) {
            for (int f = 0; f <= 2; f++) {
                for (int b = 0; b <= 2; b++) {
                    long p = pattern(g, f, b);
                    assertThat(after.weight(p)).as("pattern %x", p)
                            .isCloseTo(before.weight(p) + t.correction().bits(p), within(1e-9));
                }
            }
        }
        assertThat(t.model().households()).hasSize(1);
    }

    @Test
    void aThresholdIsEstimatedOnlyFromEnoughLabelsAndWithItsSpread() {
        ModelParameters base = model(false);
        PatternWeights before = new PatternWeights(base);
        long[] kinds = {pattern(1, 1, 1), pattern(2, 1, 1), pattern(3, 1, 1), pattern(1, 2, 1), pattern(3, 2, 2),
            pattern(1, 1, 2)};
        PatternCounts candidates = new PatternCounts(kinds.clone(), new long[] {500, 40, 200, 60, 5000, 80});
        List<LabelledExample> labels = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 150; i++) {
            long p = kinds[random.nextInt(kinds.length)];
            labels.add(new LabelledExample(p, before.weight(p), p != pattern(3, 1, 1) && p != pattern(3, 2, 2)));
        }
        Training few = LabelledTraining.train(base, labels.subList(0, 50), candidates, LearningSettings.DEFAULTS);
        assertThat(few.threshold()).as("50 labels are too few").isNull();
        Training enough = LabelledTraining.train(base, labels, candidates, LearningSettings.DEFAULTS);
        ThresholdEstimate t = enough.threshold();
        assertThat(t).isNotNull();
        assertThat(t.low()).isLessThanOrEqualTo(t.threshold());
        assertThat(t.high()).isGreaterThanOrEqualTo(t.threshold());
        assertThat(t.f1()).isBetween(0.9, 1.0);
        assertThat(t.labels()).isEqualTo(150);
    }

    @Test
    void activeLearningSpreadsItsQuestionsUncertaintyOrderDoesNot() {
        ModelParameters base = model(false);
        PatternWeights weights = new PatternWeights(base);
        Correction none = LabelledTraining.fit(base, List.of(), LearningSettings.DEFAULTS);
        List<ActiveLearning.Candidate> pool = new ArrayList<>();
        long near = pattern(3, 1, 1);
        long other = pattern(1, 2, 1);
        for (int i = 0; i < 50; i++) {
            // fifty pairs of one kind just above the threshold, one pair of another kind a little further
            pool.add(new ActiveLearning.Candidate(i, near, 0.1));
        }
        pool.add(new ActiveLearning.Candidate(99, other, 1.0));
        assertThat(weights.weight(other)).isNotNaN();
        List<Long> uncertain = ActiveLearning.order(pool, none, 0.5, 5, QueueMode.UNCERTAIN);
        assertThat(uncertain).doesNotContain(99L).hasSize(5);
        List<Long> active = ActiveLearning.order(pool, none, 0.5, 5, QueueMode.ACTIVE_LEARNING);
        assertThat(active).hasSize(5).contains(99L);
        assertThat(active.get(0)).isNotEqualTo(99L);
    }
}
