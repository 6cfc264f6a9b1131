package de.grw.spark;

import de.grw.matching.blocking.BlockEntries;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.blocking.RuleStats;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The profile's blocking rules across the cluster: each task computes the key entries of a slice of the records with
 * the engine's own keys ({@link BlockEntries}), a shuffle brings each block (rule and key) to one task, and the
 * engine's {@link Blocker#expandBlock} turns it into pairs: all pairs of a block within the limit, the sliding window
 * over an oversized one, the pairs left out counted per rule. The pairs and the per-rule figures are those of the
 * single-machine blocker.
 */
final class DistributedBlocking {
    private DistributedBlocking() {
    }

    /** The candidate pairs (distinct, packed as the engine packs them) and what each rule did. */
    record Result(JavaRDD<Long> pairs, List<RuleStats> stats) {
    }

    /** What one block gave: its rule, size, pairs and the engine's figures (pairs, oversized, left out). */
    record BlockOutcome(int rule, int size, long[] pairs, long emitted, long oversized, long leftOut)
            implements Serializable {
    }

    static Result run(JavaSparkContext jsc, Broadcast<EngineContext> context, List<BlockingRuleSpec> rules,
                      int partitions) {
        int n = context.value().size();
        JavaRDD<int[]> sliceRdd = slices(jsc, n, partitions);
        int ruleCount = rules.size();

        long[] withKey = sliceRdd.map(s -> {
            EngineContext.Engine e = context.value().engine();
            long[] counts = new long[ruleCount];
            for (int r = 0; r < ruleCount; r++) {
                long[] keyed = new long[1];
                BlockEntries.of(e.profile().blocking().get(r), e.records(), s[0], s[1], keyed);
                counts[r] = keyed[0];
            }
            return counts;
        }).fold(new long[ruleCount], DistributedBlocking::sum);

        JavaRDD<BlockOutcome> outcomes = blocks(sliceRdd, context, false, ruleCount, n, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());

        // per rule: blocks, largest block, pairs, oversized blocks, pairs left out
        Map<Integer, long[]> perRule = outcomes.mapToPair(o -> new Tuple2<>(o.rule(),
                new long[] {1, o.size(), o.emitted(), o.oversized(), o.leftOut()}))
                .reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1]), a[2] + b[2], a[3] + b[3],
                        a[4] + b[4]}).collectAsMap();
        List<RuleStats> stats = new ArrayList<>();
        for (int r = 0; r < ruleCount; r++) {
            long[] f = perRule.getOrDefault(r, new long[5]);
            stats.add(new RuleStats(rules.get(r).name(), withKey[r], f[0], f[1], f[2], f[3], f[4]));
        }
        JavaRDD<Long> pairs = outcomes.flatMap(o -> Arrays.stream(o.pairs()).boxed().iterator())
                .distinct(partitions);
        return new Result(pairs, stats);
    }

    /**
     * The pairs of the profile's blocking rules, or of its household blocking rules ({@code household}, for
     * {@link HouseholdAntiJoin}), one array per block and rule, without the per-rule figures: a pair of two rules or
     * blocks is in both arrays (the caller makes them distinct). Per rule they are the pairs
     * {@link Blocker#pairsOf} forms over all records.
     */
    static JavaRDD<long[]> pairsOf(JavaSparkContext jsc, Broadcast<EngineContext> context, boolean household,
                                   int partitions) {
        int n = context.value().size();
        int ruleCount = rules(context.value().engine().profile(), household).size();
        return blocks(slices(jsc, n, partitions), context, household, ruleCount, n, partitions)
                .map(BlockOutcome::pairs);
    }

    private static JavaRDD<int[]> slices(JavaSparkContext jsc, int n, int partitions) {
        List<int[]> slices = new ArrayList<>();
        int step = Math.max(1, (n + partitions * 4 - 1) / (partitions * 4));
        for (int from = 0; from < n; from += step) {
            slices.add(new int[] {from, Math.min(n, from + step)});
        }
        return jsc.parallelize(slices, Math.max(1, Math.min(slices.size(), partitions * 4)));
    }

    private static List<BlockingRuleSpec> rules(de.grw.profile.MatchProfile profile, boolean household) {
        return household ? profile.model().household().blocking() : profile.blocking();
    }

    /** Each block (rule and key) brought to one task by a shuffle and expanded there by the engine's blocker. */
    private static JavaRDD<BlockOutcome> blocks(JavaRDD<int[]> sliceRdd, Broadcast<EngineContext> context,
                                                boolean household, int ruleCount, int n, int partitions) {
        int bits = Blocker.recordBits(n);
        long mask = (1L << bits) - 1;
        JavaPairRDD<Tuple2<Integer, Long>, Integer> entries = sliceRdd.flatMapToPair(s -> {
            EngineContext.Engine e = context.value().engine();
            List<BlockingRuleSpec> rules = rules(e.profile(), household);
            List<Tuple2<Tuple2<Integer, Long>, Integer>> out = new ArrayList<>();
            for (int r = 0; r < ruleCount; r++) {
                for (long entry : BlockEntries.of(rules.get(r), e.records(), s[0], s[1], new long[1])) {
                    out.add(new Tuple2<>(new Tuple2<>(r, entry >>> bits), (int) (entry & mask)));
                }
            }
            return out.iterator();
        });
        return entries.groupByKey(partitions).flatMap(block -> {
            int[] records = distinctSorted(block._2);
            if (records.length < 2) {
                return java.util.Collections.emptyIterator();
            }
            EngineContext.Engine e = context.value().engine();
            int rule = block._1._1;
            LongList out = new LongList(16);
            long[] figures = e.blocker().expandBlock(rules(e.profile(), household).get(rule), records,
                    records.length, e.sortFields(), out);
            return List.of(new BlockOutcome(rule, records.length, out.toArray(), figures[0], figures[1],
                    figures[2])).iterator();
        });
    }

    private static int[] distinctSorted(Iterable<Integer> records) {
        int[] all = new int[16];
        int size = 0;
        for (int r : records) {
            if (size == all.length) {
                all = Arrays.copyOf(all, size * 2);
            }
            all[size++] = r;
        }
        Arrays.sort(all, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    private static long[] sum(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
