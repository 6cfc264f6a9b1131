package de.grw.matching.data;

import de.grw.normalising.Normaliser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.codec.language.ColognePhonetic;

/**
 * The normalised values of one field, dictionary-encoded: each record points to the id of its normalised value,
 * and features of a value (phonetic code, tokens, blank-free form) are computed once per distinct value.
 */
public final class PreparedField {
    private static final ColognePhonetic COLOGNE = new ColognePhonetic();

    private final String name;
    /**
     * The records' value ids: {@code ids[record * stride + offset]}. A field of a run's records shares one array with
     * the run's other fields, record by record ({@link PreparedRecords}: a pair's comparison then reads one or two
     * cache lines per record instead of one per field); a field on its own has stride 1.
     */
    private final int[] ids;
    private final int stride;
    private final int offset;
    private final int recordCount;
    private final String[] values;
    private final int[] counts;
    private final int presentCount;
    private volatile String[] compact;
    private volatile String[][] tokens;
    private volatile String[] phonetic;
    private volatile String[][] tokenPhonetics;
    private volatile Map<String, Integer> reverse;
    private volatile long[] charMasks;
    /** The larger field whose computed features this one's values share ({@link #subsetOf}), or {@code null}. */
    private final PreparedField origin;
    /** Per id of this field, the id of its value in {@link #origin} (-1: a value the origin does not carry). */
    private final int[] originIds;

    private PreparedField(String name, int[] ids, String[] values, int[] counts, int presentCount) {
        this(name, ids, 1, 0, ids.length, values, counts, presentCount);
    }

    private PreparedField(String name, int[] ids, String[] values, int[] counts, int presentCount,
                          PreparedField origin, int[] originIds) {
        this.name = name;
        this.ids = ids;
        this.stride = 1;
        this.offset = 0;
        this.recordCount = ids.length;
        this.values = values;
        this.counts = counts;
        this.presentCount = presentCount;
        this.origin = origin;
        this.originIds = originIds;
    }

    private PreparedField(String name, int[] ids, int stride, int offset, int recordCount, String[] values,
                          int[] counts, int presentCount) {
        this.name = name;
        this.ids = ids;
        this.stride = stride;
        this.offset = offset;
        this.recordCount = recordCount;
        this.values = values;
        this.counts = counts;
        this.presentCount = presentCount;
        this.origin = null;
        this.originIds = null;
    }

    /**
     * A field over a link call's few records whose values are mostly a larger field's (the link index's): each value
     * given with its id in that field ({@code originIds}, -1 for a value it does not carry, such as an incoming
     * record's). The features of a value the larger field carries (blank-free form, tokens, phonetic codes) are taken
     * from those it computed already instead of being computed again per call; a value it does not carry, or a
     * feature it has not computed, is computed here, as {@link #ofNormalised} would. The arrays are kept, not copied.
     *
     * @param ids          each record's value id ({@code -1}: no value), ids in {@code [0, values.length)}
     * @param values       the distinct normalised values by id
     * @param counts       how many records of the larger set carry each value
     * @param originIds    each value's id in {@code origin}, or -1
     * @param presentCount how many records of the larger set have a value at all
     */
    public static PreparedField subsetOf(PreparedField origin, int[] ids, String[] values, int[] counts,
                                         int[] originIds, int presentCount) {
        if (values.length != counts.length || values.length != originIds.length) {
            throw new IllegalArgumentException("values, counts and origin ids differ in length");
        }
        return new PreparedField(origin.name, ids, values, counts, presentCount, origin, originIds);
    }

