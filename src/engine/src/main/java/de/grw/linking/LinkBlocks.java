package de.grw.linking;

import de.grw.matching.blocking.Blocker;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.Arrays;
import java.util.List;

/**
 * The blocks of one blocking rule over the link index's records: block key to record indexes, as the batch's
 * {@link Blocker} forms them. A block over the size limit is windowed by the profile's sort key; its records are put
 * in window order when the index is built (a binary search per call finds a record's place), so a call neither sorts
 * nor builds sort keys of stored records. Immutable; safe for concurrent readers.
 */
final class LinkBlocks {
    private final BlockingRuleSpec spec;
    private final int bits;
    /** {@code key << bits | record}, sorted, each at most once. */
    private final long[] entries;
    private final int maxBlock;
    private final int window;
    /** The first entry of each windowed block, ascending. */
    private final int[] windowedStarts;
    /** For each windowed block, its records' ranks in sort-key order ({@link SortOrder}), ascending. */
    private final int[][] windowedRanks;
    /**
     * The first entry of each of the {@code 2^16} ranges of entries by their top 16 bits ({@link #bucket}), and the
     * end as the last: a key's block is searched within its range (a few thousand entries at ten million records,
     * instead of a binary search over all of them, whose steps each missed the cache).
     */
    private final int[] directory;

    private LinkBlocks(BlockingRuleSpec spec, int bits, long[] entries, int maxBlock, int window,
                       int[] windowedStarts, int[][] windowedRanks) {
        this.directory = directory(entries);
        this.spec = spec;
        this.bits = bits;
        this.entries = entries;
        this.maxBlock = maxBlock;
        this.window = window;
        this.windowedStarts = windowedStarts;
        this.windowedRanks = windowedRanks;
    }

