package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Finds candidate pairs: the union of the pairs of all blocking rules. A rule groups the records whose keys agree;
 * within a group all pairs are compared. A group larger than the profile's limit would make the work quadratic, so
 * its records are sorted by the profile's sort key and compared within a sliding window; the pairs this leaves out
 * are counted and reported, never silently lost.
 */
public final class Blocker {
    private final MatchProfile profile;
    private final PreparedRecords records;
    private final boolean linkOnly;
    private final PairFilter focus;
    /** Records whose blocks are expanded ({@code null}: all); a pair without one of them is never proposed. */
    private final boolean[] seeds;
    /** The rules' sorted key entries, computed once for several blockers over the same records ({@code null}: here). */
    private final KeyPlan plan;

    /** Which pairs a blocker proposes, beyond the rules (an incremental run: only pairs that involve new records). */
    @FunctionalInterface
    public interface PairFilter {
        PairFilter ALL = (a, b) -> true;

        boolean keep(int a, int b);
    }

    /**
     * @param linkOnly when {@code true}, pairs of two records of the same source are not proposed
     */
    public Blocker(MatchProfile profile, PreparedRecords records, boolean linkOnly) {
        this(profile, records, linkOnly, PairFilter.ALL);
    }

    /**
     * @param focus the pairs proposed are those the rules find and the filter keeps; blocks and windows are formed
     *              over all records as without a filter, so a kept pair is proposed exactly when a run over all
     *              pairs would propose it
     */
    public Blocker(MatchProfile profile, PreparedRecords records, boolean linkOnly, PairFilter focus) {
        this(profile, records, linkOnly, focus, null);
    }

    /**
     * A seeded blocker (the passes of an incremental run): only blocks that hold a seed record are expanded, and of
     * those only the pairs with a seed record; blocks and windows are still formed over all records, so the pairs
     * proposed are exactly those a blocker without seeds would propose that have a seed record and that the filter
     * keeps. A run that compares the pairs of a few new records thereby skips the pairs of all blocks without one.
     *
     * @param seeds per record index, whether it is a seed; {@code null}: every record
     */
    public Blocker(MatchProfile profile, PreparedRecords records, boolean linkOnly, PairFilter focus,
                   boolean[] seeds) {
        this(profile, records, linkOnly, focus, seeds, null);
    }

    /** As {@link #Blocker(MatchProfile, PreparedRecords, boolean, PairFilter, boolean[])}, with the keys planned. */
    public Blocker(MatchProfile profile, PreparedRecords records, boolean linkOnly, PairFilter focus,
                   boolean[] seeds, KeyPlan plan) {
        if (plan != null && (plan.records != records || plan.rules != profile.blocking())) {
            throw new IllegalArgumentException("the key plan is of other records or rules");
        }
        if (plan != null && plan.seeds != null && !within(seeds, plan.seeds)) {
            throw new IllegalArgumentException("the key plan holds the blocks of other seeds");
        }
        this.plan = plan;
        this.profile = profile;
        this.records = records;
        this.linkOnly = linkOnly;
        this.seeds = seeds;
        this.focus = seeds == null ? focus : (a, b) -> (seeds[a] || seeds[b]) && focus.keep(a, b);
    }

