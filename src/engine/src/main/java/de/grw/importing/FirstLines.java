package de.grw.importing;

import java.util.Arrays;

/**
 * The line each record id was first seen on, for telling a repeated id: an open-addressing table of ids and lines in
 * two arrays. A million ids in a {@code HashMap<String, Long>} were a million entries and a million boxed lines, all
 * live through the import (so copied by every young collection); here they are two arrays.
 */
final class FirstLines {
    private String[] ids = new String[1024];
    private long[] lines = new long[1024];
    private int size;

    /**
     * Remembers {@code line} for {@code id} unless the id was seen before.
     *
     * @return the line the id was first seen on, or -1 when it is new (and now remembered)
     */
    long putIfAbsent(String id, long line) {
        int mask = ids.length - 1;
        int i = mix(id.hashCode()) & mask;
        while (true) {
            String at = ids[i];
            if (at == null) {
                ids[i] = id;
                lines[i] = line;
                if (++size > ids.length / 2) {
                    grow();
                }
                return -1;
            }
            if (at.equals(id)) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] oldIds = ids;
        long[] oldLines = lines;
        ids = new String[oldIds.length * 2];
        lines = new long[oldIds.length * 2];
        int mask = ids.length - 1;
        for (int j = 0; j < oldIds.length; j++) {
            String id = oldIds[j];
            if (id != null) {
                int i = mix(id.hashCode()) & mask;
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = id;
                lines[i] = oldLines[j];
            }
        }
        Arrays.fill(oldIds, null);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
