package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import java.util.Arrays;

/**
 * Walks the blocks of one rule's sorted key entries (the key in the high bits, the record index in the low
 * {@code recordBits}): each {@link #next()} fills {@link #block} with the next block's distinct records in ascending
 * order, skipping blocks of one record. Shared by the blocker's rule runs and {@link RangedCandidates}, so both see
 * the same blocks; cancellation is checked about every 4,096 entries.
 */
final class SortedBlocks {
    private final long[] sorted;
    private final int recordBits;
    private final long recordMask;
    private final CancellationToken cancel;
    private int i;
    /** The current block's distinct records, the first {@link #size}; the array grows and is reused. */
    int[] block = new int[16];
    /** How many records of {@link #block} belong to the current block. */
    int size;

    SortedBlocks(long[] sorted, int recordBits, CancellationToken cancel) {
        this.sorted = sorted;
        this.recordBits = recordBits;
        this.recordMask = (1L << recordBits) - 1;
        this.cancel = cancel;
    }

    /** Moves to the next block of two or more records; false when none is left. */
    boolean next() {
        while (i < sorted.length) {
            if ((i & 0xfff) == 0) {
                cancel.throwIfCancelled();
            }
            long key = sorted[i] >>> recordBits;
            size = 0;
            int last = -1;
            int j = i;
            while (j < sorted.length && (sorted[j] >>> recordBits) == key) {
                int rec = (int) (sorted[j] & recordMask);
                if (rec != last) {
                    if (size == block.length) {
                        block = Arrays.copyOf(block, size * 2);
                    }
                    block[size++] = rec;
                    last = rec;
                }
                j++;
            }
            i = j;
            if (size >= 2) {
                return true;
            }
        }
        size = 0;
        return false;
    }
}
