package de.grw.matching.util;

import java.util.Arrays;

/**
 * One instance per distinct string (open addressing in one array): the import shares equal values of a field between
 * records with it, without a map entry per distinct value. Not thread-safe.
 */
public final class StringPool {
    private String[] slots = new String[64];
    private int size;

    /** The pool's instance equal to {@code s}; {@code s} itself (now pooled) when there was none. */
    public String share(String s) {
        int mask = slots.length - 1;
        int i = mix(s.hashCode()) & mask;
        while (true) {
            String at = slots[i];
            if (at == null) {
                slots[i] = s;
                if (++size > slots.length / 2) {
                    grow();
                }
                return s;
            }
            if (at.equals(s)) {
                return at;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Forgets every string. */
    public void clear() {
        slots = new String[64];
        size = 0;
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String s : old) {
            if (s != null) {
                int i = mix(s.hashCode()) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
        Arrays.fill(old, null);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
