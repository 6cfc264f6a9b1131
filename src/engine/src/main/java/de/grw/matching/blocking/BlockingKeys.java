package de.grw.matching.blocking;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.util.Hashing;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.KeyPartSpec;
import java.util.Arrays;
import java.util.List;

/**
 * A blocking rule's keys per record (the hashes of all combinations of its parts' values), and the sorted key
 * entries blocks are formed from: over all records, or only the entries of the keys some seed record has. A block
 * is the run of entries with one key, so keeping every entry of a seed's key keeps the seed's blocks whole (and
 * their sliding windows the same), while the blocks without a seed, which a seeded blocker skips anyway, are never
 * sorted.
 */
final class BlockingKeys {
    private final long seed;
    private final boolean unordered;
    private final PreparedField[][] fields;
    private final long[][][][] hashes;
    /** Per part and field, whether no value's key hashes repeat (then a part's one present field is its union). */
    private final boolean[][] distinctHashes;
    /** Per part, the array holding the collected values of the current record (the first partLength[p]). */
    private final long[][] partValues;
    private final int[] partLength;
    /** Per part with several fields, a reusable array for the union of their values. */
    private final long[][] buffers;
    private final long[] tuple;

    BlockingKeys(BlockingRuleSpec rule, PreparedRecords records) {
        int parts = rule.parts().size();
        fields = new PreparedField[parts][];
        hashes = new long[parts][][][];
        distinctHashes = new boolean[parts][];
        for (int p = 0; p < parts; p++) {
            KeyPartSpec part = rule.parts().get(p);
            List<String> names = part.allFields();
            fields[p] = new PreparedField[names.size()];
            hashes[p] = new long[names.size()][][];
            distinctHashes[p] = new boolean[names.size()];
            for (int k = 0; k < names.size(); k++) {
                PreparedField f = records.field(names.get(k));
                fields[p][k] = f;
                hashes[p][k] = hashKeys(KeyTransforms.get(part.transform()).keys(f, part.length()));
                distinctHashes[p][k] = noneRepeats(hashes[p][k]);
            }
        }
        seed = Hashing.hash(rule.name());
        unordered = rule.unordered();
        partValues = new long[parts][];
        partLength = new int[parts];
        buffers = new long[parts][];
        for (int p = 0; p < parts; p++) {
            buffers[p] = new long[8];
        }
        tuple = new long[parts];
    }

    /** The record's key hashes, or {@code null} when a part has no value (not thread-safe: one per thread). */
    long[] keys(int record) {
        if (!collect(record)) {
            return null;
        }
        long[] out = new long[combinations()];
        for (int c = 0; c < out.length; c++) {
            out[c] = combination(c);
        }
        return out;
    }

    /** Adds the record's entries ({@code key << recordBits | record}) to {@code out}; whether it has a key. */
    boolean addEntries(int record, int recordBits, LongList out) {
        if (!collect(record)) {
            return false;
        }
        int total = combinations();
        for (int c = 0; c < total; c++) {
            out.add((combination(c) << recordBits) | record);
        }
        return true;
    }

    /** Adds the record's key hashes to {@code out} (none when a part has no value). */
    void addKeys(int record, LongList out) {
        if (!collect(record)) {
            return;
        }
        int total = combinations();
        for (int c = 0; c < total; c++) {
            out.add(combination(c));
        }
    }

    /** Collects the record's values of each part into the buffers; whether every part has one. */
    private boolean collect(int record) {
        for (int p = 0; p < fields.length; p++) {
            partLength[p] = valuesOfPart(p, record);
            if (partLength[p] == 0) {
                return false;
            }
        }
        return true;
    }

    private int combinations() {
        int total = 1;
        for (int length : partLength) {
            total *= length;
        }
        return total;
    }