    public CandidatePairs candidates(ProgressListener progress, CancellationToken cancel) {
        long n = records.size();
        if (n * (n - 1) / 2 <= profile.limits().compareAllBelowPairs()) {
            return allPairs(cancel);
        }
        List<BlockingRuleSpec> rules = profile.blocking();
        List<PreparedField> sortFields = profile.sortKey().stream().map(records::field).toList();
        if (seeds == null) {
            // a full run: the pairs are formed in ranges of their first record, never all rules' pairs at once
            return new RangedCandidates(this, records.size(), RangedCandidates.RANGE_PAIRS).candidates(rules,
                    this::sortedEntries, sortFields, progress, cancel);
        }
        LongList[] perRule = new LongList[rules.size()];
        RuleStats[] stats = new RuleStats[rules.size()];
        AtomicInteger done = new AtomicInteger();
        progress.progress("block", 0, rules.size());
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            perRule[r] = new LongList(1024);
            long[] withKey = new long[1];
            long[] sorted;
            if (plan != null) {
                sorted = plan.sorted[r];
                withKey[0] = plan.withKey[r];
            } else {
                sorted = BlockingKeys.sortedEntries(rules.get(r), records, null, withKey);
            }
            stats[r] = runRule(rules.get(r), sorted, withKey[0], sortFields, perRule[r], Integer.MAX_VALUE, cancel);
            progress.progress("block", done.incrementAndGet(), rules.size());
        });
        long total = 0;
        for (LongList l : perRule) {
            total += l.size();
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("blocking proposed " + total + " pairs; tighten the blocking rules");
        }
        long[] all = new long[(int) total];
        int pos = 0;
        for (int r = 0; r < perRule.length; r++) {
            long[] part = perRule[r].toArray();
            perRule[r] = null;
            System.arraycopy(part, 0, all, pos, part.length);
            pos += part.length;
        }
        int distinct = LongList.sortUnique(all, all.length);
        return new CandidatePairs(Arrays.copyOf(all, distinct), List.of(stats));
    }

    /**
     * The candidate pairs of {@link #candidates} in ranges of their first record, each expanded when asked for: a
     * full run's rules form their blocks here, the pairs of a range are formed by {@link CandidateStream#range}
     * (at most about {@code rangePairs} pairs a range, duplicates between rules included). Small and seeded runs
     * come as one range.
     */
    public CandidateStream stream(long rangePairs, ProgressListener progress, CancellationToken cancel) {
        long n = records.size();
        if (seeds != null || n * (n - 1) / 2 <= profile.limits().compareAllBelowPairs()) {
            return new CandidateStream(candidates(progress, cancel));
        }
        List<BlockingRuleSpec> rules = profile.blocking();
        List<PreparedField> sortFields = profile.sortKey().stream().map(records::field).toList();
        return new CandidateStream(new RangedCandidates(this, records.size(), rangePairs).ranges(rules,
                this::sortedEntries, sortFields, progress, cancel),
                () -> progress.progress("block", rules.size() + 1, rules.size() + 1));
    }

    private long[] sortedEntries(int r, long[] withKey) {
        if (plan != null) {
            withKey[0] = plan.withKey[r];
            return plan.sorted[r];
        }
        return BlockingKeys.sortedEntries(profile.blocking().get(r), records, null, withKey);
    }

    /** A small input: every pair is a candidate, no blocking needed. */
    private CandidatePairs allPairs(CancellationToken cancel) {
        int n = records.size();
        LongList out = new LongList(n * (n - 1) / 2 + 1);
        for (int a = 0; a < n; a++) {
            cancel.throwIfCancelled();
            for (int b = a + 1; b < n; b++) {
                emit(a, b, out);
            }
        }
        long[] pairs = out.toArray();
        Arrays.sort(pairs);
        return new CandidatePairs(pairs, List.of(new RuleStats("all pairs (small input)", n, n > 1 ? 1 : 0, n,
                pairs.length, 0, 0)));
    }

    /**
     * The distinct pairs of one rule (for example a training rule), at most about {@code maxPairs}: blocks are
     * visited in the order of their key hashes, which is unrelated to their content, until the cap is reached.
     */
    public long[] pairsOf(BlockingRuleSpec rule, int maxPairs, CancellationToken cancel) {
        List<PreparedField> sortFields = profile.sortKey().stream().map(records::field).toList();
        LongList out = new LongList(1024);
        long[] withKey = new long[1];
        long[] sorted = BlockingKeys.sortedEntries(rule, records, null, withKey);
        runRule(rule, sorted, withKey[0], sortFields, out, maxPairs, cancel);
        long[] pairs = out.toArray();
        int distinct = LongList.sortUnique(pairs, pairs.length);
        return Arrays.copyOf(pairs, distinct);
    }

    /** Bits of a record index in a key entry over {@code n} records. */
    public static int recordBits(int n) {
        return BlockingKeys.recordBits(n);
    }

    private RuleStats runRule(BlockingRuleSpec rule, long[] sorted, long withKey, List<PreparedField> sortFields,
                              LongList out, int cap, CancellationToken cancel) {
        SortedBlocks walk = new SortedBlocks(sorted, recordBits(records.size()), cancel);
        long blocks = 0;
        long largest = 0;
        long pairs = 0;
        long oversized = 0;
        long leftOut = 0;
        while (out.size() < cap && walk.next()) {
            int[] block = walk.block;
            int size = walk.size;
            blocks++;
            largest = Math.max(largest, size);
            if (seeds != null && !anySeed(block, size)) {
                // none of its pairs is wanted; what a full run would leave out of it is counted there
                continue;
            }
            long[] outcome = expandBlock(rule, block, size, sortFields, out);
            pairs += outcome[0];
            oversized += outcome[1];
            leftOut += outcome[2];
        }
        return new RuleStats(rule.name(), withKey, blocks, largest, pairs, oversized, leftOut);
    }

    /**
     * Expands one block of a rule into {@code out}: a block within the size limit gives all its pairs; an oversized
     * one those of the sliding window over the profile's sort key (none for a rule with a block size of its own), the
     * rest counted as left out. The Spark job (issue 17) forms blocks by grouping {@link BlockEntries#of} across machines and
     * expands each here, so both paths propose the same pairs.
     *
     * @param block the block's distinct records in ascending order (the first {@code size})
     * @return the pairs emitted, 1 when the block was oversized (else 0), and the pairs left out
     */
    public long[] expandBlock(BlockingRuleSpec rule, int[] block, int size, List<PreparedField> sortFields,
                              LongList out) {
        // a rule with a block size of its own leaves larger blocks out instead of windowing them
        int maxBlock = maxBlock(rule);
        int window = rule.maxBlockSize() > 0 ? 0 : profile.limits().window();
        long pairs = 0;
        long oversized = 0;
        long leftOut = 0;
        if (size <= maxBlock && seeds != null) {
            for (int x = 0; x < size; x++) {
                if (!seeds[block[x]]) {
                    continue;
                }
                for (int y = 0; y < size; y++) {
                    // a pair of two seeds is emitted once, from its first member
                    if (y != x && (!seeds[block[y]] || y > x)) {
                        pairs += emit(block[x], block[y], out);
                    }
                }
            }
        } else if (size <= maxBlock) {
            for (int x = 0; x < size; x++) {
                for (int y = x + 1; y < size; y++) {
                    pairs += emit(block[x], block[y], out);
                }
            }
        } else if (window < 2) {
            oversized = 1;
            leftOut += eligiblePairs(block, size);
        } else {
            oversized = 1;
            Integer[] order = new Integer[size];
            for (int x = 0; x < size; x++) {
                order[x] = block[x];
            }
            java.util.Map<Integer, String> keys = new java.util.HashMap<>();
            for (int x = 0; x < size; x++) {
                keys.put(block[x], sortKey(block[x], sortFields));
            }
            Arrays.sort(order, Comparator.comparing((Integer rec) -> keys.get(rec)).thenComparing(rec -> rec));
            long windowPairs = 0;
            for (int x = 0; x < size; x++) {
                for (int y = x + 1; y < Math.min(size, x + window); y++) {
                    windowPairs += emit(order[x], order[y], out);
                }
            }
            pairs += windowPairs;
            leftOut += eligiblePairs(block, size) - windowPairs;
        }
        return new long[] {pairs, oversized, leftOut};
    }

    private boolean anySeed(int[] block, int size) {
        for (int x = 0; x < size; x++) {
            if (seeds[block[x]]) {
                return true;
            }
        }
        return false;
    }

    /** Pairs of a block that would be candidates without the window: in link-only mode only those across sources. */
    private long eligiblePairs(int[] block, int size) {
        long all = (long) size * (size - 1) / 2;
        if (!linkOnly) {
            return all;
        }
        java.util.Map<Integer, Long> perSource = new java.util.HashMap<>();
        for (int x = 0; x < size; x++) {
            perSource.merge(records.table().sourceIndex(block[x]), 1L, Long::sum);
        }
        for (long s : perSource.values()) {
            all -= s * (s - 1) / 2;
        }
        return all;
    }

    /** Records in a block of the rule above which it is windowed (or left out, for a rule with a size of its own). */
    int maxBlock(BlockingRuleSpec rule) {
        return rule.maxBlockSize() > 0 ? rule.maxBlockSize() : profile.limits().maxBlockSize();
    }

    int emit(int a, int b, LongList out) {
        if (!keeps(a, b)) {
            return 0;
        }
        out.add(CandidatePairs.pack(a, b));
        return 1;
    }

    /** Whether the pair of two records of a block is proposed (link-only: of two sources; the filter keeps it). */
    boolean keeps(int a, int b) {
        return !(linkOnly && records.table().sourceIndex(a) == records.table().sourceIndex(b)) && focus.keep(a, b);
    }

    /**
     * Each record's key hashes for a rule (several when a part has several values), or {@code null}; what the rule
     * groups records by (the link index computes an incoming record's keys with it).
     */
    public static long[][] recordKeys(BlockingRuleSpec rule, PreparedRecords records) {
        BlockingKeys keyer = new BlockingKeys(rule, records);
        long[][] out = new long[records.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = keyer.keys(r);
        }
        return out;
    }

    /** Whether every record marked in {@code some} ({@code null}: all) is marked in {@code in}. */
    private static boolean within(boolean[] some, boolean[] in) {
        if (some == null) {
            return false;
        }
        for (int i = 0; i < some.length; i++) {
            if (some[i] && !in[i]) {
                return false;
            }
        }
        return true;
    }

    /** The key by which a record is placed in the sliding window over an oversized block (then by index). */
    public static String sortKey(int record, List<PreparedField> fields) {
        StringBuilder sb = new StringBuilder();
        for (PreparedField f : fields) {
            String v = f.value(record);
            sb.append(v == null ? "" : v).append('|');
        }
        return sb.toString();
    }
}
