package de.grw.matching.data;

import de.grw.importing.SourceRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        private final List<de.grw.matching.util.StringPool> interned = new ArrayList<>();
        private final boolean[] internOff;
        /**
         * Records in blocks of {@link #BLOCK} (record ids, sources and per field the values): a growing table adds a
         * block instead of copying every column into one half again as large, as it did before (for a million records
         * that copying was a quarter of a gigabyte of garbage); {@link #build} copies each column once.
         */
        static final int BLOCK = 1 << 14;
        private final List<int[]> sourceOf = new ArrayList<>();
        private final List<String[]> recordIds = new ArrayList<>();
        private final List<String[][]> columns = new ArrayList<>();
        private final int firstBlock;
        private int size;

        public Builder(int fieldCount) {
            this(fieldCount, 1024);
        }

        /**
         * @param expectedSize how many records are expected (the arrays grow beyond it); a small table (the link
         *                     index builds two per call) thus does not allocate room for a thousand records
         */
        public Builder(int fieldCount, int expectedSize) {
            this.firstBlock = Math.max(2, Math.min(BLOCK, expectedSize));
            this.fieldCount = fieldCount;
            this.internOff = new boolean[fieldCount];
            // sharing values pays in a large table only; a small one would allocate a map per field for nothing
            boolean share = expectedSize >= SHARE_FROM;
            for (int f = 0; f < fieldCount; f++) {
                interned.add(share ? new de.grw.matching.util.StringPool() : null);
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
            int block = size / BLOCK;
            int at = size % BLOCK;
            if (block == recordIds.size()) {
                addBlock();
            } else if (at == recordIds.get(block).length) {
                // the first block, smaller for a small table, grows to full size
                int capacity = Math.min(BLOCK, Math.max(at + 2, at * 2));
                sourceOf.set(block, Arrays.copyOf(sourceOf.get(block), capacity));
                recordIds.set(block, Arrays.copyOf(recordIds.get(block), capacity));
                String[][] cols = columns.get(block);
                for (int f = 0; f < fieldCount; f++) {
                    cols[f] = Arrays.copyOf(cols[f], capacity);
                }
            }
            sourceOf.get(block)[at] = source;
            recordIds.get(block)[at] = recordId;
            String[][] cols = columns.get(block);
            for (int f = 0; f < fieldCount; f++) {
                String v = values[f];
                if (v == null || alreadyShared || internOff[f]) {
                    cols[f][at] = v;
                } else {
                    cols[f][at] = interned.get(f).share(v);
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

        private void addBlock() {
            int capacity = recordIds.isEmpty() ? firstBlock : BLOCK;
            sourceOf.add(new int[capacity]);
            recordIds.add(new String[capacity]);
            columns.add(new String[fieldCount][capacity]);
        }

        public RecordTable build() {
            String[][] cols = new String[fieldCount][size];
            int[] sources = new int[size];
            String[] ids = new String[size];
            for (int block = 0, from = 0; from < size; block++, from += BLOCK) {
                int length = Math.min(BLOCK, size - from);
                System.arraycopy(sourceOf.get(block), 0, sources, from, length);
                System.arraycopy(recordIds.get(block), 0, ids, from, length);
                String[][] blockColumns = columns.get(block);
                for (int f = 0; f < fieldCount; f++) {
                    System.arraycopy(blockColumns[f], 0, cols[f], from, length);
                }
            }
            interned.clear();
            return new RecordTable(sourceNames, sources, ids, cols, size);
        }
    }
}
