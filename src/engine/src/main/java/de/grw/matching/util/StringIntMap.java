package de.grw.matching.util;

import java.util.Arrays;

/**
 * A map from strings to non-negative ints in two arrays (open addressing, linear probing): the dictionaries of a
 * million records' values without an entry object and a boxed integer per distinct value. Not thread-safe.
 */
public final class StringIntMap {
    /** What {@link #get} returns for a key that is not in the map. */
    public static final int ABSENT = Integer.MIN_VALUE;

    private String[] keys;
    private int[] values;
    private int size;

    public StringIntMap() {
        this(16);
    }

    /** @param expected how many keys are expected (the map grows beyond that) */
    public StringIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
        keys = new String[capacity];
        values = new int[capacity];
    }

    /** The value of the key, or {@link #ABSENT}. */
    public int get(String key) {
        int mask = keys.length - 1;
        int i = mix(key.hashCode()) & mask;
        while (true) {
            String at = keys[i];
            if (at == null) {
                return ABSENT;
            }
            if (at == key || at.equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The key's value; a key not in the map is appended to {@code dictionary} and given its position there, so that
     * the map numbers a dictionary's values in the order they first came (the value codes of record tables and kept
     * values).
     */
    public int indexOf(String key, java.util.List<String> dictionary) {
        // one walk of the probe chain: a key not found is put into the empty slot that ended the walk (a look-up
        // and a put walked it twice; at a million records' values the walks were most of reading them)
        int mask = keys.length - 1;
        int i = mix(key.hashCode()) & mask;
        while (true) {
            String at = keys[i];
            if (at == null) {
                int code = dictionary.size();
                dictionary.add(key);
                keys[i] = key;
                values[i] = code;
                if (++size > keys.length / 2) {
                    grow();
                }
                return code;
            }
            if (at == key || at.equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets the key's value (replacing an earlier one). */
    public void put(String key, int value) {
        int mask = keys.length - 1;
        int i = mix(key.hashCode()) & mask;
        while (true) {
            String at = keys[i];
            if (at == null) {
                keys[i] = key;
                values[i] = value;
                if (++size > keys.length / 2) {
                    grow();
                }
                return;
            }
            if (at == key || at.equals(key)) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String key = oldKeys[j];
            if (key != null) {
                int i = mix(key.hashCode()) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldKeys, null);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