    /** The hash of the c-th combination of the collected part values (sorted first when unordered). */
    private long combination(int c) {
        int rest = c;
        for (int p = 0; p < fields.length; p++) {
            tuple[p] = partValues[p][rest % partLength[p]];
            rest /= partLength[p];
        }
        if (unordered) {
            // a handful of parts: sorted by insertion (Arrays.sort's dispatch cost more than the sort, per key)
            for (int i = 1; i < tuple.length; i++) {
                long v = tuple[i];
                int j = i - 1;
                while (j >= 0 && tuple[j] > v) {
                    tuple[j + 1] = tuple[j];
                    j--;
                }
                tuple[j + 1] = v;
            }
        }
        long h = seed;
        for (long t : tuple) {
            h = Hashing.combine(h, t);
        }
        return h;
    }

    static int recordBits(int n) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, n));
    }

    /**
     * A rule's key entries ({@code key << recordBits | record}), sorted; with seeds only those of keys a seed has.
     * {@code withKey[0]} receives the number of records with a key (all of them, seeds or not).
     */
    static long[] sortedEntries(BlockingRuleSpec rule, PreparedRecords records, boolean[] seeds, long[] withKey) {
        long[] all = allEntries(rule, records, withKey);
        if (seeds == null || allTrue(seeds)) {
            // the entries were made here for this sort: sorted into a new array without copying them first
            return de.grw.matching.util.LongSort.sorted(all);
        }
        return seedEntries(all, records.size(), seeds);
    }

    /** A rule's key entries over all records, unsorted; {@code withKey[0]} receives the records with a key. */
    static long[] allEntries(BlockingRuleSpec rule, PreparedRecords records, long[] withKey) {
        BlockingKeys keyer = new BlockingKeys(rule, records);
        int n = records.size();
        int recordBits = recordBits(n);
        LongList entries = new LongList(n);
        long keyed = 0;
        for (int r = 0; r < n; r++) {
            if (keyer.addEntries(r, recordBits, entries)) {
                keyed++;
            }
        }
        withKey[0] = keyed;
        return entries.toArray();
    }

    /**
     * Of a rule's entries over {@code n} records (left as they are), those whose key a seed record has, sorted
     * ({@code seeds == null}: all). A key is compared as the entry holds it (its top bits shifted out), so a block
     * is kept exactly as a run over all entries forms it.
     */
    static long[] seedEntries(long[] all, int n, boolean[] seeds) {
        if (seeds == null || allTrue(seeds)) {
            long[] sorted = all.clone();
            de.grw.matching.util.LongSort.sort(sorted);
            return sorted;
        }
        long recordMask = (1L << recordBits(n)) - 1;
        LongSet wanted = new LongSet(1024);
        // a bit per hash of a wanted key (2 MiB): most entries of keys no seed has are passed over without a look-up
        // in the set, whose slots are spread over far more memory
        long[] bits = new long[1 << 18];
        for (long e : all) {
            if (seeds[(int) (e & recordMask)]) {
                long key = e & ~recordMask;
                wanted.add(key);
                int b = bit(key);
                bits[b >>> 6] |= 1L << b;
            }
        }
        LongList kept = new LongList(1024);
        for (long e : all) {
            long key = e & ~recordMask;
            int b = bit(key);
            if ((bits[b >>> 6] & (1L << b)) != 0 && wanted.contains(key)) {
                kept.add(e);
            }
        }
        long[] sorted = kept.toArray();
        de.grw.matching.util.LongSort.sort(sorted);
        return sorted;
    }

    /**
     * The share of seed records from which a plan sorts all entries of a rule once and scans them for the blocks with
     * a seed ({@link #seedBlocks}) instead of filtering them through a hash set of the seeds' keys: one in sixteen.
     */
    static final int SORT_ALL_FROM = 16;

    /** Whether at least one record in {@link #SORT_ALL_FROM} is a seed. */
    static boolean manySeeds(boolean[] seeds) {
        int count = 0;
        for (boolean s : seeds) {
            count += s ? 1 : 0;
        }
        return (long) count * SORT_ALL_FROM >= seeds.length;
    }

    /**
     * The entries of the keys a seed record has, out of all entries sorted: each block (the run of entries with one
     * key) that holds a seed, whole and in order; the same as {@link #seedEntries} gives for the unsorted entries.
     *
     * @param sortedAll every entry of the rule, sorted ({@code seeds == null}: all are returned)
     */
    static long[] seedBlocks(long[] sortedAll, int n, boolean[] seeds) {
        if (seeds == null) {
            return sortedAll.clone();
        }
        long recordMask = (1L << recordBits(n)) - 1;
        long[] kept = new long[sortedAll.length];
        int size = 0;
        int i = 0;
        while (i < sortedAll.length) {
            long key = sortedAll[i] & ~recordMask;
            int j = i;
            boolean seeded = false;
            while (j < sortedAll.length && (sortedAll[j] & ~recordMask) == key) {
                seeded |= seeds[(int) (sortedAll[j] & recordMask)];
                j++;
            }
            if (seeded) {
                System.arraycopy(sortedAll, i, kept, size, j - i);
                size += j - i;
            }
            i = j;
        }
        return size == kept.length ? kept : Arrays.copyOf(kept, size);
    }

    /** A key's bit in the filter of {@link #seedEntries}: 24 bits of its mixed hash. */
    private static int bit(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40);
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    /** Whether no value's key hashes hold one hash twice. */
    private static boolean noneRepeats(long[][] hashes) {
        for (long[] h : hashes) {
            for (int i = 1; i < h.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (h[i] == h[j]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static long[][] hashKeys(String[][] keys) {
        long[][] h = new long[keys.length][];
        for (int id = 0; id < keys.length; id++) {
            h[id] = new long[keys[id].length];
            for (int k = 0; k < keys[id].length; k++) {
                h[id][k] = Hashing.hash(keys[id][k]);
            }
        }
        return h;
    }

    /** Collects the key hashes of one part for a record (the union over the part's fields); returns how many. */
    private int valuesOfPart(int p, int record) {
        PreparedField[] partFields = fields[p];
        if (partFields.length == 1) {
            int id = partFields[0].id(record);
            if (id < 0) {
                return 0;
            }
            partValues[p] = hashes[p][0][id];
            return partValues[p].length;
        }
        // mostly only one of the part's fields has a value (a family name, no birth name): its keys are the union
        int present = -1;
        int presentId = -1;
        for (int k = 0; k < partFields.length; k++) {
            int id = partFields[k].id(record);
            if (id >= 0 && hashes[p][k][id].length > 0) {
                if (present >= 0) {
                    present = -2;
                    break;
                }
                present = k;
                presentId = id;
            }
        }
        if (present == -1) {
            return 0;
        }
        if (present >= 0 && distinctHashes[p][present]) {
            partValues[p] = hashes[p][present][presentId];
            return partValues[p].length;
        }
        long[] union = buffers[p];
        int size = 0;
        for (int k = 0; k < partFields.length; k++) {
            int id = partFields[k].id(record);
            if (id < 0) {
                continue;
            }
            for (long h : hashes[p][k][id]) {
                boolean seen = false;
                for (int i = 0; i < size; i++) {
                    seen |= union[i] == h;
                }
                if (!seen) {
                    if (size == union.length) {
                        union = Arrays.copyOf(union, size * 2);
                        buffers[p] = union;
                    }
                    union[size++] = h;
                }
            }
        }
        partValues[p] = union;
        return size;
    }

    /** An open-addressing set of longs (linear probing; 0 is kept aside). */
    static final class LongSet {
        private long[] slots;
        private int size;
        private boolean hasZero;

        LongSet(int capacity) {
            slots = new long[Integer.highestOneBit(Math.max(16, capacity * 2) - 1) << 1];
        }

        void add(long v) {
            if (v == 0) {
                hasZero = true;
                return;
            }
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        insert(o);
                    }
                }
            }
            insert(v);
        }

        private void insert(long v) {
            int mask = slots.length - 1;
            int i = mix(v) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = v;
            size++;
        }

        boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            int i = mix(v) & mask;
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        private static int mix(long v) {
            long h = v * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
