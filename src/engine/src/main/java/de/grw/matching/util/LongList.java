package de.grw.matching.util;

import java.util.Arrays;

/** A growable list of primitive longs. */
public final class LongList {
    private long[] data;
    private int size;

    public LongList() {
        this(16);
    }

    public LongList(int capacity) {
        data = new long[Math.max(4, capacity)];
    }

    public void add(long v) {
        if (size == data.length) {
            grow(size + 1);
        }
        data[size++] = v;
    }

    public void addAll(LongList other) {
        grow(size + other.size);
        System.arraycopy(other.data, 0, data, size, other.size);
        size += other.size;
    }

    private void grow(int needed) {
        if (needed > data.length) {
            long capacity = Math.max(needed, (long) data.length + (data.length >> 1) + 16);
            if (capacity > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2^31 entries");
            }
            data = Arrays.copyOf(data, (int) capacity);
        }
    }

    public long get(int i) {
        return data[i];
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Copies the values into {@code dest} from {@code at}; returns how many. */
    public int copyTo(long[] dest, int at) {
        System.arraycopy(data, 0, dest, at, size);
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Sorts a long array in parallel and removes duplicates; returns the number of distinct values at the front. */
    public static int sortUnique(long[] values, int length) {
        Arrays.parallelSort(values, 0, length);
        if (length == 0) {
            return 0;
        }
        int w = 1;
        for (int r = 1; r < length; r++) {
            if (values[r] != values[w - 1]) {
                values[w++] = values[r];
            }
        }
        return w;
    }
}
