package de.grw.matching.util;

import java.util.Arrays;

/**
 * Sorting of large arrays of hashed keys (blocking key entries: {@code key << bits | record}, the key a hash). Such
 * values spread evenly over the range, so one counting pass over their top bits puts them into buckets of a few
 * values each, which are then sorted on their own: two linear passes and many tiny sorts instead of some twenty
 * levels of quicksort over the whole array (the sort of every rule's entries was a tenth of an incremental run's
 * CPU time). The result is exactly that of {@link Arrays#sort(long[])} (signed order); skewed values only make some
 * buckets larger, which are then sorted by {@link Arrays#sort(long[], int, int)}.
 */
public final class LongSort {
    /** Below this length the array is sorted directly. */
    static final int DIRECT_BELOW = 1 << 15;

    private LongSort() {
    }

    /** Sorts {@code a} in place, ascending (signed), as {@link Arrays#sort(long[])}. */
    public static void sort(long[] a) {
        long[] out = sorted(a);
        if (out != a) {
            System.arraycopy(out, 0, a, 0, a.length);
        }
    }

    /**
     * The values of {@code a} sorted as {@link #sort}, in {@code a} itself or in a new array (a large one: the
     * buckets are filled into a new array, which is returned instead of being copied back); {@code a}'s content is
     * undefined afterwards. For a caller that needs only the sorted values.
     */
    public static long[] sorted(long[] a) {
        int n = a.length;
        if (n < DIRECT_BELOW) {
            Arrays.sort(a);
            return a;
        }
        // about four values a bucket, at most 2^20 buckets
        int bits = Math.min(20, 64 - Long.numberOfLeadingZeros(n) - 2);
        int shift = 64 - bits;
        // each pass is a method of its own: the JIT compiles a long loop as an on-stack replacement, of the whole
        // method around it, so one method of five loops was compiled five times over (eight in a million-record run)
        int[] start = bucketStarts(a, bits, shift);
        long[] out = scattered(a, start, bits, shift);
        sortBuckets(out, start, bits);
        return out;
    }

    /** Where each bucket begins in the sorted order (one more entry: the end). */
    private static int[] bucketStarts(long[] a, int bits, int shift) {
        int[] start = new int[(1 << bits) + 1];
        for (long v : a) {
            start[(int) ((v ^ Long.MIN_VALUE) >>> shift) + 1]++;
        }
        for (int b = 0; b < 1 << bits; b++) {
            start[b + 1] += start[b];
        }
        return start;
    }

    /** The values put into their buckets, in the order of {@code a} within each. */
    private static long[] scattered(long[] a, int[] start, int bits, int shift) {
        long[] out = new long[a.length];
        int[] next = Arrays.copyOf(start, 1 << bits);
        for (long v : a) {
            out[next[(int) ((v ^ Long.MIN_VALUE) >>> shift)]++] = v;
        }
        return out;
    }

    private static void sortBuckets(long[] out, int[] start, int bits) {
        for (int b = 0; b < 1 << bits; b++) {
            int from = start[b];
            int to = start[b + 1];
            if (to - from < 2) {
                continue;
            }
            if (to - from <= 24) {
                insertionSort(out, from, to); // most buckets hold a handful of values
            } else {
                Arrays.sort(out, from, to);
            }
        }
    }

    /** Sorts {@code a[from .. to-1]} by insertion: for the handfuls of values that buckets hold. */
    public static void insertionSort(long[] out, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long v = out[i];
            int j = i - 1;
            while (j >= from && out[j] > v) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = v;
        }
    }
}