    /**
     * Blocks the records by the rule; puts each block that an incoming record would make oversized (as many
     * records as the limit or more) in window order, when the rule windows.
     */
    static LinkBlocks build(BlockingRuleSpec spec, MatchProfile profile, PreparedRecords records, SortOrder order) {
        int n = records.size();
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
        long[][] keys = Blocker.recordKeys(spec, records);
        int count = 0;
        for (long[] k : keys) {
            count += k == null ? 0 : k.length;
        }
        long[] entries = new long[count];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] != null) {
                for (long k : keys[i]) {
                    entries[pos++] = (k << bits) | i;
                }
            }
        }
        Arrays.sort(entries);
        int distinct = 0;
        for (int i = 0; i < entries.length; i++) {
            if (distinct == 0 || entries[i] != entries[distinct - 1]) {
                entries[distinct++] = entries[i];
            }
        }
        entries = Arrays.copyOf(entries, distinct);
        int maxBlock = spec.maxBlockSize() > 0 ? spec.maxBlockSize() : profile.limits().maxBlockSize();
        int window = spec.maxBlockSize() > 0 ? 0 : profile.limits().window();
        int[] starts = new int[16];
        int[][] ranks = new int[16][];
        int windowed = 0;
        if (window >= 2) {
            long mask = (1L << bits) - 1;
            for (int lo = 0; lo < entries.length; ) {
                int hi = lo;
                while (hi < entries.length && (entries[hi] >>> bits) == (entries[lo] >>> bits)) {
                    hi++;
                }
                if (hi - lo >= maxBlock) {
                    int[] r = new int[hi - lo];
                    for (int x = lo; x < hi; x++) {
                        r[x - lo] = order.rank((int) (entries[x] & mask));
                    }
                    Arrays.sort(r);
                    if (windowed == starts.length) {
                        starts = Arrays.copyOf(starts, windowed * 2);
                        ranks = Arrays.copyOf(ranks, windowed * 2);
                    }
                    starts[windowed] = lo;
                    ranks[windowed++] = r;
                }
                lo = hi;
            }
        }
        return new LinkBlocks(spec, bits, entries, maxBlock, window, Arrays.copyOf(starts, windowed),
                Arrays.copyOf(ranks, windowed));
    }

    BlockingRuleSpec spec() {
        return spec;
    }

    /** How many blocks are windowed (put in window order at build time). */
    int windowedBlocks() {
        return windowedStarts.length;
    }

    /** A block key as this rule's blocks tell keys apart (the bits above the record bits of an entry). */
    long blockKey(long key) {
        return (key << bits) >>> bits;
    }

    /**
     * Adds the stored records the rule pairs a record with for one of its keys: the block's records when the block
     * (with the record) is within the size limit, else the window around the record's place in sort-key order, or
     * none for a rule with a block size of its own. The block's records are the built ones and the records added
     * since ({@code extra}; they follow the built ones in index order, so in sort-key order they come after built
     * records of an equal sort key).
     *
     * @param self     the record's own index when it is stored (built or added), else -1 (it then comes after every
     *                 stored record)
     * @param sortRank the record's rank in sort-key order when built; else how many built records come before it
     * @param sortKey  the record's sort key ({@code null} when no rule windows)
     * @param extra    the added records in the block, ascending
     * @param added    the added records (their sort keys)
     */
    void collect(long key, int self, int sortRank, String sortKey, SortOrder order, int[] extra, LinkAdded added,
                 IntBag out) {
        long shifted = key << bits;
        int lo = lowerBound(shifted >>> bits);
        int hi = blockEnd(lo, shifted >>> bits);
        int size = hi - lo + extra.length + (self >= 0 ? 0 : 1);
        if (size < 2) {
            return;
        }
        if (size <= maxBlock) {
            long mask = (1L << bits) - 1;
            for (int x = lo; x < hi; x++) {
                int rec = (int) (entries[x] & mask);
                if (rec != self) {
                    out.add(rec);
                }
            }
            for (int rec : extra) {
                if (rec != self) {
                    out.add(rec);
                }
            }
        } else if (window >= 2) {
            int[] ranks = ranks(lo, hi, order);
            if (extra.length == 0) {
                if (self >= 0) {
                    int pos = Arrays.binarySearch(ranks, sortRank);
                    for (int x = Math.max(0, pos - window + 1); x < Math.min(ranks.length, pos + window); x++) {
                        if (x != pos) {
                            out.add(order.record(ranks[x]));
                        }
                    }
                } else {
                    int pos = lowerBound(ranks, sortRank);
                    for (int x = Math.max(0, pos - window + 1); x < Math.min(ranks.length, pos + window - 1); x++) {
                        out.add(order.record(ranks[x]));
                    }
                }
            } else {
                windowMerged(ranks, extra, self, sortRank, sortKey, order, added, out);
            }
        }
    }

    /**
     * The end of the block that starts at {@code lo} (its key's entries): a binary search, not a walk over the block
     * (an oversized block of ten million records has tens of thousands of entries; a call reads only its window).
     */
    private int blockEnd(int lo, long blockKey) {
        if (lo == entries.length || (entries[lo] >>> bits) != blockKey) {
            return lo;
        }
        long first = entries[lo] & ~((1L << bits) - 1);
        if (first > Long.MAX_VALUE - (1L << bits)) {
            return entries.length; // the last key in the entries' (signed) order: its block runs to the end
        }
        long next = first + (1L << bits); // the first entry a greater key would have
        int hi = directory[bucket(next) + 1];
        return lowerBound(next, lo, Math.max(lo, hi));
    }

    /** Whether a block of a key, with {@code extra} records added since the build, is windowed (tests). */
    boolean windows(long key, int extra) {
        long shifted = key << bits;
        int lo = lowerBound(shifted >>> bits);
        int hi = blockEnd(lo, shifted >>> bits);
        return window >= 2 && hi - lo + extra > maxBlock;
    }

    /** The ranks of a block's built records in sort-key order: kept at build time when oversized, else sorted now. */
    private int[] ranks(int lo, int hi, SortOrder order) {
        if (hi == lo) {
            return new int[0];
        }
        int at = Arrays.binarySearch(windowedStarts, lo);
        if (at >= 0) {
            return windowedRanks[at];
        }
        // a block that only records added since the build made oversized: a few records, sorted per call
        long mask = (1L << bits) - 1;
        int[] r = new int[hi - lo];
        for (int x = lo; x < hi; x++) {
            r[x - lo] = order.rank((int) (entries[x] & mask));
        }
        Arrays.sort(r);
        return r;
    }

    /**
     * The window around a record in a block of built and added records: both in sort-key order (built records by
     * rank, added ones by sort key then index, an added record after built ones of an equal key), merged from the
     * record's place outwards, {@code window - 1} records on either side.
     */
    private void windowMerged(int[] ranks, int[] extra, int self, int sortRank, String sortKey, SortOrder order,
                              LinkAdded added, IntBag out) {
        Integer[] boxed = new Integer[extra.length];
        for (int i = 0; i < extra.length; i++) {
            boxed[i] = extra[i];
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = added.sortKey(a).compareTo(added.sortKey(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] sorted = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            sorted[i] = boxed[i];
        }
        // the record's place: built records [0, before) and added ones [0, beforeAdded) precede it; the rest follow
        // except itself
        int before;
        int beforeAdded;
        int skipBuilt = -1;
        int skipAdded = -1;
        if (self >= 0 && self < added.base()) {
            before = Arrays.binarySearch(ranks, sortRank);
            skipBuilt = before;
            int a = 0;
            while (a < sorted.length && order.compare(added.sortKey(sorted[a]), self) < 0) {
                a++;
            }
            beforeAdded = a;
        } else {
            before = lowerBound(ranks, sortRank);
            int a = 0;
            if (self >= 0) {
                while (sorted[a] != self) {
                    a++;
                }
                skipAdded = a;
            } else {
                while (a < sorted.length && added.sortKey(sorted[a]).compareTo(sortKey) <= 0) {
                    a++;
                }
            }
            beforeAdded = a;
        }
        // backwards: the later of the two candidates first (an added record after a built one of an equal key)
        int i = before - 1;
        int j = beforeAdded - 1;
        for (int taken = 0; taken < window - 1 && (i >= 0 || j >= 0); taken++) {
            int b = i >= 0 ? order.record(ranks[i]) : -1;
            if (j >= 0 && (i < 0 || order.compare(added.sortKey(sorted[j]), b) >= 0)) {
                out.add(sorted[j--]);
            } else {
                out.add(b);
                i--;
            }
        }
        // forwards: the earlier first
        i = skipBuilt >= 0 ? skipBuilt + 1 : before;
        j = skipAdded >= 0 ? skipAdded + 1 : beforeAdded;
        for (int taken = 0; taken < window - 1 && (i < ranks.length || j < sorted.length); taken++) {
            int b = i < ranks.length ? order.record(ranks[i]) : -1;
            if (j < sorted.length && (i >= ranks.length || order.compare(added.sortKey(sorted[j]), b) < 0)) {
                out.add(sorted[j++]);
            } else {
                out.add(b);
                i++;
            }
        }
    }

    private static final int BUCKETS = 1 << 16;

    /** An entry's range in the directory: its top 16 bits, in the entries' (signed) order. */
    private static int bucket(long entry) {
        return (int) (entry >>> 48) ^ 0x8000;
    }

    private static int[] directory(long[] entries) {
        int[] dir = new int[BUCKETS + 1];
        int e = 0;
        for (int b = 0; b <= BUCKETS; b++) {
            while (e < entries.length && bucket(entries[e]) < b) {
                e++;
            }
            dir[b] = e;
        }
        return dir;
    }

    /** The first entry whose key (its bits above the record bits) is at least {@code key}. */
    private int lowerBound(long key) {
        long first = key << bits;
        int b = bucket(first);
        return lowerBound(first, directory[b], directory[b + 1]);
    }

    /** The first entry of {@code [lo, hi)} not below {@code first} ({@code hi} when none). */
    private int lowerBound(long first, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid] < first) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The records in the batch's window order: by sort key ({@link Blocker#sortKey}), then by index. Windowed
     * blocks keep ranks in this order; an incoming record's place is found by comparing its sort key with stored
     * records' keys without building them.
     */
    static final class SortOrder {
        /** Every {@code FENCE}-th rank's sort key is kept: a place is searched among them first. */
        static final int FENCE = 64;
        private final List<PreparedField> fields;
        private final int[] records;
        private final int[] ranks;
        /**
         * The sort keys of ranks 0, FENCE, 2 FENCE, ...: {@link #placeOf} searches these strings first and then
         * only one stretch of FENCE records (each step over all records read three fields' values from their
         * arrays, a cache miss or more a step at ten million records).
         */
        private final String[] fence;

        private SortOrder(List<PreparedField> fields, int[] records, int[] ranks, String[] fence) {
            this.fields = fields;
            this.records = records;
            this.ranks = ranks;
            this.fence = fence;
        }

        static SortOrder of(List<PreparedField> fields, int n) {
            String[] keys = new String[n];
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> keys[i] = Blocker.sortKey(i, fields));
            Integer[] boxed = new Integer[n];
            Arrays.setAll(boxed, i -> i);
            Arrays.parallelSort(boxed, (a, b) -> {
                int c = keys[a].compareTo(keys[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int[] records = new int[n];
            int[] ranks = new int[n];
            for (int r = 0; r < n; r++) {
                records[r] = boxed[r];
                ranks[boxed[r]] = r;
            }
            String[] fence = new String[(n + FENCE - 1) / FENCE];
            for (int f = 0; f < fence.length; f++) {
                fence[f] = keys[records[f * FENCE]];
            }
            return new SortOrder(fields, records, ranks, fence);
        }

        int rank(int record) {
            return ranks[record];
        }

        int record(int rank) {
            return records[rank];
        }

        /** How many stored records come before a record of this sort key that comes after all of equal key. */
        int placeOf(String sortKey) {
            // the fence: the first fence key above sortKey bounds the place from above, the one before from below
            int flo = 0;
            int fhi = fence.length;
            while (flo < fhi) {
                int mid = (flo + fhi) >>> 1;
                if (sortKey.compareTo(fence[mid]) >= 0) {
                    flo = mid + 1;
                } else {
                    fhi = mid;
                }
            }
            int lo = flo == 0 ? 0 : (flo - 1) * FENCE;
            int hi = Math.min(records.length, flo * FENCE);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compare(sortKey, records[mid]) >= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The sign of {@code key.compareTo(Blocker.sortKey(record, fields))}, without building the latter. */
        int compare(String key, int record) {
            int i = 0;
            int n = key.length();
            for (PreparedField f : fields) {
                String v = f.value(record);
                int len = v == null ? 0 : v.length();
                for (int j = 0; j <= len; j++) {
                    char c = j < len ? v.charAt(j) : '|';
                    if (i == n) {
                        return -1;
                    }
                    char k = key.charAt(i++);
                    if (k != c) {
                        return k - c;
                    }
                }
            }
            return i == n ? 0 : 1;
        }
    }

    /** A growing bag of record indexes; {@link #sortedDistinct} gives them ascending, each once. */
    static final class IntBag {
        private int[] values = new int[32];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] sortedDistinct() {
            Arrays.sort(values, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || values[i] != values[distinct - 1]) {
                    values[distinct++] = values[i];
                }
            }
            return Arrays.copyOf(values, distinct);
        }
    }
}
