package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.matching.util.LongSort;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The distinct pairs of a range, sorted, from raw pairs (the duplicates between rules included) that the rules wrote
 * straight into buckets of first records: bucket {@code k} holds the pairs whose first record is in
 * {@code [base + k·2^shift, base + (k+1)·2^shift)}, in the array's region {@code [regionStart[k],
 * regionStart[k+1])}, as {@code pieces} slices {@code [from[k·pieces+p], to[k·pieces+p])} (a slice may end before the
 * next begins: a rule's filter may keep fewer pairs than counted). Each bucket is sorted on its own, in a buffer that
 * stays in the cache (about 3,000 pairs a bucket at a million records): a counting pass over its first records, then
 * each first record's second records sorted (a handful, by insertion) and their duplicates dropped. The buckets are
 * shared out between the threads of the common pool in chunks of about equal size.
 *
 * <p>Before, the range's ~11.5 M raw pairs at a million records were sorted as one array by
 * {@link Arrays#parallelSort(long[], int, int)}, which on two cores sorts in the calling thread alone (a third of
 * blocking's warm CPU in a quiet profile). In a probe of blocking alone (the benchmark's million, 5,380,783 distinct
 * pairs, warm rounds, under the lock, load 3-5) blocking took 1.7-2.1 CPU s and 1.1-1.4 s wall a round against
 * 2.4-3.9 CPU s and 2.4-3.9 s wall with the single sort; in the benchmark itself (cold, the u estimate beside it,
 * alternated with the single sort under the lock, load 2.1-2.6) the block phase took 3.8-4.3 s wall and 7.3-7.9 CPU s
 * against 4.3-5.2 s and 7.5-8.9 CPU s. The result is exactly that of sorting every slice's pairs together and
 * dropping duplicates ({@code BucketedPairsTest}).
 */
final class BucketedPairs {
    /** Chunks of buckets a range is shared out in (a few per thread, so that an uneven chunk does not hold up). */
    private static final int CHUNKS = 16;
    /** A first record's second records up to this many are sorted by insertion. */
    private static final int INSERTION_MAX = 24;

    private BucketedPairs() {
    }

    /**
     * The distinct pairs of all buckets, sorted ({@code (first << 32) | second}, first and second non-negative).
     * {@code all}'s content is undefined afterwards.
     *
     * @param base  first record of bucket 0
     * @param shift a bucket spans {@code 2^shift} first records
     */
    static long[] distinct(long[] all, int[] regionStart, int pieces, int[] from, int[] to, int base, int shift,
                           CancellationToken cancel) {
        int buckets = regionStart.length - 1;
        int[] distinct = new int[buckets];
        int[] chunkStart = chunks(regionStart, buckets);
        IntStream.range(0, chunkStart.length - 1).parallel().forEach(c -> {
            int lo = chunkStart[c];
            int hi = chunkStart[c + 1];
            int largest = 0;
            for (int k = lo; k < hi; k++) {
                largest = Math.max(largest, regionStart[k + 1] - regionStart[k]);
            }
            long[] scratch = new long[largest];
            int[] groups = new int[(1 << shift) + 1];
            for (int k = lo; k < hi; k++) {
                if ((k & 0x3f) == 0) {
                    cancel.throwIfCancelled();
                }
                distinct[k] = bucket(all, regionStart[k], pieces, from, to, k * pieces, base + (k << shift),
                        shift, scratch, groups);
            }
        });
        long total = 0;
        for (int d : distinct) {
            total += d;
        }
        long[] out = new long[Math.toIntExact(total)];
        int at = 0;
        for (int k = 0; k < buckets; k++) {
            System.arraycopy(all, regionStart[k], out, at, distinct[k]);
            at += distinct[k];
        }
        return out;
    }

    /** Bounds of the chunks of buckets: about equal numbers of raw pairs, each chunk at least one bucket. */
    private static int[] chunks(int[] regionStart, int buckets) {
        int chunks = Math.max(1, Math.min(CHUNKS, buckets));
        int[] bounds = new int[chunks + 1];
        long total = regionStart[buckets] - regionStart[0];
        int k = 0;
        for (int c = 1; c < chunks; c++) {
            long target = regionStart[0] + total * c / chunks;
            while (k < buckets && regionStart[k] < target) {
                k++;
            }
            bounds[c] = Math.max(k, bounds[c - 1]);
        }
        bounds[chunks] = buckets;
        return bounds;
    }

    /**
     * Sorts one bucket's pairs and writes the distinct ones to the front of its region; returns how many. A counting
     * pass by first record into {@code scratch}, then each first record's group sorted and its duplicates dropped.
     */
    private static int bucket(long[] all, int region, int pieces, int[] from, int[] to, int piece0, int first0,
                              int shift, long[] scratch, int[] groups) {
        int width = 1 << shift;
        Arrays.fill(groups, 0, width + 1, 0);
        int size = 0;
        for (int p = piece0; p < piece0 + pieces; p++) {
            for (int i = from[p]; i < to[p]; i++) {
                groups[(int) (all[i] >>> 32) - first0 + 1]++;
            }
            size += to[p] - from[p];
        }
        if (size == 0) {
            return 0;
        }
        for (int g = 0; g < width; g++) {
            groups[g + 1] += groups[g];
        }
        // groups[g] is now where first record g's pairs begin; placing them moves it to where they end
        for (int p = piece0; p < piece0 + pieces; p++) {
            for (int i = from[p]; i < to[p]; i++) {
                long v = all[i];
                scratch[groups[(int) (v >>> 32) - first0]++] = v;
            }
        }
        int w = region;
        int start = 0;
        for (int g = 0; g < width; g++) {
            int end = groups[g];
            if (end - start > INSERTION_MAX) {
                Arrays.sort(scratch, start, end);
            } else {
                LongSort.insertionSort(scratch, start, end);
            }
            for (int i = start; i < end; i++) {
                if (i == start || scratch[i] != scratch[i - 1]) {
                    all[w++] = scratch[i];
                }
            }
            start = end;
        }
        return w - region;
    }
}
