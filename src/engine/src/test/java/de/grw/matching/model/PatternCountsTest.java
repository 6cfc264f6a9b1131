package de.grw.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternCountsTest {
    /** The counts by sorting a copy: what {@link PatternCounts#of} computed before it counted in hash tables. */
    private static PatternCounts bySorting(long[] vectors) {
        long[] sorted = vectors.clone();
        Arrays.sort(sorted);
        long[] patterns = Arrays.stream(sorted).distinct().toArray();
        long[] counts = new long[patterns.length];
        for (long v : sorted) {
            counts[Arrays.binarySearch(patterns, v)]++;
        }
        return new PatternCounts(patterns, counts);
    }

    @Test
    void countsEachDistinctVectorInAscendingOrderAcrossSlices() {
        Random random = new Random(4);
        // more vectors than one slice, so several threads' tables are merged; a few thousand distinct vectors with
        // skewed frequencies, negative ones and zero among them
        long[] distinct = new long[3_000];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = i == 0 ? 0 : random.nextLong() >> random.nextInt(50);
        }
        long[] vectors = new long[(1 << 20) * 3 + 12_345];
        for (int i = 0; i < vectors.length; i++) {
            int d = (int) Math.min(distinct.length - 1, Math.abs(random.nextGaussian()) * 300);
            vectors[i] = distinct[d];
        }
        PatternCounts counted = PatternCounts.of(vectors);
        PatternCounts expected = bySorting(vectors);
        assertThat(counted.patterns()).containsExactly(expected.patterns());
        assertThat(counted.counts()).containsExactly(expected.counts());
        assertThat(counted.total()).isEqualTo(vectors.length);
        assertThat(counted.size()).isGreaterThan(500);
    }

    @Test
    void noVectorsNoCounts() {
        assertThat(PatternCounts.of(new long[0]).size()).isZero();
        PatternCounts one = PatternCounts.of(new long[] {7, 7, -1});
        assertThat(one.patterns()).containsExactly(-1, 7);
        assertThat(one.counts()).containsExactly(1, 2);
    }

    @Test
    void pairPatternsNumberedFromSeveralThreadsGiveBackEachVectorAndTheSameCounts() {
        Random random = new Random(8);
        long[] distinct = new long[2_000];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = random.nextLong() >> random.nextInt(60);
        }
        long[] vectors = new long[400_000];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = distinct[(int) Math.min(distinct.length - 1, Math.abs(random.nextGaussian()) * 200)];
        }
        PairPatterns.Dictionary dictionary = new PairPatterns.Dictionary();
        int[] ids = new int[vectors.length];
        java.util.stream.IntStream.range(0, 40).parallel().forEach(c -> {
            PairPatterns.Local local = dictionary.local();
            for (int i = c * 10_000; i < (c + 1) * 10_000; i++) {
                ids[i] = local.id(vectors[i]);
            }
        });
        PairPatterns patterns = dictionary.patterns(ids);
        PairPatterns oneByOne = PairPatterns.of(vectors);
        assertThat(patterns.size()).isEqualTo(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            assertThat(patterns.get(i)).isEqualTo(vectors[i]);
            assertThat(oneByOne.get(i)).isEqualTo(vectors[i]);
        }
        PatternCounts expected = bySorting(vectors);
        for (PatternCounts counted : new PatternCounts[] {patterns.counts(), oneByOne.counts()}) {
            assertThat(counted.patterns()).containsExactly(expected.patterns());
            assertThat(counted.counts()).containsExactly(expected.counts());
        }
    }
}
