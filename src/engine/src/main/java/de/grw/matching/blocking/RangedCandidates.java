package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.PreparedField;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The candidate pairs of a blocker without seeds, formed in ranges of their first record so that the pairs proposed
 * by several rules never all stand at once: the distinct pairs of one range are found and kept before the next range
 * is expanded. Before, every rule's pairs (the duplicates between rules included, 2 to 3 copies of each distinct
 * pair) were held together and then copied once more to remove the duplicates: at 5 million records about 5 GB for
 * 120 million distinct pairs, more than the pairs themselves.
 *
 * <p>How: each rule's sorted key entries are turned once into its blocks of at least two records, each block's
 * distinct records ascending in one int array (4 bytes a record in a block; keys and single records dropped). An
 * oversized block's window pairs (linear in its size) are expanded once, as {@link Blocker#expandBlock} does, and
 * kept apart. A block's pairs with first record in {@code [lo, hi)} are those from its members in that range to every
 * later member, so a range costs only the pairs it holds plus a binary search per block. The ranges are cut from a
 * histogram of the pairs by first record so that each holds at most about {@link #RANGE_PAIRS} pairs (duplicates
 * between rules included). The pairs, the rules' statistics and their order are exactly those of expanding every
 * rule at once ({@code RangedCandidatesTest}).
 */
final class RangedCandidates {
    /** Pairs (with the duplicates between rules) expanded at once at most, about: 512 MB of longs. */
    static final long RANGE_PAIRS = 64L << 20;
    private static final int BUCKETS = 4096;

    private final Blocker blocker;
    private final int n;
    private final long rangePairs;

    RangedCandidates(Blocker blocker, int records, long rangePairs) {
        this.blocker = blocker;
        this.n = records;
        this.rangePairs = rangePairs;
    }

    /** One rule's blocks of at least two records that are expanded in full, and what it proposed elsewhere. */
    private static final class RuleBlocks {
        int[] members;
        int[] starts;
        int blockCount;
        long blocks;
        long largest;
        long pairs;
        long oversized;
        long leftOut;
        long withKey;
        long[] windowed = new long[0];
        long[] perBucket;
    }

    CandidatePairs candidates(List<BlockingRuleSpec> rules, RuleEntries entries, List<PreparedField> sortFields,
                              ProgressListener progress, CancellationToken cancel) {
        Ranges ranges = ranges(rules, entries, sortFields, progress, cancel);
        List<long[]> parts = new ArrayList<>();
        long distinct = 0;
        for (int c = 0; c < ranges.count(); c++) {
            long[] range = ranges.range(c, cancel);
            distinct += range.length;
            if (distinct > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("blocking proposed " + distinct + " pairs; tighten the blocking rules");
            }
            parts.add(range);
        }
        long[] all = parts.size() == 1 ? parts.get(0) : new long[(int) distinct];
        int at = 0;
        for (int c = 0; c < parts.size() && parts.size() > 1; c++) {
            long[] range = parts.set(c, null);
            System.arraycopy(range, 0, all, at, range.length);
            at += range.length;
        }
        progress.progress("block", rules.size() + 1, rules.size() + 1);
        return new CandidatePairs(all, ranges.stats());
    }

