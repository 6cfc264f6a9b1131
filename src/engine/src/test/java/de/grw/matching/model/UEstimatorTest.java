package de.grw.matching.model;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.common.CancellationToken;
import de.grw.matching.TestRecords;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UEstimatorTest {
    private static final String[] GIVEN = {"Hans", "Anna", "Peter", "Maria", "Karl", "Ursula", "Jürgen", "Petra"};
    private static final String[] FAMILY = {"Müller", "Meier", "Mayer", "Schmidt", "Schulz", "Weber", "Wagner",
        "Becker", "Hoffmann", "Koch"};
    private static final int N = 240;

    private static PreparedRecords records;
    private static CompiledComparisons comparisons;
    private static int[] sourceOf;

    @BeforeAll
    static void data() {
        SplittableRandom random = new SplittableRandom(3);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Map<String, String> row = row(
                    "source", i % 3 == 0 ? "kfz" : "melde",
                    "given_names", GIVEN[random.nextInt(GIVEN.length)],
                    "family_name", FAMILY[random.nextInt(FAMILY.length)],
                    "birth_date", String.format("%d-%02d-%02d", 1950 + random.nextInt(5), 1 + random.nextInt(12),
                            1 + random.nextInt(28)),
                    "sex", random.nextBoolean() ? "m" : "w",
                    "postal_code", String.valueOf(50660 + random.nextInt(6)));
            if (random.nextInt(4) == 0) {
                row.remove("sex");
            }
            rows.add(row);
        }
        records = TestRecords.prepare(PERSON, rows);
        comparisons = CompiledComparisons.compile(PERSON, records);
        sourceOf = new int[N];
        for (int i = 0; i < N; i++) {
            sourceOf[i] = records.table().sourceIndex(i);
        }
    }

    private static double[][] estimate(boolean linkOnly, int samplePairs, long seed) {
        return UEstimator.estimate(comparisons, N, sourceOf, linkOnly, samplePairs, seed, CancellationToken.NONE);
    }

    /** u by direct count over all (or all cross-source) pairs, with the same add-one smoothing. */
    private static double[][] directCount(boolean linkOnly) {
        double[][] u = new double[comparisons.count()][];
        for (int k = 0; k < comparisons.count(); k++) {
            int levels = comparisons.levelCount(k);
            long[] n = new long[levels];
            for (int a = 0; a < N; a++) {
                for (int b = a + 1; b < N; b++) {
                    if (!linkOnly || sourceOf[a] != sourceOf[b]) {
                        n[comparisons.level(k, a, b)]++;
                    }
                }
            }
            long present = 0;
            for (int l = 1; l < levels; l++) {
                present += n[l];
            }
            u[k] = new double[levels];
            for (int l = 1; l < levels; l++) {
                u[k][l] = (n[l] + 1.0) / (present + levels - 1.0);
            }
        }
        return u;
    }

    @Test
    void aSmallInputIsEnumeratedCompletely() {
        double[][] u = estimate(false, 1_000_000, 1);
        double[][] expected = directCount(false);
        for (int k = 0; k < u.length; k++) {
            assertThat(u[k]).as(comparisons.name(k)).containsExactly(expected[k], within(1e-12));
        }
    }

    @Test
    void linkOnlyEnumeratesOnlyPairsAcrossSources() {
        double[][] u = estimate(true, 1_000_000, 1);
        double[][] expected = directCount(true);
        for (int k = 0; k < u.length; k++) {
            assertThat(u[k]).as(comparisons.name(k)).containsExactly(expected[k], within(1e-12));
        }
    }

    @Test
    void uOfEachComparisonSumsToOneOverItsLevels() {
        double[][] u = estimate(false, 1_000_000, 1);
        for (int k = 0; k < u.length; k++) {
            double sum = 0;
            for (int l = 1; l < u[k].length; l++) {
                assertThat(u[k][l]).isPositive();
                sum += u[k][l];
            }
            assertThat(sum).as(comparisons.name(k)).isCloseTo(1.0, within(1e-9));
            assertThat(u[k][0]).isZero();
        }
    }

    @Test
    void samplingAgreesRoughlyWithEnumeration() {
        int allPairs = N * (N - 1) / 2;
        int sample = 64 * 300;
        assertThat(sample).isLessThan(allPairs);
        double[][] enumerated = estimate(false, allPairs, 1);
        double[][] sampled = estimate(false, sample, 1);
        for (int k = 0; k < enumerated.length; k++) {
            for (int l = 1; l < enumerated[k].length; l++) {
                assertThat(sampled[k][l]).as("%s level %s", comparisons.name(k), comparisons.label(k, l))
                        .isCloseTo(enumerated[k][l], within(0.03));
            }
        }
        int family = comparisons.names().indexOf("family_name");
        // about one random pair in ten shares the family name
        assertThat(enumerated[family][1]).isBetween(0.07, 0.14);
    }

    @Test
    void samplingIsRepeatableWithTheSameSeed() {
        double[][] first = estimate(false, 6400, 99);
        double[][] second = estimate(false, 6400, 99);
        double[][] other = estimate(false, 6400, 100);
        assertThat(second).isDeepEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Issue 16: the estimate made on threads of its own while the caller works is exactly the caller's own. */
    @Test
    void theEstimateInTheBackgroundIsTheEstimateInTheCallersThread() {
        for (boolean linkOnly : new boolean[] {false, true}) {
            // sampled (fewer pairs than all) and enumerated (more)
            for (int samplePairs : new int[] {5_000, 1_000_000}) {
                double[][] direct = UEstimator.estimate(comparisons, N, sourceOf, linkOnly, samplePairs, 7, 2000,
                        CancellationToken.NONE);
                UEstimator.Pending pending = UEstimator.start(comparisons, N, sourceOf, linkOnly, samplePairs, 7,
                        2000, CancellationToken.NONE, true);
                assertThat(pending.join()).isDeepEqualTo(direct);
                pending.abandon();
            }
        }
    }

    /** A cancelled run's estimate in the background stops, and joining it reports the cancellation. */
    @Test
    void aCancelledEstimateInTheBackgroundReportsTheCancellation() {
        UEstimator.Pending pending = UEstimator.start(comparisons, N, sourceOf, false, 1_000_000, 7, 0, () -> true,
                true);
        org.assertj.core.api.Assertions.assertThatThrownBy(pending::join)
                .isInstanceOf(de.grw.common.CancelledException.class);
    }
}
