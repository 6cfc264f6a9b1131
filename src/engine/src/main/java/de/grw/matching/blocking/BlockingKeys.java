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
    private static final long[] NO_KEYS = new long[0];

    private final long seed;
    private final boolean unordered;
    private final PreparedField[][] fields;
    private final long[][][][] hashes;
    private final long[][] partValues;
    private final long[] tuple;

    BlockingKeys(BlockingRuleSpec rule, PreparedRecords records) {
        int parts = rule.parts().size();
        fields = new PreparedField[parts][];
        hashes = new long[parts][][][];
        for (int p = 0; p < parts; p++) {
            KeyPartSpec part = rule.parts().get(p);
            List<String> names = part.allFields();
            fields[p] = new PreparedField[names.size()];
            hashes[p] = new long[names.size()][][];
            for (int k = 0; k < names.size(); k++) {
                PreparedField f = records.field(names.get(k));
                fields[p][k] = f;
                hashes[p][k] = hashKeys(KeyTransforms.get(part.transform()).keys(f, part.length()));
            }
        }
        seed = Hashing.hash(rule.name());
        unordered = rule.unordered();
        partValues = new long[parts][];
        tuple = new long[parts];
    }

    /** The record's key hashes, or {@code null} when a part has no value (not thread-safe: one per thread). */
    long[] keys(int record) {
        for (int p = 0; p < fields.length; p++) {
            partValues[p] = valuesOfPart(fields[p], hashes[p], record);
            if (partValues[p].length == 0) {
                return null;
            }
        }
        return combine();
    }

    static int recordBits(int n) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, n));
    }

    /**
     * A rule's key entries ({@code key << recordBits | record}), sorted; with seeds only those of keys a seed has.
     * {@code withKey[0]} receives the number of records with a key (all of them, seeds or not).
     */
    static long[] sortedEntries(BlockingRuleSpec rule, PreparedRecords records, boolean[] seeds, long[] withKey) {
        BlockingKeys keyer = new BlockingKeys(rule, records);
        int n = records.size();
        int recordBits = recordBits(n);
        LongSet wanted = null;
        if (seeds != null) {
            wanted = new LongSet(1024);
            for (int r = 0; r < n; r++) {
                if (seeds[r]) {
                    long[] keys = keyer.keys(r);
                    if (keys != null) {
                        for (long k : keys) {
                            // the key as the entry holds it: its top recordBits bits are shifted out
                            wanted.add(k << recordBits);
                        }
                    }
                }
            }
        }
        LongList entries = new LongList(seeds == null ? n : 1024);
        long keyed = 0;
        for (int r = 0; r < n; r++) {
            long[] keys = keyer.keys(r);
            if (keys == null) {
                continue;
            }
            keyed++;
            for (long k : keys) {
                long shifted = k << recordBits;
                if (wanted == null || wanted.contains(shifted)) {
                    entries.add(shifted | r);
                }
            }
        }
        withKey[0] = keyed;
        long[] sorted = entries.toArray();
        Arrays.sort(sorted);
        return sorted;
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

    /** Key hashes of one part for a record: the union over the part's fields. */
    private static long[] valuesOfPart(PreparedField[] fields, long[][][] hashes, int record) {
        if (fields.length == 1) {
            int id = fields[0].id(record);
            return id < 0 ? NO_KEYS : hashes[0][id];
        }
        LongList union = new LongList(4);
        for (int k = 0; k < fields.length; k++) {
            int id = fields[k].id(record);
            if (id < 0) {
                continue;
            }
            for (long h : hashes[k][id]) {
                boolean seen = false;
                for (int i = 0; i < union.size(); i++) {
                    seen |= union.get(i) == h;
                }
                if (!seen) {
                    union.add(h);
                }
            }
        }
        return union.toArray();
    }

    /** All combinations of the parts' values, hashed in order (or as a sorted tuple when unordered). */
    private long[] combine() {
        int total = 1;
        for (long[] v : partValues) {
            total *= v.length;
        }
        long[] out = new long[total];
        for (int c = 0; c < total; c++) {
            int rest = c;
            for (int p = 0; p < partValues.length; p++) {
                tuple[p] = partValues[p][rest % partValues[p].length];
                rest /= partValues[p].length;
            }
            if (unordered) {
                Arrays.sort(tuple);
            }
            long h = seed;
            for (long t : tuple) {
                h = Hashing.combine(h, t);
            }
            out[c] = h;
        }
        return out;
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