    /**
     * A field rebuilt from its parts, as {@link #id}, {@link #valueOfId}, {@link #count} and {@link #presentCount}
     * give them: the Spark job ships a run's prepared fields to its executors in this compact form (the records'
     * value ids in one array, record by record, and per field its distinct normalised values with their counts), so
     * an executor neither holds the original values nor normalises again.
     *
     * @param rows   the records' value ids, {@code rows[record * stride + offset]} (-1: no value); not copied
     * @param values the distinct normalised values, by id; {@code counts} how many records carry each
     */
    public static PreparedField of(String name, int[] rows, int stride, int offset, int recordCount, String[] values,
                                   int[] counts, int presentCount) {
        if (values.length != counts.length || (long) recordCount * stride > rows.length) {
            throw new IllegalArgumentException("field '" + name + "': " + values.length + " values, " + counts.length
                    + " counts, " + rows.length + " ids for " + recordCount + " records of stride " + stride);
        }
        return new PreparedField(name, rows, stride, offset, recordCount, values, counts, presentCount);
    }

    /** Normalises a column: every distinct original value is normalised once. */
    public static PreparedField prepare(String name, RecordTable table, int field, Normaliser normaliser) {
        return prepare(name, table, field, normaliser, null, 0);
    }

    /**
     * As {@link #prepare(String, RecordTable, int, Normaliser)}, with the normalised values of the first
     * {@code keptCount} records taken from {@code kept} (their ids and the values' numbering are those a fresh
     * preparation gives: order of first occurrence); only the records after them are normalised. The kept field's
     * value list and map are taken over, not copied (a kept field serves one preparation).
     */
    static PreparedField prepare(String name, RecordTable table, int field, Normaliser normaliser,
                                 KeptValues.Field kept, int keptCount) {
        int n = table.size();
        int[] ids = new int[n];
        // maps of strings to ints in arrays: a million records' fields without an entry and a boxed id per value
        de.grw.matching.util.StringIntMap byOriginal = new de.grw.matching.util.StringIntMap();
        de.grw.matching.util.StringIntMap byNormalised;
        List<String> values;
        int[] counts;
        int present = 0;
        int start = 0;
        if (kept == null) {
            byNormalised = new de.grw.matching.util.StringIntMap();
            values = new ArrayList<>();
            counts = new int[16];
        } else {
            byNormalised = kept.byValue();
            values = kept.values();
            counts = new int[Math.max(16, values.size())];
            System.arraycopy(kept.ids(), 0, ids, 0, keptCount);
            for (int r = 0; r < keptCount; r++) {
                int id = ids[r];
                if (id >= 0) {
                    counts[id]++;
                    present++;
                }
            }
            start = keptCount;
        }
        int[] codes = table.codes(field);
        String[] dictionary = table.dictionary(field);
        // the codes cover the records from here (the first ones of a table may be read only when asked for)
        int codesFrom = codes == null ? n : Math.min(n, Math.max(start, table.codesFrom()));
        // records in order: those held as values, then the dictionary-encoded ones (FieldIds says why in passes)
        FieldIds.Tally tally = new FieldIds.Tally(counts, present);
        if (start < codesFrom) {
            FieldIds.ofValues(table, field, normaliser, start, codesFrom, ids, byOriginal, byNormalised, values, tally);
        }
        if (codesFrom < n) {
            FieldIds.ofCodes(codes, dictionary, codesFrom - table.codesFrom(), normaliser, codesFrom, n, ids,
                    byNormalised, values, tally);
        }
        counts = tally.counts;
        present = tally.present;
        return new PreparedField(name, ids, values.toArray(new String[0]), Arrays.copyOf(counts, values.size()),
                present);
    }

    /**
     * A field held as values per record (not dictionary-encoded) remembers each original value's id only while that
     * finds values again: after this many originals not seen before, with fewer than one look-up in
     * {@link #ORIGINALS_MIN_HIT_RATIO} finding one, it stops (the ids are the same either way: given by the
     * normalised values, in order of first occurrence).
     */
    static final int ORIGINALS_SAMPLE = 1 << 14;
    static final int ORIGINALS_MIN_HIT_RATIO = 4;

