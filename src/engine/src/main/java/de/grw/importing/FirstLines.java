package de.grw.importing;

/**
 * The line each record id was first seen on, for telling a repeated id: an open-addressing table of ids and lines in
 * arrays. A million ids in a {@code HashMap<String, Long>} were a million entries and a million boxed lines, all
 * live through the import (so copied by every young collection); here they are arrays. The ids' hashes are kept too
 * (never 0, which marks a free slot), so a look-up reads the ids it does not match only when their hashes agree: for
 * a new id, the usual case, probing touches one array.
 */
final class FirstLines {
    private String[] ids = new String[1024];
    private long[] lines = new long[1024];
    private int[] hashes = new int[1024];
    private int size;

    /**
     * Remembers {@code line} for {@code id} unless the id was seen before.
     *
     * @return the line the id was first seen on, or -1 when it is new (and now remembered)
     */
    long putIfAbsent(String id, long line) {
        int mask = ids.length - 1;
        int h = mix(id.hashCode());
        int i = h & mask;
        while (true) {
            int at = hashes[i];
            if (at == 0) {
                hashes[i] = h;
                ids[i] = id;
                lines[i] = line;
                if (++size > ids.length / 2) {
                    grow();
                }
                return -1;
            }
            if (at == h && ids[i].equals(id)) {
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
        int[] oldHashes = hashes;
        ids = new String[oldIds.length * 2];
        lines = new long[oldIds.length * 2];
        hashes = new int[oldIds.length * 2];
        int mask = ids.length - 1;
        for (int j = 0; j < oldIds.length; j++) {
            int h = oldHashes[j];
            if (h != 0) {
                int i = h & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                ids[i] = oldIds[j];
                lines[i] = oldLines[j];
            }
        }
    }

    /** The slot hash of an id's hash: spread, never 0. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}
