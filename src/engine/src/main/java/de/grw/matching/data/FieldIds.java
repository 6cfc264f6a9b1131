package de.grw.matching.data;

import de.grw.matching.util.StringIntMap;
import de.grw.normalising.Normaliser;
import java.util.Arrays;
import java.util.List;

/**
 * How {@link PreparedField#prepare} numbers a field's normalised values record by record, pass by pass. Each pass is
 * a method of its own, and a field's normaliser is called in a short loop over the distinct values only: a single
 * loop over all records that called the normaliser was compiled by the JIT for the first field's normaliser, thrown
 * away and compiled again for the next fields' (in a million-record run nine times, six as on-stack replacements).
 */
final class FieldIds {
    private FieldIds() {
    }

    /** How many records carry each value id, and how many carry one at all. */
    static final class Tally {
        int[] counts;
        int present;

        Tally(int[] counts, int present) {
            this.counts = counts;
            this.present = present;
        }

        /** Counts the record ids {@code from .. to-1} carry (-1: none). */
        void count(int[] ids, int from, int to) {
            int[] c = counts;
            int p = 0;
            for (int r = from; r < to; r++) {
                int id = ids[r];
                if (id >= 0) {
                    if (id >= c.length) {
                        c = Arrays.copyOf(c, Math.max(id + 1, c.length * 2));
                    }
                    c[id]++;
                    p++;
                }
            }
            counts = c;
            present += p;
        }
    }

    /** The ids of records {@code from .. to-1}, whose field the table holds as values. */
    static void ofValues(RecordTable table, int field, Normaliser normaliser, int from, int to, int[] ids,
                         StringIntMap byOriginal, StringIntMap byNormalised, List<String> values, Tally tally) {
        String lastOriginal = null;
        int lastId = -1;
        int hits = 0;
        int misses = 0;
        for (int r = from; r < to; r++) {
            String original = table.value(r, field);
            if (original == null) {
                ids[r] = -1;
                continue;
            }
            int id;
            if (original == lastOriginal) {
                // a run of one value (a source's constant) is found without a look-up
                id = lastId;
            } else if (byOriginal != null) {
                id = byOriginal.get(original);
                if (id != StringIntMap.ABSENT) {
                    hits++;
                } else if (++misses == PreparedField.ORIGINALS_SAMPLE
                        && hits < misses / PreparedField.ORIGINALS_MIN_HIT_RATIO) {
                    // mostly distinct values (ids, tax ids): remembering each original costs a second map of them
                    // all and finds next to nothing; every later value is normalised and looked up once
                    byOriginal = null;
                }
            } else {
                id = StringIntMap.ABSENT;
            }
            if (id == StringIntMap.ABSENT) {
                id = byNormalised(sameOrOwn(normaliser.normalise(original), original), byNormalised, values);
                if (byOriginal != null) {
                    byOriginal.put(original, id);
                }
            }
            lastOriginal = original;
            lastId = id;
            ids[r] = id;
        }
        tally.count(ids, from, to);
    }

    /**
     * The ids of records {@code from .. to-1}, whose field the table holds as codes (record
     * {@code r}'s at {@code codes[r - from + codeAt]}): each distinct value is normalised and looked up once, by its
     * code, in the order the records first carry it (so the ids are numbered as one pass over the records would).
     */
    static void ofCodes(int[] codes, String[] dictionary, int codeAt, Normaliser normaliser, int from, int to,
                        int[] ids, StringIntMap byNormalised, List<String> values, Tally tally) {
        int[] firstUsed = codesInFirstUse(codes, codeAt, to - from, dictionary.length);
        int[] byCode = new int[dictionary.length];
        for (int c : firstUsed) {
            byCode[c] = byNormalised(sameOrOwn(normaliser.normalise(dictionary[c]), dictionary[c]), byNormalised,
                    values);
        }
        for (int r = from; r < to; r++) {
            int code = codes[r - from + codeAt];
            ids[r] = code < 0 ? -1 : byCode[code];
        }
        tally.count(ids, from, to);
    }

    /** The distinct codes among {@code codes[at .. at+count-1]} (-1: none), in the order of their first use. */
    private static int[] codesInFirstUse(int[] codes, int at, int count, int dictionarySize) {
        boolean[] seen = new boolean[dictionarySize];
        int[] order = new int[dictionarySize];
        int distinct = 0;
        for (int i = at; i < at + count; i++) {
            int code = codes[i];
            if (code >= 0 && !seen[code]) {
                seen[code] = true;
                order[distinct++] = code;
            }
        }
        return Arrays.copyOf(order, distinct);
    }

    /**
     * The table's own value when normalising left it as it was: the field then holds no second String of it (tax ids
     * and record ids come back from their normalisers as equal copies: 56 bytes a record each at 11 digits).
     */
    private static String sameOrOwn(String normalised, String original) {
        return normalised != null && normalised.equals(original) ? original : normalised;
    }

    /**
     * The id of a normalised value ({@code null}: -1), a new one in order of first occurrence
     * ({@link StringIntMap#indexOf}: the value list is the map's dictionary).
     */
    private static int byNormalised(String norm, StringIntMap byNormalised, List<String> values) {
        return norm == null ? -1 : byNormalised.indexOf(norm, values);
    }
}
