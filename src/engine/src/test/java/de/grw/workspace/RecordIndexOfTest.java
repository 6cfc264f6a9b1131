package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkspaceMatcher#indexOf} and {@link WorkspaceMatcher#indexes} find a record's table index by its distance
 * from the first id when a run's ids have no gap: they must give exactly what a binary search gives, with and
 * without gaps, for ids before, inside and after the run's.
 */
class RecordIndexOfTest {
    @Test
    void idsWithoutAGapGiveTheIndexOfABinarySearch() {
        long[] ids = new long[5_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1_000 + i;
        }
        agreeWithBinarySearch(ids, new Random(3));
    }

    @Test
    void idsWithGapsGiveTheIndexOfABinarySearch() {
        Random random = new Random(5);
        long[] ids = new long[5_000];
        long id = 7;
        for (int i = 0; i < ids.length; i++) {
            id += 1 + (random.nextInt(50) == 0 ? random.nextInt(3) + 1 : 0);
            ids[i] = id;
        }
        agreeWithBinarySearch(ids, random);
        // one gap only, at the end: as many ids as a gap-free run would span minus one
        long[] oneGap = new long[] {1, 2, 3, 4, 6};
        agreeWithBinarySearch(oneGap, random);
        assertThat(WorkspaceMatcher.indexOf(oneGap, 5)).isNegative();
        assertThat(WorkspaceMatcher.indexOf(oneGap, 6)).isEqualTo(4);
    }

    @Test
    void noIdsHoldNothing() {
        assertThat(WorkspaceMatcher.indexOf(new long[0], 1)).isNegative();
        assertThat(WorkspaceMatcher.indexes(new long[] {1, 2}, new long[0])).isEmpty();
    }

    private static void agreeWithBinarySearch(long[] ids, Random random) {
        long first = ids[0];
        long last = ids[ids.length - 1];
        for (long id = first - 20; id <= last + 20; id++) {
            int expected = Arrays.binarySearch(ids, id);
            int actual = WorkspaceMatcher.indexOf(ids, id);
            if (expected >= 0) {
                assertThat(actual).as("id %d", id).isEqualTo(expected);
            } else {
                assertThat(actual).as("id %d", id).isNegative();
            }
        }
        for (int round = 0; round < 200; round++) {
            long[] members = new long[1 + random.nextInt(6)];
            for (int k = 0; k < members.length; k++) {
                members[k] = first - 3 + random.nextInt((int) (last - first + 7));
            }
            Arrays.sort(members);
            long[] held = Arrays.stream(members).filter(m -> Arrays.binarySearch(ids, m) >= 0).toArray();
            int[] expected = Arrays.stream(held).mapToInt(m -> Arrays.binarySearch(ids, m)).toArray();
            assertThat(WorkspaceMatcher.indexes(members, ids)).containsExactly(expected);
        }
    }
}
