package de.grw.matching.data;

import de.grw.importing.SourceRecord;
import de.grw.matching.util.StringIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of a match run in columns: for each profile field the records' canonical values, plus each record's
 * source and id. A field whose values repeat (names, places, dates) is dictionary-encoded: each record holds the code
 * of its value in the field's dictionary of distinct values, so a value that occurs a thousand times is stored once
 * and normalising ({@link PreparedField#prepare}) works per distinct value by code, without looking values up again;
 * a field of mostly distinct values (ids, e-mail addresses) holds the values themselves.
 */
public final class RecordTable {
    private final List<String> sourceNames;
    private final int[] sourceOf;
    private final String[] recordIds;
    /** Per field the values themselves, or {@code null} for a dictionary-encoded field. */
    private final String[][] columns;
    /**
     * Per dictionary-encoded field the records' codes (-1: no value), else {@code null}; {@code null} too for an
     * encoded field without any value (its dictionary empty).
     */
    private final int[][] codes;
    /** Per dictionary-encoded field its distinct values, in order of first occurrence, else {@code null}. */
    private final String[][] dictionaries;
    private final int size;
    /** The first records, read when asked for ({@code null}: none); the arrays above hold the records after them. */
    private final LazyRecords lazy;
    /** How many records {@link #lazy} holds: record r of the table is r - lazyCount of the arrays. */
    private final int lazyCount;

    private RecordTable(List<String> sourceNames, int[] sourceOf, String[] recordIds, String[][] columns,
                        int[][] codes, String[][] dictionaries, int size) {
        this(sourceNames, sourceOf, recordIds, columns, codes, dictionaries, size, null);
    }

    /** @param sourceOf every record's source, the lazy ones' included; the other arrays of the records after them */
    private RecordTable(List<String> sourceNames, int[] sourceOf, String[] recordIds, String[][] columns,
                        int[][] codes, String[][] dictionaries, int size, LazyRecords lazy) {
        this.lazy = lazy;
        this.lazyCount = lazy == null ? 0 : lazy.size();
        this.sourceNames = List.copyOf(sourceNames);
        this.sourceOf = sourceOf;
        this.recordIds = recordIds;
        this.columns = columns;
        this.codes = codes;
        this.dictionaries = dictionaries;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public int fieldCount() {
        return columns.length;
    }

    /**
     * Records known by their sources only, without ids or values: the Spark job's executors get their records
     * prepared already ({@link PreparedField#of}), and blocking, comparisons and clustering ask a record's table for
     * its source alone. {@link #value} and {@link #recordId} give {@code null}.
     */
    public static RecordTable ofSources(List<String> sourceNames, int[] sourceOf, int fieldCount) {
        return new RecordTable(sourceNames, sourceOf, null, new String[fieldCount][], new int[fieldCount][],
                new String[fieldCount][], sourceOf.length);
    }

    /** The canonical value of a field of a record, or {@code null}. */
    public String value(int record, int field) {
        if (record < lazyCount) {
            return lazy.value(record, field);
        }
        record -= lazyCount;
        String[] column = columns[field];
        if (column != null) {
            return column[record];
        }
        int[] own = codes[field];
        if (own == null) {
            return null;
        }
        int code = own[record];
        return code < 0 ? null : dictionaries[field][code];
    }

    /**
     * How many first records are read when asked for ({@link LazyRecords}): {@link #codes} and {@link #dictionary}
     * cover the records after them, record r at {@code r - codesFrom()}.
     */
    int codesFrom() {
        return lazyCount;
    }

    /**
     * The distinct values of a dictionary-encoded field, in order of first occurrence among the records (see
     * {@link #codes}), or {@code null} when the field holds its values per record. Not to be changed.
     */
    String[] dictionary(int field) {
        return dictionaries[field];
    }

    /**
     * The records' codes into {@link #dictionary} (-1 for no value), or {@code null} (a field of values, or an encoded
     * field whose dictionary is empty). Not to be changed.
     */
    int[] codes(int field) {
        return codes[field];
    }

    public String recordId(int record) {
        if (record < lazyCount) {
            return lazy.recordId(record);
        }
        return recordIds == null ? null : recordIds[record - lazyCount];
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

    /**
     * The records of several tables, in order (sources keep their names; equal names become one source). A field
     * dictionary-encoded in every table stays so (one dictionary, in order of first occurrence); otherwise it holds
     * its values per record.
     */
    public static RecordTable concat(List<RecordTable> tables) {
        // each loop is a method of its own: the JIT compiled this one method as an on-stack replacement at every
        // loop (six times in a million-record run), each time the whole method
        int fieldCount = tables.isEmpty() ? 0 : tables.get(0).fieldCount();
        int total = 0;
        for (RecordTable t : tables) {
            total += t.size;
        }
        List<String> names = new ArrayList<>();
        int[] sourceOf = new int[total];
        String[] ids = new String[total];
        String[][] cols = new String[fieldCount][];
        int[][] codes = new int[fieldCount][];
        String[][] dictionaries = new String[fieldCount][];
        int pos = 0;
        for (RecordTable t : tables) {
            copySourcesAndIds(t, names, sourceOf, ids, pos);
            pos += t.size;
        }
        for (int f = 0; f < fieldCount; f++) {
            boolean allEncoded = true;
            for (RecordTable t : tables) {
                allEncoded &= t.dictionaries[f] != null && t.lazyCount == 0;
            }
            if (allEncoded) {
                codes[f] = new int[total];
                StringIntMap byValue = new StringIntMap();
                List<String> dictionary = new ArrayList<>();
                pos = 0;
                for (RecordTable t : tables) {
                    int[] to = recode(t.dictionaries[f], byValue, dictionary);
                    copyCodes(t.codes[f], to, codes[f], pos, t.size);
                    pos += t.size;
                }
                dictionaries[f] = dictionary.toArray(new String[0]);
                if (dictionary.isEmpty()) {
                    codes[f] = null; // no record has a value: no codes either
                }
            } else {
                cols[f] = new String[total];
                pos = 0;
                for (RecordTable t : tables) {
                    t.copyValues(f, cols[f], pos);
                    pos += t.size;
                }
            }
        }
        return new RecordTable(names, sourceOf, ids, cols, codes, dictionaries, total);
    }

    /** {@link #concat}: a table's source numbers (in the joined list of names) and record ids, from {@code pos}. */
    private static void copySourcesAndIds(RecordTable t, List<String> names, int[] sourceOf, String[] ids, int pos) {
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
        if (t.lazyCount == 0) {
            System.arraycopy(t.recordIds, 0, ids, pos, t.size);
        } else {
            for (int r = 0; r < t.size; r++) {
                ids[pos + r] = t.recordId(r);
            }
        }
    }

    /** {@link #concat}: each code of a table's dictionary as the code of its value in the joined dictionary. */
    private static int[] recode(String[] from, StringIntMap byValue, List<String> dictionary) {
        int[] to = new int[from.length];
        for (int c = 0; c < from.length; c++) {
            to[c] = byValue.indexOf(from[c], dictionary);
        }
        return to;
    }

    /** {@link #concat}: a table's codes ({@code null}: none) through {@code to} into the joined codes, from pos. */
    private static void copyCodes(int[] own, int[] to, int[] codes, int pos, int size) {
        for (int r = 0; r < size; r++) {
            codes[pos + r] = own == null || own[r] < 0 ? -1 : to[own[r]];
        }
    }

    /** {@link #concat}: a field's values record by record into {@code into}, from {@code pos}. */
    private void copyValues(int f, String[] into, int pos) {
        for (int r = 0; r < size; r++) {
            into[pos + r] = value(r, f);
        }
    }

    /** Collects records one by one; not thread-safe. */
    public static final class Builder {
        /** The expected size from which equal values are shared between records. */
        static final int SHARE_FROM = 1024;
        /**
         * After this many records, a field with more distinct values than half of them holds its values per record.
         * Decided at 20,000 records before: birth dates then had 73 to 83 distinct values in 100 (a few tens of
         * thousands of days among 20,000 records) and were held as a String per record (56 bytes each, 50 bytes a
         * record of a million-record run), though a million records have some 35,000 distinct dates. At 100,000 records
         * dates have about 32 distinct values in 100, ids, tax ids and e-mail addresses still nearly 100.
         */
        static final int DECIDE_AT = 100_000;
        /**
         * Records in blocks of {@link #BLOCK} (record ids, sources and per field the values or codes): a growing
         * table adds a block instead of copying every column into one half again as large, as it did before (for a
         * million records that copying was a quarter of a gigabyte of garbage); {@link #build} copies each column
         * once.
         */
        static final int BLOCK = 1 << 14;
        private final int fieldCount;
        private final List<String> sourceNames = new ArrayList<>();
        /** Per field encoded by a dictionary: value to code, else {@code null}. */
        private final StringIntMap[] byValue;
        private final List<List<String>> dictionaries = new ArrayList<>();
        private final List<int[]> sourceOf = new ArrayList<>();
        private final List<String[]> recordIds = new ArrayList<>();
        /** Per block and field the values ({@code null} for an encoded field). */
        private final List<String[][]> columns = new ArrayList<>();
        /** Per block and field the codes ({@code null} for a field of values). */
        private final List<int[][]> codes = new ArrayList<>();
        private final int firstBlock;
        private int size;
        private LazyRecords lazy;

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
            this.byValue = new StringIntMap[fieldCount];
            // sharing values pays in a large table only; a small one would allocate a map per field for nothing
            boolean share = expectedSize >= SHARE_FROM;
            for (int f = 0; f < fieldCount; f++) {
                byValue[f] = share ? new StringIntMap() : null;
                dictionaries.add(share ? new ArrayList<>() : null);
            }
        }

        /**
         * The table's first records, read when asked for (their sources registered with {@link #addSource} first);
         * the records added here follow them. Given before any record is added.
         */
        public Builder lazyFirst(LazyRecords records) {
            if (size > 0 || lazy != null) {
                throw new IllegalStateException("lazy records go first, once");
            }
            lazy = records;
            return this;
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
            return add(source, recordId, values, null);
        }

        /**
         * @param known per field the code {@link #codeOf} gave for the value while the field was encoded (a record
         *              snapshot asks once per distinct value of a segment instead of looking up every record's), or
         *              -1 to look it up; {@code null}: look all up
         */
        private Builder add(int source, String recordId, String[] values, int[] known) {
            if (values.length != fieldCount) {
                throw new IllegalArgumentException("expected " + fieldCount + " values, got " + values.length);
            }
            int block = size / BLOCK;
            int at = size % BLOCK;
            if (block == recordIds.size()) {
                addBlock();
            } else if (at == recordIds.get(block).length) {
                growFirstBlock(at);
            }
            sourceOf.get(block)[at] = source;
            recordIds.get(block)[at] = recordId;
            String[][] cols = columns.get(block);
            int[][] codeCols = codes.get(block);
            for (int f = 0; f < fieldCount; f++) {
                String v = values[f];
                StringIntMap map = byValue[f];
                if (map == null) {
                    cols[f][at] = v;
                } else if (v == null) {
                    codeCols[f][at] = -1;
                } else if (known != null && known[f] >= 0) {
                    codeCols[f][at] = known[f];
                } else {
                    codeCols[f][at] = codeOf(f, v);
                }
            }
            size++;
            if (size == DECIDE_AT) {
                // sharing pays only for repeated values (names, places), not for ids, numbers, e-mail addresses
                for (int f = 0; f < fieldCount; f++) {
                    if (byValue[f] != null && byValue[f].size() > size / 2) {
                        decode(f);
                    }
                }
            }
            return this;
        }

        /**
         * As {@link #add(int, String, String[])} for values that are shared already (taken from a dictionary of
         * distinct values, as a record snapshot holds them).
         */
        public Builder addShared(int source, String recordId, String[] values) {
            return add(source, recordId, values);
        }

        /**
         * As {@link #addShared(int, String, String[])}, with {@code codes[f]} the code {@link #codeOf} gave for
         * {@code values[f]} (-1: looked up here). A code stays valid as long as the field is encoded; when the
         * field turns to holding values per record the code is not used.
         */
        public Builder addShared(int source, String recordId, String[] values, int[] codes) {
            return add(source, recordId, values, codes);
        }

        /**
         * The code of a value in field {@code f}'s dictionary, added to it when new (the caller adds a record with
         * the value next, so the dictionary stays in order of first occurrence), or -1 when the field holds its
         * values per record or the value is {@code null}.
         */
        public int codeOf(int f, String v) {
            StringIntMap map = byValue[f];
            if (map == null || v == null) {
                return -1;
            }
            return map.indexOf(v, dictionaries.get(f));
        }

        public int size() {
            return size;
        }

        /** Field {@code f} holds its values per record from now on: its codes so far become values. */
        private void decode(int f) {
            List<String> dictionary = dictionaries.get(f);
            for (int b = 0; b < codes.size(); b++) {
                int[] own = codes.get(b)[f];
                String[] values = new String[own.length];
                for (int i = 0; i < own.length; i++) {
                    values[i] = own[i] < 0 ? null : dictionary.get(own[i]);
                }
                columns.get(b)[f] = values;
                codes.get(b)[f] = null;
            }
            byValue[f] = null;
            dictionaries.set(f, null);
        }

        private void addBlock() {
            int capacity = recordIds.isEmpty() ? firstBlock : BLOCK;
            sourceOf.add(new int[capacity]);
            recordIds.add(new String[capacity]);
            String[][] cols = new String[fieldCount][];
            int[][] codeCols = new int[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                if (byValue[f] == null) {
                    cols[f] = new String[capacity];
                } else {
                    codeCols[f] = new int[capacity];
                }
            }
            columns.add(cols);
            codes.add(codeCols);
        }

        /** The first block, smaller for a small table, grows to full size. */
        private void growFirstBlock(int at) {
            int capacity = Math.min(BLOCK, Math.max(at + 2, at * 2));
            sourceOf.set(0, Arrays.copyOf(sourceOf.get(0), capacity));
            recordIds.set(0, Arrays.copyOf(recordIds.get(0), capacity));
            String[][] cols = columns.get(0);
            int[][] codeCols = codes.get(0);
            for (int f = 0; f < fieldCount; f++) {
                if (cols[f] != null) {
                    cols[f] = Arrays.copyOf(cols[f], capacity);
                } else {
                    codeCols[f] = Arrays.copyOf(codeCols[f], capacity);
                }
            }
        }

        public RecordTable build() {
            String[][] cols = new String[fieldCount][];
            int[][] codeCols = new int[fieldCount][];
            String[][] dicts = new String[fieldCount][];
            for (int f = 0; f < fieldCount; f++) {
                if (byValue[f] == null) {
                    cols[f] = new String[size];
                } else {
                    dicts[f] = dictionaries.get(f).toArray(new String[0]);
                    // a field no record has a value of (e-mail, phone in a register without them) keeps no codes: 4
                    // bytes a record each; its value is null as a field of values' is
                    codeCols[f] = dicts[f].length == 0 ? null : new int[size];
                }
            }
            int ahead = lazy == null ? 0 : lazy.size();
            int[] sources = new int[ahead + size];
            for (int r = 0; r < ahead; r++) {
                sources[r] = lazy.sourceIndex(r);
            }
            String[] ids = new String[size];
            for (int block = 0, from = 0; from < size; block++, from += BLOCK) {
                int length = Math.min(BLOCK, size - from);
                System.arraycopy(sourceOf.get(block), 0, sources, ahead + from, length);
                System.arraycopy(recordIds.get(block), 0, ids, from, length);
                for (int f = 0; f < fieldCount; f++) {
                    if (cols[f] != null) {
                        System.arraycopy(columns.get(block)[f], 0, cols[f], from, length);
                    } else if (codeCols[f] != null) {
                        System.arraycopy(codes.get(block)[f], 0, codeCols[f], from, length);
                    }
                }
            }
            return new RecordTable(sourceNames, sources, ids, cols, codeCols, dicts, ahead + size, lazy);
        }
    }
}
