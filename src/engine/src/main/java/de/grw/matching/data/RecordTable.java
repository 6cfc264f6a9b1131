package de.grw.matching.data;

import de.grw.importing.SourceRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a match run in columns: for each profile field one array of canonical values, plus each record's
 * source and id. Values are shared between records (a value that occurs a thousand times is stored once), which
 * keeps a million records in a few hundred megabytes.
 */
public final class RecordTable {
    private final List<String> sourceNames;
    private final int[] sourceOf;
    private final String[] recordIds;
    private final String[][] columns;
    private final int size;

    private RecordTable(List<String> sourceNames, int[] sourceOf, String[] recordIds, String[][] columns, int size) {
        this.sourceNames = List.copyOf(sourceNames);
        this.sourceOf = sourceOf;
        this.recordIds = recordIds;
        this.columns = columns;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public int fieldCount() {
        return columns.length;
    }

    /** The canonical value of a field of a record, or {@code null}. */
    public String value(int record, int field) {
        return columns[field][record];
    }

    public String recordId(int record) {
        return recordIds[record];
    }

    public int sourceIndex(int record) {
        return sourceOf[record];
    }

    public String sourceName(int record) {
        return sourceNames.get(sourceOf[record]);
    }

    public List<String> sourceNames() {
        return sourceNames;
    }

    /** Number of records per source, in source order. */
    public long[] sourceSizes() {
        long[] sizes = new long[sourceNames.size()];
        for (int i = 0; i < size; i++) {
            sizes[sourceOf[i]]++;
        }
        return sizes;
    }

    /** The records of several tables, in order (sources keep their names; equal names become one source). */
    public static RecordTable concat(List<RecordTable> tables) {
        int fieldCount = tables.isEmpty() ? 0 : tables.get(0).fieldCount();
        int total = 0;
        for (RecordTable t : tables) {
            total += t.size;
        }
        List<String> names = new ArrayList<>();
        int[] sourceOf = new int[total];
        String[] ids = new String[total];
        String[][] cols = new String[fieldCount][total];
        int pos = 0;
        for (RecordTable t : tables) {
            int[] remap = new int[t.sourceNames.size()];
            for (int s = 0; s < remap.length; s++) {
                String name = t.sourceNames.get(s);
                int index = names.indexOf(name);
                if (index < 0) {
                    names.add(name);
                    index = names.size() - 1;
                }
                remap[s] = index;
            }
            for (int r = 0; r < t.size; r++) {
                sourceOf[pos + r] = remap[t.sourceOf[r]];
            }
            System.arraycopy(t.recordIds, 0, ids, pos, t.size);
            for (int f = 0; f < fieldCount; f++) {
                System.arraycopy(t.columns[f], 0, cols[f], pos, t.size);
            }
            pos += t.size;
        }
        return new RecordTable(names, sourceOf, ids, cols, total);
    }

    /** Collects records one by one; not thread-safe. */
    public static final class Builder {
        /** The expected size from which equal values are shared between records. */
        static final int SHARE_FROM = 1024;
        private final int fieldCount;
        private final List<String> sourceNames = new ArrayList<>();
        private final List<Map<String, String>> interned = new ArrayList<>();
        private final boolean[] internOff;
        private int[] sourceOf;
        private String[] recordIds;
        private String[][] columns;
        private int size;

        public Builder(int fieldCount) {
            this(fieldCount, 1024);
        }

        /**
         * @param expectedSize how many records are expected (the arrays grow beyond it); a small table (the link
         *                     index builds two per call) thus does not allocate room for a thousand records
         */
        public Builder(int fieldCount, int expectedSize) {
            int capacity = Math.max(2, expectedSize);
            this.fieldCount = fieldCount;
            this.sourceOf = new int[capacity];
            this.recordIds = new String[capacity];
            this.columns = new String[fieldCount][capacity];
            this.internOff = new boolean[fieldCount];
            // sharing values pays in a large table only; a small one would allocate a map per field for nothing
            boolean share = expectedSize >= SHARE_FROM;
            for (int f = 0; f < fieldCount; f++) {
                interned.add(share ? new HashMap<>() : null);
                internOff[f] = !share;
            }
        }

        /** Registers a source and returns its index. */
        public int addSource(String name) {
            int existing = sourceNames.indexOf(name);
            if (existing >= 0) {
                return existing;
            }
            sourceNames.add(name);
            return sourceNames.size() - 1;
        }

        public Builder add(SourceRecord record) {
            int source = addSource(record.source());
            String[] values = new String[fieldCount];
            for (int f = 0; f < fieldCount; f++) {
                values[f] = record.value(f);
            }
            return add(source, record.recordId(), values);
        }

        public Builder add(int source, String recordId, String[] values) {
            return add(source, recordId, values, false);
        }

        /**
         * As {@link #add(int, String, String[])} for values that are shared already (taken from a dictionary of
         * distinct values, as a record snapshot holds them): they are stored as they are, without a look-up each.
         */
        public Builder addShared(int source, String recordId, String[] values) {
            return add(source, recordId, values, true);
        }

        private Builder add(int source, String recordId, String[] values, boolean alreadyShared) {
            if (values.length != fieldCount) {
                throw new IllegalArgumentException("expected " + fieldCount + " values, got " + values.length);
            }
            if (size == recordIds.length) {
                int capacity = Math.max(size + 2, size + (size >> 1));
                sourceOf = Arrays.copyOf(sourceOf, capacity);
                recordIds = Arrays.copyOf(recordIds, capacity);
                for (int f = 0; f < fieldCount; f++) {
                    columns[f] = Arrays.copyOf(columns[f], capacity);
                }
            }
            sourceOf[size] = source;
            recordIds[size] = recordId;
            for (int f = 0; f < fieldCount; f++) {
                String v = values[f];
                if (v == null || alreadyShared || internOff[f]) {
                    columns[f][size] = v;
                } else {
                    Map<String, String> map = interned.get(f);
                    String shared = map.putIfAbsent(v, v);
                    columns[f][size] = shared == null ? v : shared;
                }
            }
            size++;
            if (size == 20_000) {
                // sharing pays only for repeated values (names, places), not for ids, numbers, e-mail addresses
                for (int f = 0; f < fieldCount; f++) {
                    if (!internOff[f] && interned.get(f).size() > size / 2) {
                        internOff[f] = true;
                        interned.get(f).clear();
                    }
                }
            }
            return this;
        }

        public int size() {
            return size;
        }

        public RecordTable build() {
            String[][] cols = new String[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                cols[f] = Arrays.copyOf(columns[f], size);
            }
            interned.clear();
            return new RecordTable(sourceNames, Arrays.copyOf(sourceOf, size), Arrays.copyOf(recordIds, size), cols,
                    size);
        }
    }
}