    /**
     * A field over a few records whose values are normalised already, each value counted as in a larger set: the
     * link index scores an incoming record against its candidates with the workspace's term frequencies.
     *
     * @param normalised   the normalised value of each record ({@code null} when missing)
     * @param countOf      how many records of the larger set carry a value
     * @param presentCount how many records of the larger set have a value at all
     */
    public static PreparedField ofNormalised(String name, String[] normalised,
                                             java.util.function.ToIntFunction<String> countOf, int presentCount) {
        int n = normalised.length;
        int[] ids = new int[n];
        Map<String, Integer> byValue = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String v = normalised[r];
            if (v == null) {
                ids[r] = -1;
                continue;
            }
            Integer id = byValue.get(v);
            if (id == null) {
                id = values.size();
                values.add(v);
                byValue.put(v, id);
            }
            ids[r] = id;
        }
        int[] counts = new int[values.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = countOf.applyAsInt(values.get(i));
        }
        return new PreparedField(name, ids, values.toArray(new String[0]), counts, presentCount);
    }

    /**
     * As {@link #ofNormalised(String, String[], java.util.function.ToIntFunction, int)}, with each record's value
     * counted already ({@code countOfRecord[r]}: how many records of the larger set carry record r's value; records
     * of equal values give equal counts). Made for the few records of one link call: values are told apart without
     * a map when they are few.
     */
    public static PreparedField ofNormalised(String name, String[] normalised, int[] countOfRecord,
                                             int presentCount) {
        int n = normalised.length;
        if (n > 64) {
            return ofNormalised(name, normalised, countsByValue(normalised, countOfRecord), presentCount);
        }
        int[] ids = new int[n];
        String[] values = new String[n];
        int[] counts = new int[n];
        int distinct = 0;
        for (int r = 0; r < n; r++) {
            String v = normalised[r];
            if (v == null) {
                ids[r] = -1;
                continue;
            }
            int id = -1;
            for (int d = 0; d < distinct; d++) {
                if (values[d].equals(v)) {
                    id = d;
                    break;
                }
            }
            if (id < 0) {
                id = distinct++;
                values[id] = v;
                counts[id] = countOfRecord[r];
            }
            ids[r] = id;
        }
        return new PreparedField(name, ids, Arrays.copyOf(values, distinct), Arrays.copyOf(counts, distinct),
                presentCount);
    }

    private static java.util.function.ToIntFunction<String> countsByValue(String[] normalised, int[] countOfRecord) {
        Map<String, Integer> byValue = new HashMap<>();
        for (int r = 0; r < normalised.length; r++) {
            if (normalised[r] != null) {
                byValue.putIfAbsent(normalised[r], countOfRecord[r]);
            }
        }
        return byValue::get;
    }

    /**
     * This field over a shared array of all fields' ids, record by record ({@code rows[record * stride + offset]}),
     * into which its ids were copied ({@link #copyIds}); the dictionary and its counts are shared, nothing is computed
     * again.
     */
    PreparedField inRows(int[] rows, int stride, int offset) {
        return new PreparedField(name, rows, stride, offset, recordCount, values, counts, presentCount);
    }

    /** Copies the ids of records {@code from .. to-1} into a shared array of all fields' ids (see {@link #inRows}). */
    void copyIds(int[] rows, int stride, int offset, int from, int to) {
        for (int r = from; r < to; r++) {
            rows[r * stride + offset] = id(r);
        }
    }

    /** The id of a normalised value, or -1 when no record carries it; the lookup is built at the first call. */
    public int idOf(String normalisedValue) {
        Map<String, Integer> lookup = reverse;
        if (lookup == null) {
            synchronized (this) {
                lookup = reverse;
                if (lookup == null) {
                    lookup = new HashMap<>(values.length * 2);
                    for (int i = 0; i < values.length; i++) {
                        lookup.put(values[i], i);
                    }
                    reverse = lookup;
                }
            }
        }
        return lookup.getOrDefault(normalisedValue, -1);
    }

    /** Builds the lookup {@link #idOf} uses now rather than at its first call (the link index, at build time). */
    public void buildLookup() {
        idOf("");
    }

    public String name() {
        return name;
    }

    /** Id of the record's normalised value, or -1 when missing. */
    public int id(int record) {
        return ids[record * stride + offset];
    }

    /** The normalised value of a record, or {@code null}. */
    public String value(int record) {
        int id = ids[record * stride + offset];
        return id < 0 ? null : values[id];
    }

    public String valueOfId(int id) {
        return values[id];
    }

    public int distinctCount() {
        return values.length;
    }

    /** How many records carry this value. */
    public int count(int id) {
        return counts[id];
    }

    /** How many records have a value at all. */
    public int presentCount() {
        return presentCount;
    }

    public int recordCount() {
        return recordCount;
    }

    /** The value without blanks, by id. */
    public String[] compactForms() {
        String[] c = compact;
        if (c == null) {
            c = compute(v -> v.replace(" ", ""), String[]::new, o -> o.compact);
            compact = c;
        }
        return c;
    }

    /**
     * Each value's characters as a 64-bit set, by id ({@link #charMask}):
     * a Jaro-Winkler level refuses most pairs by their masks without comparing the strings.
     */
    public long[] charMasks() {
        long[] m = charMasks;
        if (m == null) {
            m = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                m[i] = charMask(values[i]);
            }
            charMasks = m;
        }
        return m;
    }

    /**
     * The characters of a string as a set of 64 bits (character {@code c} sets bit {@code c & 63}; characters that
     * share a bit only make the set coarser): a bit in one string's mask and not in the other's is a character of the
     * one that occurs nowhere in the other.
     */
    public static long charMask(String s) {
        long mask = 0;
        for (int i = 0; i < s.length(); i++) {
            mask |= 1L << (s.charAt(i) & 63);
        }
        return mask;
    }

    /** The blank-separated tokens of each value, by id. */
    public String[][] tokens() {
        String[][] t = tokens;
        if (t == null) {
            t = compute(de.grw.common.Words::splitAtBlanks, String[][]::new, o -> o.tokens);
            tokens = t;
        }
        return t;
    }

    /** Kölner Phonetik of the whole value (blanks removed), by id; {@code null} where it has no code. */
    public String[] phonetic() {
        String[] p = phonetic;
        if (p == null) {
            p = compute(v -> emptyToNull(COLOGNE.colognePhonetic(v.replace(" ", ""))), String[]::new,
                    o -> o.phonetic);
            phonetic = p;
        }
        return p;
    }

    /** Kölner Phonetik of each token, by id. */
    public String[][] tokenPhonetics() {
        String[][] p = tokenPhonetics;
        if (p == null) {
            String[][] toks = tokens();
            p = new String[values.length][];
            String[][] from = origin == null ? null : origin.tokenPhonetics;
            for (int i = 0; i < values.length; i++) {
                if (from != null && originIds[i] >= 0) {
                    p[i] = from[originIds[i]];
                    continue;
                }
                String[] codes = new String[toks[i].length];
                for (int k = 0; k < codes.length; k++) {
                    codes[k] = emptyToNull(COLOGNE.colognePhonetic(toks[i][k]));
                }
                p[i] = codes;
            }
            tokenPhonetics = p;
        }
        return p;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s.intern();
    }

    /** A feature per value: the origin's where it computed it for the value ({@link #subsetOf}), else computed. */
    private <T> T[] compute(Function<String, T> f, java.util.function.IntFunction<T[]> array,
                            Function<PreparedField, T[]> computedBy) {
        T[] out = array.apply(values.length);
        T[] from = origin == null ? null : computedBy.apply(origin);
        for (int i = 0; i < values.length; i++) {
            out[i] = from != null && originIds[i] >= 0 ? from[originIds[i]] : f.apply(values[i]);
        }
        return out;
    }
}