    /**
     * The rules' blocks formed once, the pairs not yet expanded: {@link Ranges#range} expands one range of first
     * records at a time (as often as asked, always the same pairs), so that a caller can compare the pairs range by
     * range and never hold all of them.
     */
    Ranges ranges(List<BlockingRuleSpec> rules, RuleEntries entries, List<PreparedField> sortFields,
                  ProgressListener progress, CancellationToken cancel) {
        int shift = Math.max(0, Blocker.recordBits(n) - Integer.numberOfTrailingZeros(BUCKETS));
        RuleBlocks[] perRule = new RuleBlocks[rules.size()];
        AtomicInteger done = new AtomicInteger();
        progress.progress("block", 0, rules.size() + 1);
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long[] withKey = new long[1];
            long[] sorted = entries.sorted(r, withKey);
            perRule[r] = blocks(rules.get(r), sorted, sortFields, shift, cancel);
            perRule[r].withKey = withKey[0];
            progress.progress("block", done.incrementAndGet(), rules.size() + 1);
        });
        long[] windowed = windowedPairs(perRule);
        return new Ranges(rules, perRule, windowed, cuts(perRule, windowed, shift), shift);
    }

    /** The ranges of a full run's candidate pairs, each expanded on demand. */
    final class Ranges {
        private final List<BlockingRuleSpec> rules;
        private final RuleBlocks[] perRule;
        private final long[] windowed;
        private final int[] cuts;
        private final int shift;
        /** Ranges whose pairs were counted into the rules' statistics (a range expanded again counts once). */
        private final boolean[] counted;

        private Ranges(List<BlockingRuleSpec> rules, RuleBlocks[] perRule, long[] windowed, int[] cuts, int shift) {
            this.rules = rules;
            this.perRule = perRule;
            this.windowed = windowed;
            this.cuts = cuts;
            this.shift = shift;
            this.counted = new boolean[cuts.length - 1];
        }

        int count() {
            return cuts.length - 1;
        }

        /** The distinct pairs of range {@code c} (first records {@code cuts[c] .. cuts[c+1]-1}), sorted. */
        long[] range(int c, CancellationToken cancel) {
            boolean count = !counted[c];
            long[] pairs = RangedCandidates.this.range(perRule, windowed, cuts[c], cuts[c + 1], shift, count, cancel);
            counted[c] = true;
            return pairs;
        }

        /** Each rule's statistics; complete once every range was expanded. */
        List<RuleStats> stats() {
            List<RuleStats> stats = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                RuleBlocks b = perRule[r];
                stats.add(new RuleStats(rules.get(r).name(), b.withKey, b.blocks, b.largest, b.pairs, b.oversized,
                        b.leftOut));
            }
            return List.copyOf(stats);
        }
    }

    /** A rule's sorted key entries, one rule at a time (so that only the rules being grouped hold theirs). */
    @FunctionalInterface
    interface RuleEntries {
        long[] sorted(int rule, long[] withKey);
    }

    private RuleBlocks blocks(BlockingRuleSpec rule, long[] sorted, List<PreparedField> sortFields, int shift,
                              CancellationToken cancel) {
        int recordBits = Blocker.recordBits(n);
        int maxBlock = blocker.maxBlock(rule);
        RuleBlocks out = new RuleBlocks();
        out.perBucket = new long[BUCKETS];
        int[] members = new int[Math.max(16, sorted.length / 2)];
        int used = 0;
        int[] starts = new int[1024];
        int count = 0;
        LongList windowed = new LongList(16);
        SortedBlocks walk = new SortedBlocks(sorted, recordBits, cancel);
        while (walk.next()) {
            int[] block = walk.block;
            int size = walk.size;
            out.blocks++;
            out.largest = Math.max(out.largest, size);
            if (size > maxBlock) {
                expandOversized(rule, block, size, sortFields, windowed, out);
                continue;
            }
            if (used + size > members.length) {
                members = grown(members, used, size);
            }
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = used;
            System.arraycopy(block, 0, members, used, size);
            used += size;
            addPairsPerBucket(out.perBucket, block, size, shift);
        }
        starts[count] = used;
        out.members = Arrays.copyOf(members, used);
        out.starts = Arrays.copyOf(starts, count + 1);
        out.blockCount = count;
        out.windowed = windowed.toArray();
        return out;
    }

    // blocks' rarer steps and inner loop are methods of their own: the JIT compiled the whole of blocks as an
    // on-stack replacement at each of its loops, again for the rules whose blocks took other branches

    /** {@link #blocks}: an oversized block's window pairs, counted into the rule's figures. */
    private void expandOversized(BlockingRuleSpec rule, int[] block, int size, List<PreparedField> sortFields,
                                 LongList windowed, RuleBlocks out) {
        long[] outcome = blocker.expandBlock(rule, block, size, sortFields, windowed);
        out.pairs += outcome[0];
        out.oversized += outcome[1];
        out.leftOut += outcome[2];
    }

    /** {@link #blocks}: the members array grown by half (at least to {@code used + size}). */
    private static int[] grown(int[] members, int used, int size) {
        return Arrays.copyOf(members, (int) Math.min(Integer.MAX_VALUE - 16,
                Math.max((long) used + size, (long) members.length + (members.length >> 1))));
    }

    /** {@link #blocks}: each member's pairs with the members after it, counted in the bucket of its record. */
    private static void addPairsPerBucket(long[] perBucket, int[] block, int size, int shift) {
        for (int x = 0; x + 1 < size; x++) {
            perBucket[block[x] >>> shift] += size - 1 - x;
        }
    }

    /** The oversized blocks' window pairs of all rules, distinct and sorted. */
    private static long[] windowedPairs(RuleBlocks[] perRule) {
        long total = 0;
        for (RuleBlocks b : perRule) {
            total += b.windowed.length;
        }
        long[] all = new long[Math.toIntExact(total)];
        int at = 0;
        for (RuleBlocks b : perRule) {
            System.arraycopy(b.windowed, 0, all, at, b.windowed.length);
            at += b.windowed.length;
            b.windowed = null;
        }
        return Arrays.copyOf(all, LongList.sortUnique(all, all.length));
    }

    /** First records where the ranges begin, ending with {@code n}: each range about {@link #rangePairs} pairs. */
    private int[] cuts(RuleBlocks[] perRule, long[] windowed, int shift) {
        long[] perBucket = new long[BUCKETS];
        for (RuleBlocks b : perRule) {
            for (int k = 0; k < BUCKETS; k++) {
                perBucket[k] += b.perBucket[k];
            }
        }
        for (long pair : windowed) {
            perBucket[CandidatePairs.first(pair) >>> shift]++;
        }
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        long inRange = 0;
        for (int k = 0; k < BUCKETS; k++) {
            long start = (long) k << shift;
            if (start >= n) {
                break;
            }
            if (inRange > 0 && inRange + perBucket[k] > rangePairs) {
                cuts.add((int) start);
                inRange = 0;
            }
            inRange += perBucket[k];
        }
        cuts.add(n);
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The distinct pairs whose first record is in {@code [lo, hi)}, sorted. Each rule's pairs in the range are counted
     * beforehand per bucket of first records ({@code lo} and {@code hi} are bucket bounds or {@code n}), so every rule
     * writes its pairs straight into its own slice of its bucket's region of one array (no growing lists copied into
     * it), and {@link BucketedPairs} sorts each bucket on its own and drops the duplicates.
     */
    private long[] range(RuleBlocks[] perRule, long[] windowed, int lo, int hi, int shift, boolean count,
                         CancellationToken cancel) {
        if (lo >= hi) {
            return new long[0];
        }
        int k0 = lo >>> shift;
        int buckets = ((hi - 1) >>> shift) - k0 + 1;
        int pieces = perRule.length + 1;
        int[] regionStart = new int[buckets + 1];
        int[] from = new int[buckets * pieces];
        int[] to = new int[buckets * pieces];
        int[] windowFrom = new int[buckets + 1];
        int w = lowerBound(windowed, (long) lo << 32);
        long at = 0;
        for (int k = 0; k < buckets; k++) {
            regionStart[k] = (int) at;
            windowFrom[k] = w;
            long next = (long) (k0 + k + 1) << shift;
            while (w < windowed.length && CandidatePairs.first(windowed[w]) < Math.min(next, hi)) {
                w++;
            }
            int p = k * pieces;
            from[p] = (int) at;
            at += w - windowFrom[k];
            to[p] = (int) at;
            for (int r = 0; r < perRule.length; r++) {
                from[p + 1 + r] = (int) at;
                to[p + 1 + r] = (int) at;
                at += perRule[r].perBucket[k0 + k];
            }
            if (at > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("blocking proposed " + at + " pairs in records " + lo + ".." + hi
                        + "; tighten the blocking rules");
            }
        }
        regionStart[buckets] = (int) at;
        windowFrom[buckets] = w;
        long[] all = new long[(int) at];
        for (int k = 0; k < buckets; k++) {
            System.arraycopy(windowed, windowFrom[k], all, from[k * pieces], windowFrom[k + 1] - windowFrom[k]);
        }
        IntStream.range(0, perRule.length).parallel().forEach(r -> {
            RuleBlocks b = perRule[r];
            int[] cursor = new int[buckets];
            for (int k = 0; k < buckets; k++) {
                cursor[k] = from[k * pieces + 1 + r];
            }
            long written = 0;
            for (int k = 0; k < b.blockCount; k++) {
                if ((k & 0xfff) == 0) {
                    cancel.throwIfCancelled();
                }
                int s = b.starts[k];
                int e = b.starts[k + 1];
                if (b.members[s] >= hi || b.members[e - 2] < lo) {
                    continue;
                }
                int first = lowerBound(b.members, s, e, lo);
                int last = lowerBound(b.members, first, e, hi);
                for (int x = first; x < last; x++) {
                    int a = b.members[x];
                    int bucket = (a >>> shift) - k0;
                    int c = cursor[bucket];
                    int end = from[bucket * pieces + 1 + r] + (int) b.perBucket[k0 + bucket];
                    for (int y = x + 1; y < e; y++) {
                        if (blocker.keeps(a, b.members[y])) {
                            if (c == end) {
                                throw new IllegalStateException("rule " + r + " has more pairs in " + lo + ".." + hi
                                        + " than counted");
                            }
                            all[c++] = CandidatePairs.pack(a, b.members[y]);
                        }
                    }
                    written += c - cursor[bucket];
                    cursor[bucket] = c;
                }
            }
            for (int k = 0; k < buckets; k++) {
                to[k * pieces + 1 + r] = cursor[k];
            }
            if (count) {
                b.pairs += written;
            }
        });
        return BucketedPairs.distinct(all, regionStart, pieces, from, to, k0 << shift, shift, cancel);
    }

    private static int lowerBound(int[] a, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(long[] a, long key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }
}
