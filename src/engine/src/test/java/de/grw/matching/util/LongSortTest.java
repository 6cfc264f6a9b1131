package de.grw.matching.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bucketed sort gives exactly what {@link Arrays#sort(long[])} gives, for spread, skewed and signed values. */
class LongSortTest {
    private static void check(long[] a) {
        long[] expected = a.clone();
        Arrays.sort(expected);
        long[] sorted = a.clone();
        LongSort.sort(sorted);
        assertThat(Arrays.mismatch(sorted, expected)).as("first differing index of %d", a.length).isEqualTo(-1);
    }

    @Test
    void sortsAsArraysSortDoes() {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 5, LongSort.DIRECT_BELOW - 1, LongSort.DIRECT_BELOW, 100_003, 1 << 20}) {
            // hashed keys with record indexes in the low bits, negative ones among them
            long[] spread = new long[n];
            for (int i = 0; i < n; i++) {
                spread[i] = (random.nextLong() << 20) | random.nextInt(1 << 20);
            }
            check(spread);
            // few distinct keys (huge blocks), duplicates, and the extremes
            long[] skewed = new long[n];
            for (int i = 0; i < n; i++) {
                skewed[i] = i % 97 == 0 ? Long.MIN_VALUE : i % 89 == 0 ? Long.MAX_VALUE
                        : ((long) random.nextInt(3) << 40) | random.nextInt(50);
            }
            check(skewed);
            long[] small = new long[n];
            for (int i = 0; i < n; i++) {
                small[i] = random.nextInt(1000) - 500;
            }
            check(small);
        }
    }

    /** Not a measurement to rely on (the machine is shared), but the reason for the class: printed, not asserted. */
    @Test
    void isFasterThanQuicksortOnHashedEntries() {
        Random random = new Random(3);
        long[] a = new long[1 << 20];
        for (int i = 0; i < a.length; i++) {
            a[i] = (random.nextLong() << 21) | i;
        }
        long quick = 0;
        long bucketed = 0;
        for (int round = 0; round < 6; round++) {
            long[] x = a.clone();
            long t0 = System.nanoTime();
            Arrays.sort(x);
            long t1 = System.nanoTime();
            long[] y = a.clone();
            LongSort.sort(y);
            long t2 = System.nanoTime();
            if (round >= 2) {
                quick += t1 - t0;
                bucketed += t2 - t1;
            }
            assertThat(Arrays.mismatch(y, x)).isEqualTo(-1);
        }
        System.out.printf("1,048,576 hashed entries: Arrays.sort %.1f ms, LongSort %.1f ms%n", quick / 4e6,
                bucketed / 4e6);
    }
}
