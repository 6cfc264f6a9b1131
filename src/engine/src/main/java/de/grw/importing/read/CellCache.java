package de.grw.importing.read;

import java.util.Arrays;

/**
 * The texts of a file's cells, shared per column: a cell whose text the column held before is given the same
 * {@code String} instead of a new one. Registers repeat most of their cells (given and family names, places, dates,
 * sexes, nationalities), and a new {@code String} per cell was the largest part of the import's garbage (half a
 * gigabyte for a million rows). Per column an open-addressing table of the texts seen (hash and text in two arrays;
 * the look-up hashes the parser's characters, so a known text costs no allocation), up to {@link #MAX_TEXTS} texts;
 * a column whose texts seldom repeat (ids, tax ids) stops being looked up after a sample, so it costs a hash of its
 * first cells only. The texts are the same as without the table, only shared.
 */
final class CellCache {
    /** Columns beyond this many are not cached. */
    static final int COLUMNS = 64;
    /** Longer texts are not cached (addresses, free text: they seldom repeat and cost a long comparison). */
    static final int MAX_LENGTH = 48;
    /** Texts kept per column at most (later new texts are made as without the table). */
    static final int MAX_TEXTS = 1 << 16;
    /** After this many look-ups a column is judged. */
    static final int SAMPLE = 4096;
    /** A column with fewer hits in its sample than this stops being looked up. */
    static final int MIN_HITS = SAMPLE / 8;

    private final Column[] columns = new Column[COLUMNS];
    private final boolean[] off = new boolean[COLUMNS];

    /** The text of {@code chars[start, end)} as the cell of column {@code column} (0-based); never empty. */
    String text(int column, char[] chars, int start, int end) {
        int length = end - start;
        if (column >= COLUMNS || length > MAX_LENGTH || off[column]) {
            return new String(chars, start, length);
        }
        Column c = columns[column];
        if (c == null) {
            c = new Column();
            columns[column] = c;
        }
        String text = c.text(chars, start, length);
        if (c.lookups == SAMPLE && c.hits < MIN_HITS) {
            off[column] = true;
            columns[column] = null;
        }
        return text;
    }

    /** Whether column {@code column} is still looked up (for tests). */
    boolean caching(int column) {
        return column < COLUMNS && !off[column];
    }

    /** One column's texts. */
    private static final class Column {
        private String[] texts = new String[256];
        /** The texts' characters, compared at once ({@code String.charAt} per character cost a fifth of parsing). */
        private char[][] chars = new char[256][];
        private int[] hashes = new int[256];
        private int size;
        /** Look-ups and hits, counted up to {@link #SAMPLE} look-ups. */
        private int lookups;
        private int hits;

        String text(char[] field, int start, int length) {
            int end = start + length;
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + field[i];
            }
            h ^= h >>> 16;
            int mask = texts.length - 1;
            int i = (h * 0x9E3779B9 >>> 8) & mask;
            String known;
            while ((known = texts[i]) != null) {
                if (hashes[i] == h && Arrays.equals(chars[i], 0, chars[i].length, field, start, end)) {
                    if (lookups < SAMPLE) {
                        lookups++;
                        hits++;
                    }
                    return known;
                }
                i = (i + 1) & mask;
            }
            if (lookups < SAMPLE) {
                lookups++;
            }
            String text = new String(field, start, length);
            if (size < MAX_TEXTS) {
                texts[i] = text;
                chars[i] = Arrays.copyOfRange(field, start, end);
                hashes[i] = h;
                if (++size > texts.length / 2) {
                    grow();
                }
            }
            return text;
        }

        private void grow() {
            String[] oldTexts = texts;
            char[][] oldChars = chars;
            int[] oldHashes = hashes;
            texts = new String[oldTexts.length * 2];
            chars = new char[oldTexts.length * 2][];
            hashes = new int[oldTexts.length * 2];
            int mask = texts.length - 1;
            for (int j = 0; j < oldTexts.length; j++) {
                if (oldTexts[j] != null) {
                    int i = (oldHashes[j] * 0x9E3779B9 >>> 8) & mask;
                    while (texts[i] != null) {
                        i = (i + 1) & mask;
                    }
                    texts[i] = oldTexts[j];
                    chars[i] = oldChars[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
    }
}
