package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.model.HouseholdPairs;
import de.grw.matching.model.PatternCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executors' anti-join of the household pairs against the candidate pairs ({@link HouseholdAntiJoin}): exactly
 * the household pairs that are no candidates are counted, in ascending order across the ranges (some of them empty),
 * and the sample drawn from them is the one the engine's in-memory way draws ({@link HouseholdPairs#inMemory}). The
 * comparison vector of a pair is the pair itself here, so the sample's counts name the pairs drawn.
 */
class HouseholdAntiJoinTest extends SparkSessionTest {
    private static final int RECORDS = 3_000;

    private static JavaSparkContext jsc;
    /** Household pairs with repeats (two rules, two blocks), and candidates, some of them household pairs. */
    private static long[] household;
    private static long[] candidates;
    private static long[] outside;

    @BeforeAll
    static void pairs() {
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Random random = new Random(17);
        TreeSet<Long> householdSet = new TreeSet<>();
        TreeSet<Long> candidateSet = new TreeSet<>();
        // records from 2,000 on have no household pairs: the last ranges are empty
        for (int i = 0; i < 1_500; i++) {
            int a = random.nextInt(2_000);
            int b = random.nextInt(2_000);
            if (a != b) {
                long pair = CandidatePairs.pack(a, b);
                householdSet.add(pair);
                if (i % 3 == 0) {
                    candidateSet.add(pair);
                }
            }
        }
        for (int i = 0; i < 4_000; i++) {
            int a = random.nextInt(RECORDS);
            int b = random.nextInt(RECORDS);
            if (a != b) {
                candidateSet.add(CandidatePairs.pack(a, b));
            }
        }
        household = householdSet.stream().mapToLong(Long::longValue).toArray();
        candidates = candidateSet.stream().mapToLong(Long::longValue).toArray();
        TreeSet<Long> rest = new TreeSet<>(householdSet);
        rest.removeAll(candidateSet);
        outside = rest.stream().mapToLong(Long::longValue).toArray();
        assertThat(outside.length).as("some household pairs are candidates, most are not")
                .isLessThan(household.length - 300).isGreaterThan(500);
    }

    /** The household pairs in pieces as blocks give them, each pair twice (two rules), over six partitions. */
    private static JavaRDD<long[]> householdPieces() {
        List<long[]> pieces = new ArrayList<>();
        for (int from = 0; from < household.length; from += 37) {
            long[] piece = Arrays.copyOfRange(household, from, Math.min(household.length, from + 37));
            pieces.add(piece);
            long[] reversed = piece.clone();
            for (int i = 0; i < reversed.length / 2; i++) {
                long t = reversed[i];
                reversed[i] = reversed[reversed.length - 1 - i];
                reversed[reversed.length - 1 - i] = t;
            }
            pieces.add(reversed);
        }
        java.util.Collections.shuffle(pieces, new Random(3));
        return jsc.parallelize(pieces, 6);
    }

    /** The candidates scrambled over five partitions and three empty ones. */
    private static JavaRDD<Long> candidateRdd() {
        List<Long> scrambled = new ArrayList<>(Arrays.stream(candidates).boxed().toList());
        java.util.Collections.shuffle(scrambled, new Random(5));
        return jsc.parallelize(scrambled, 5).union(jsc.parallelize(List.<Long>of(), 3));
    }

    private static HouseholdPairs.Drawn engines(int samplePairs) {
        return HouseholdPairs.inMemory(household, p -> Arrays.binarySearch(candidates, p) >= 0, some -> some)
                .draw(samplePairs);
    }

    @Test
    void exactlyTheHouseholdPairsThatAreNoCandidatesAreKeptAscendingOverRangesSomeEmpty() {
        List<long[]> ranges = HouseholdAntiJoin.outside(householdPieces(), candidateRdd(), RECORDS, 12).collect();
        assertThat(ranges).hasSize(12);
        assertThat(ranges).as("the ranges of records without household pairs are empty")
                .anySatisfy(r -> assertThat(r).isEmpty());
        long[] kept = ranges.stream().flatMapToLong(Arrays::stream).toArray();
        assertThat(kept).as("every non-candidate household pair once, ascending across the ranges")
                .containsExactly(outside);
    }

    @Test
    void allOfThemAreComparedWhenTheSampleAllowsAndNoCandidateAmongThem() {
        HouseholdPairs.Drawn drawn = HouseholdAntiJoin.draw(householdPieces(), candidateRdd(), RECORDS, 12,
                100_000, p -> p);
        assertThat(drawn.count()).isEqualTo(outside.length);
        assertThat(drawn.sample().patterns()).containsExactly(outside);
        assertThat(drawn.sample().counts()).containsOnly(1L);
        assertThat(Arrays.stream(drawn.sample().patterns()).filter(p -> Arrays.binarySearch(candidates, p) >= 0))
                .as("no household pair that is a candidate counted").isEmpty();
        assertDrawnAlike(drawn, engines(100_000));
    }

    @Test
    void anEvenSampleIsTheOneTheEngineDrawsWhateverThePartitions() {
        for (int partitions : new int[] {1, 7, 40}) {
            for (int sample : new int[] {1, 7, 250}) {
                HouseholdPairs.Drawn drawn = HouseholdAntiJoin.draw(householdPieces(), candidateRdd(), RECORDS,
                        partitions, sample, p -> p);
                assertThat(drawn.count()).isEqualTo(outside.length);
                assertThat(drawn.sample().total()).isEqualTo(sample);
                assertDrawnAlike(drawn, engines(sample));
            }
        }
    }

    @Test
    void noHouseholdPairOutsideTheCandidatesDrawsNothing() {
        HouseholdPairs.Drawn drawn = HouseholdAntiJoin.draw(jsc.parallelize(List.of(household), 2),
                jsc.parallelize(Arrays.stream(household).boxed().toList(), 3), RECORDS, 4, 100, p -> p);
        assertThat(drawn.count()).isZero();
        assertThat(drawn.sample().total()).isZero();
    }

    @Test
    void rangesCoverTheRecordsInOrder() {
        for (int n : new int[] {1, 5, 1_000, 5_000_000}) {
            for (int partitions : new int[] {1, 3, 32, 40}) {
                int[] bounds = HouseholdAntiJoin.bounds(n, partitions);
                assertThat(bounds[0]).isZero();
                assertThat(bounds[partitions]).isEqualTo(n);
                assertThat(bounds).isSorted();
                for (int first : new int[] {0, n / 3, n / 2, n - 1}) {
                    int t = HouseholdAntiJoin.range(bounds, CandidatePairs.pack(first, n));
                    assertThat(bounds[t]).isLessThanOrEqualTo(first);
                    assertThat(bounds[t + 1]).isGreaterThan(first);
                }
            }
        }
    }

    private static void assertDrawnAlike(HouseholdPairs.Drawn spark, HouseholdPairs.Drawn engine) {
        assertThat(spark.count()).isEqualTo(engine.count());
        PatternCounts s = spark.sample();
        PatternCounts e = engine.sample();
        assertThat(s.patterns()).containsExactly(e.patterns());
        assertThat(s.counts()).containsExactly(e.counts());
    }
}
