package de.grw.matching.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link BucketedPairs#distinct} gives exactly the pairs of {@link Arrays#sort(long[])} followed by dropping
 * duplicates, on random pairs, on skewed ones (one first record with most pairs, one bucket with all, many
 * duplicates), with slices that end before the next one begins (a filter kept fewer pairs than counted), empty
 * buckets and a range that does not begin at record 0.
 */
class BucketedPairsTest {

    /** Raw pairs laid out as the ranges write them: per bucket a region of {@code pieces} slices with gaps. */
    private static final class Layout {
        final List<Long> raw = new ArrayList<>();
        long[] all;
        int[] regionStart;
        int[] from;
        int[] to;
    }

    private static Layout layout(List<List<List<Long>>> perBucketPerPiece, Random random) {
        Layout l = new Layout();
        int buckets = perBucketPerPiece.size();
        int pieces = perBucketPerPiece.get(0).size();
        l.regionStart = new int[buckets + 1];
        l.from = new int[buckets * pieces];
        l.to = new int[buckets * pieces];
        List<Long> cells = new ArrayList<>();
        for (int k = 0; k < buckets; k++) {
            l.regionStart[k] = cells.size();
            for (int p = 0; p < pieces; p++) {
                List<Long> slice = perBucketPerPiece.get(k).get(p);
                l.from[k * pieces + p] = cells.size();
                cells.addAll(slice);
                l.to[k * pieces + p] = cells.size();
                l.raw.addAll(slice);
                int gap = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
                for (int g = 0; g < gap; g++) {
                    cells.add(random.nextLong()); // garbage the filter left: must be ignored
                }
            }
        }
        l.regionStart[buckets] = cells.size();
        l.all = cells.stream().mapToLong(Long::longValue).toArray();
        return l;
    }

    private static long[] reference(List<Long> raw) {
        return raw.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /**
     * Pairs of first records in {@code [base, base + buckets·2^shift)}, bucketed as the ranges do, the first record
     * of each drawn by {@code first}, the second above it.
     */
    private static void check(long seed, int base, int shift, int buckets, int pieces, int pairs, IntSupplier first,
                              int secondSpread) {
        Random random = new Random(seed);
        List<List<List<Long>>> cells = new ArrayList<>();
        for (int k = 0; k < buckets; k++) {
            List<List<Long>> bucket = new ArrayList<>();
            for (int p = 0; p < pieces; p++) {
                bucket.add(new ArrayList<>());
            }
            cells.add(bucket);
        }
        for (int i = 0; i < pairs; i++) {
            int a = first.getAsInt();
            int b = a + 1 + random.nextInt(secondSpread);
            int bucket = (a - base) >>> shift;
            cells.get(bucket).get(random.nextInt(pieces)).add(CandidatePairs.pack(a, b));
        }
        Layout l = layout(cells, random);
        long[] got = BucketedPairs.distinct(l.all, l.regionStart, pieces, l.from, l.to, base, shift,
                CancellationToken.NONE);
        assertThat(got).as("seed %d", seed).containsExactly(reference(l.raw));
    }

    @Test
    void randomPairsAreThoseOfSortAndDistinct() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed * 7919);
            int shift = random.nextInt(6);
            int buckets = 1 + random.nextInt(40);
            int base = random.nextInt(3) * (buckets << shift);
            int span = buckets << shift;
            check(seed, base, shift, buckets, 1 + random.nextInt(6), random.nextInt(4000),
                    () -> base + random.nextInt(span), 1 + random.nextInt(50));
        }
    }

    @Test
    void skewedPairsAreThoseOfSortAndDistinct() {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            int shift = 4;
            int buckets = 8;
            int base = 1 << 10;
            // nine in ten pairs on one first record (a large block's member), few distinct seconds: many duplicates
            int hot = base + 3 * 16 + 5;
            check(seed, base, shift, buckets, 4, 20_000,
                    () -> random.nextInt(10) == 0 ? base + random.nextInt(buckets << shift) : hot, 300);
            // every pair in the last bucket, the others empty
            check(seed + 100, base, shift, buckets, 3, 5_000, () -> base + 7 * 16 + random.nextInt(16), 2_000);
        }
    }

    @Test
    void wideSecondsAndLargeRecordNumbersKeepTheirOrder() {
        Random random = new Random(5);
        int base = (1 << 30) - (1 << 12);
        check(5, base, 8, 16, 2, 10_000, () -> base + random.nextInt(1 << 12), Integer.MAX_VALUE - (1 << 30));
    }

    @Test
    void emptyRangeGivesNoPairs() {
        long[] got = BucketedPairs.distinct(new long[0], new int[] {0, 0, 0}, 2, new int[4], new int[4], 0, 3,
                CancellationToken.NONE);
        assertThat(got).isEmpty();
    }
}
