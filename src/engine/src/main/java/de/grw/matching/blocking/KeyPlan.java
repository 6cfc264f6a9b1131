package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocking rules' key entries over a set of records, each rule's sorted ({@code key << bits | record}):
 * what blocks are formed from. A plan for seeds holds only the entries of keys a seed record has: every block
 * with a seed, whole, and no other; a blocker with those seeds (or a subset of them) proposes from it exactly the
 * pairs it would propose from a plan over all entries, without all records' keys being sorted.
 */
public final class KeyPlan {
    final PreparedRecords records;
    final List<BlockingRuleSpec> rules;
    final long[][] sorted;
    final long[] withKey;
    final boolean[] seeds;

    private KeyPlan(PreparedRecords records, List<BlockingRuleSpec> rules, long[][] sorted, long[] withKey,
                    boolean[] seeds) {
        this.records = records;
        this.rules = rules;
        this.sorted = sorted;
        this.withKey = withKey;
        this.seeds = seeds;
    }

    /** A plan over all records' keys. */
    public static KeyPlan of(MatchProfile profile, PreparedRecords records, CancellationToken cancel) {
        return of(profile, records, null, cancel);
    }

    /**
     * A plan of the blocks that hold a seed record ({@code seeds == null}: all blocks); for a blocker whose seeds
     * are among these.
     */
    public static KeyPlan of(MatchProfile profile, PreparedRecords records, boolean[] seeds,
                             CancellationToken cancel) {
        List<BlockingRuleSpec> rules = profile.blocking();
        long[][] sorted = new long[rules.size()][];
        long[] withKey = new long[rules.size()];
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long[] count = new long[1];
            sorted[r] = BlockingKeys.sortedEntries(rules.get(r), records, seeds, count);
            withKey[r] = count[0];
        });
        return new KeyPlan(records, rules, sorted, withKey, seeds);
    }

    /**
     * The rules' key entries over all records, computed once (unsorted) for plans of several seed sets: the
     * passes of an incremental run compute every record's keys once.
     */
    public static Entries entries(MatchProfile profile, PreparedRecords records, CancellationToken cancel) {
        List<BlockingRuleSpec> rules = profile.blocking();
        long[][] all = new long[rules.size()][];
        long[] withKey = new long[rules.size()];
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long[] count = new long[1];
            all[r] = BlockingKeys.allEntries(rules.get(r), records, count);
            withKey[r] = count[0];
        });
        return new Entries(records, rules, all, withKey);
    }

    /**
     * As {@link #entries(MatchProfile, PreparedRecords, CancellationToken)}, from the records' keys computed
     * before (or kept with the workspace's snapshot): one entry per key, nothing computed again.
     */
    public static Entries entries(MatchProfile profile, PreparedRecords records, RecordKeys keys,
                                  CancellationToken cancel) {
        return entries(profile, records, List.of(keys), cancel);
    }

    /** As {@link #entries(MatchProfile, PreparedRecords, RecordKeys, CancellationToken)}, from the keys in parts
     * (those of the first records, then the next, ...), without joining them first. */
    public static Entries entries(MatchProfile profile, PreparedRecords records, List<RecordKeys> parts,
                                  CancellationToken cancel) {
        List<BlockingRuleSpec> rules = profile.blocking();
        int covered = 0;
        for (RecordKeys p : parts) {
            if (p.rules() != rules.size()) {
                throw new IllegalArgumentException("keys of " + p.rules() + " rules for " + rules.size());
            }
            covered += p.count();
        }
        if (covered != records.size()) {
            throw new IllegalArgumentException("keys of " + covered + " records for " + records.size());
        }
        long[][] all = new long[rules.size()][];
        long[] withKey = new long[rules.size()];
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long total = 0;
            for (RecordKeys p : parts) {
                total += p.keyCount(r);
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("blocking rule " + rules.get(r).name() + " has too many keys");
            }
            long[] out = new long[(int) total];
            int at = 0;
            int first = 0;
            long keyed = 0;
            for (RecordKeys p : parts) {
                keyed += p.entries(r, records.size(), first, out, at);
                at += p.keyCount(r);
                first += p.count();
            }
            all[r] = out;
            withKey[r] = keyed;
        });
        return new Entries(records, rules, all, withKey);
    }

    /** All records' key entries of the rules; {@link #plan} gives the plan of a set of seeds. */
    public static final class Entries {
        private final PreparedRecords records;
        private final List<BlockingRuleSpec> rules;
        private final long[][] all;
        private final long[] withKey;

        /** Per rule, whether its entries are sorted already (by an earlier plan; all rules at once). */
        private final boolean[] isSorted;

        private Entries(PreparedRecords records, List<BlockingRuleSpec> rules, long[][] all, long[] withKey) {
            this.records = records;
            this.rules = rules;
            this.all = all;
            this.withKey = withKey;
            this.isSorted = new boolean[Math.max(1, rules.size())];
        }

        /**
         * As {@link KeyPlan#of(MatchProfile, PreparedRecords, boolean[], CancellationToken)}, from these. With
         * many seeds (at least {@link BlockingKeys#SORT_ALL_FROM} of the records, as in a large feed) a rule's
         * entries are sorted once, in place, and every plan after it takes the blocks with a seed out of them in
         * one scan: an incremental run's two passes then sort each rule's entries once instead of twice (and
         * look no key up in a hash set). With few seeds (a daily feed) the entries of keys with a seed are found
         * through a hash set and only those are sorted. Either way the plan holds exactly the same entries.
         */
        public KeyPlan plan(boolean[] seeds, CancellationToken cancel) {
            long[][] sorted = new long[rules.size()][];
            boolean sortAll = seeds == null || isSorted[0] || BlockingKeys.manySeeds(seeds);
            IntStream.range(0, rules.size()).parallel().forEach(r -> {
                cancel.throwIfCancelled();
                if (sortAll) {
                    if (!isSorted[r]) {
                        java.util.Arrays.sort(all[r]);
                        isSorted[r] = true;
                    }
                    sorted[r] = BlockingKeys.seedBlocks(all[r], records.size(), seeds);
                } else {
                    sorted[r] = BlockingKeys.seedEntries(all[r], records.size(), seeds);
                }
            });
            return new KeyPlan(records, rules, sorted, withKey.clone(), seeds);
        }
    }

    /** Entries in the plan, over all rules. */
    public long entries() {
        long total = 0;
        for (long[] s : sorted) {
            total += s.length;
        }
        return total;
    }
}
