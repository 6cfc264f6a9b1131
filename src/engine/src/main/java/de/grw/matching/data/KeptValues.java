package de.grw.matching.data;

import de.grw.matching.util.StringIntMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalised values of the first records of a run, kept from an earlier run (a workspace keeps them with its
 * record snapshot): per field each record's value id and the distinct normalised values by id, numbered in order of
 * first occurrence exactly as {@link PreparedField#prepare} numbers them. A run then normalises only the records after
 * them; the kept ones need neither a look-up of their original value nor the normaliser (which were most of the time
 * of normalising a million records, the look-ups more than the normalisers). {@link PreparedRecords#prepare} checks a
 * sample of the kept values against values normalised afresh before it uses a field's.
 *
 * <p>Built by adding the records' values in record order through {@link Builder}, segment by segment: a segment's
 * distinct normalised values are each looked up once, its records take their ids by index.
 */
public final class KeptValues {
    private final int count;
    private final Field[] fields;

    /** One field's kept values: {@code ids[r]} for the first {@code count} records (-1: no value). */
    record Field(int[] ids, List<String> values, StringIntMap byValue) {
    }

    private KeptValues(int count, Field[] fields) {
        this.count = count;
        this.fields = fields;
    }

    /** How many records (the first ones of the run) the kept values cover. */
    public int count() {
        return count;
    }

    public int fieldCount() {
        return fields.length;
    }

    Field field(int f) {
        return fields[f];
    }

    /** The kept normalised value of a record's field, or {@code null}. */
    public String value(int record, int field) {
        int id = fields[field].ids[record];
        return id < 0 ? null : fields[field].values.get(id);
    }

    /** Adds records segment by segment, in record order. */
    public static final class Builder {
        private final int[][] ids;
        private final List<List<String>> values = new ArrayList<>();
        private final StringIntMap[] byValue;
        private int count;

        /** @param expected how many records will be added (the arrays are exactly that large; more is an error) */
        public Builder(int fieldCount, int expected) {
            ids = new int[fieldCount][expected];
            byValue = new StringIntMap[fieldCount];
            for (int f = 0; f < fieldCount; f++) {
                values.add(new ArrayList<>());
                byValue[f] = new StringIntMap(Math.max(16, expected / 4));
            }
        }

        /**
         * Adds the records of a segment: per field its distinct normalised values ({@code distinct[f]}, in order of
         * first occurrence among the segment's records), the normalised value of each of its distinct original values
         * ({@code normalisedOf[f][code]}: an index into {@code distinct[f]}, -1 for none) and each record's original
         * code ({@code codes[f][r]}, -1: no value).
         */
        public void addSegment(String[][] distinct, int[][] normalisedOf, int[][] codes, int records) {
            if (ids.length > 0 && count + records > ids[0].length) {
                throw new IllegalArgumentException("more records than expected");
            }
            for (int f = 0; f < ids.length; f++) {
                String[] own = distinct[f];
                int[] global = new int[own.length];
                List<String> vals = values.get(f);
                StringIntMap map = byValue[f];
                for (int j = 0; j < own.length; j++) {
                    global[j] = map.indexOf(own[j], vals);
                }
                int[] of = normalisedOf[f];
                int[] out = ids[f];
                int[] in = codes[f];
                for (int r = 0; r < records; r++) {
                    int c = in[r];
                    int j = c < 0 ? -1 : of[c];
                    out[count + r] = j < 0 ? -1 : global[j];
                }
            }
            count += records;
        }

        public KeptValues build() {
            Field[] fields = new Field[ids.length];
            for (int f = 0; f < ids.length; f++) {
                fields[f] = new Field(ids[f], values.get(f), byValue[f]);
            }
            return new KeptValues(count, fields);
        }
    }
}
