package de.grw.spark;

import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.model.HouseholdPairs;
import de.grw.matching.util.LongList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The household rules' pairs that are no candidate pairs, for the estimate ({@link HouseholdPairs}), found on the
 * executors as an anti-join: the household blocking rules' pairs ({@link DistributedBlocking#pairsOf}) and the
 * candidate pairs are both cut into the same ranges of their first record and shuffled, as primitive arrays, to one
 * task per range; there the range's household pairs are sorted, those that are candidates struck out, and the rest
 * kept, ascending. The driver receives how many each range kept, then the counted comparison vectors of the sample
 * {@link HouseholdPairs} draws (each range compares the draws that fall within it): a few numbers per partition and
 * per distinct vector, never the pairs.
 *
 * <p>Before, the driver gathered every candidate pair into one sorted array to ask of each household pair whether it
 * was a candidate: 8 bytes a candidate pair on the driver (960 MB and out of memory at 5 million records, 120 million
 * pairs, with a 14 GB heap; no more than about 2.1 billion pairs in any case), and the household pairs were formed on
 * the driver too. Spark's {@code subtractByKey} would do the same join with a boxed key and a hash map entry a pair;
 * the ranges here shuffle 8 bytes a pair and keep the draw's order without a sort of the whole.
 */
final class HouseholdAntiJoin implements HouseholdPairs {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdAntiJoin.class);

    /** A pair's comparison vector, on an executor. */
    interface Compare extends Serializable {
        long pattern(long pair);
    }

    private final JavaSparkContext jsc;
    private final Broadcast<EngineContext> context;
    private final JavaRDD<Long> candidates;
    private final int partitions;

    /**
     * @param candidates the candidate pairs (distinct)
     * @param partitions how many ranges the pairs are cut into
     */
    HouseholdAntiJoin(JavaSparkContext jsc, Broadcast<EngineContext> context, JavaRDD<Long> candidates,
                      int partitions) {
        this.jsc = jsc;
        this.context = context;
        this.candidates = candidates;
        this.partitions = Math.max(1, partitions);
    }

    @Override
    public Drawn draw(int samplePairs) {
        long start = System.nanoTime();
        Broadcast<EngineContext> shared = context;
        JavaRDD<long[]> household = DistributedBlocking.pairsOf(jsc, shared, true, partitions);
        Drawn drawn = draw(household, candidates, context.value().size(), partitions, samplePairs,
                p -> shared.value().engine().comparisons().pattern(CandidatePairs.first(p), CandidatePairs.second(p)));
        LOG.info("Spark match: {} household pairs are no candidates, {} of them compared for the estimate, in {} s",
                drawn.count(), drawn.sample().total(), String.format(java.util.Locale.ROOT, "%.1f",
                        (System.nanoTime() - start) / 1e9));
        return drawn;
    }

    /**
     * The anti-join and the draw over any pairs (the tests give their own).
     *
     * @param household   the household pairs, in arrays (a pair may come in several)
     * @param candidates  the candidate pairs, distinct
     * @param recordCount the records the pairs' members are numbered in
     */
    static Drawn draw(JavaRDD<long[]> household, JavaRDD<Long> candidates, int recordCount, int partitions,
                      int samplePairs, Compare compare) {
        JavaRDD<long[]> outside = outside(household, candidates, recordCount, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long[] offsets = new long[partitions + 1];
            for (Tuple2<Integer, Long> kept : outside.mapPartitionsWithIndex((index, it) -> {
                long count = 0;
                while (it.hasNext()) {
                    count += it.next().length;
                }
                return List.of(new Tuple2<>(index, count)).iterator();
            }, false).collect()) {
                offsets[kept._1 + 1] = kept._2;
            }
            for (int t = 0; t < partitions; t++) {
                offsets[t + 1] += offsets[t];
            }
            long count = offsets[partitions];
            if (count == 0) {
                return Drawn.NONE;
            }
            int sample = HouseholdPairs.sampleSize(count, samplePairs);
            Map<Long, Long> byPattern = outside.mapPartitionsWithIndex((index, it) -> {
                List<Long> out = new ArrayList<>();
                long at = offsets[index];
                while (it.hasNext()) {
                    long[] part = it.next();
                    int from = HouseholdPairs.firstDrawnAt(at, count, sample);
                    int to = HouseholdPairs.firstDrawnAt(at + part.length, count, sample);
                    for (int i = from; i < to; i++) {
                        out.add(compare.pattern(part[(int) (HouseholdPairs.position(i, count, sample) - at)]));
                    }
                    at += part.length;
                }
                return out.iterator();
            }, false).countByValue();
            var counted = SparkMatchJob.counts(byPattern);
            if (counted.total() != sample) {
                throw new IllegalStateException("household pairs: " + sample + " to draw, " + counted.total()
                        + " drawn");
            }
            return new Drawn(count, counted);
        } finally {
            outside.unpersist(false);
        }
    }

    /**
     * The household pairs that are no candidates: one ascending array per range of first records, the ranges in
     * ascending order, so that the partitions one after the other hold them all in ascending order.
     */
    static JavaRDD<long[]> outside(JavaRDD<long[]> household, JavaRDD<Long> candidates, int recordCount,
                                   int partitions) {
        int[] bounds = bounds(recordCount, partitions);
        HashPartitioner byRange = new HashPartitioner(partitions);
        JavaPairRDD<Integer, long[]> householdByRange = household.mapPartitionsToPair(it -> {
            Ranges ranges = new Ranges(bounds);
            while (it.hasNext()) {
                for (long pair : it.next()) {
                    ranges.add(pair);
                }
            }
            return ranges.pieces();
        }).partitionBy(byRange);
        JavaPairRDD<Integer, long[]> candidatesByRange = candidates.mapPartitionsToPair(it -> {
            Ranges ranges = new Ranges(bounds);
            while (it.hasNext()) {
                ranges.add(it.next());
            }
            return ranges.pieces();
        }).partitionBy(byRange);
        return householdByRange.zipPartitions(candidatesByRange, (h, c) -> {
            LongList all = new LongList(1024);
            while (h.hasNext()) {
                for (long pair : h.next()._2) {
                    all.add(pair);
                }
            }
            long[] pairs = all.toArray();
            int size = LongList.sortUnique(pairs, pairs.length);
            boolean[] candidate = new boolean[size];
            while (c.hasNext()) {
                for (long pair : c.next()._2) {
                    int at = Arrays.binarySearch(pairs, 0, size, pair);
                    if (at >= 0) {
                        candidate[at] = true;
                    }
                }
            }
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!candidate[i]) {
                    pairs[kept++] = pairs[i];
                }
            }
            return List.of(Arrays.copyOf(pairs, kept)).iterator();
        });
    }

    /**
     * The first record of each range, ascending, {@code partitions + 1} of them from 0 to {@code recordCount}. A
     * record's pairs with later records are the more the earlier it stands, about in proportion to the records after
     * it, so the ranges are cut where the pairs' share of the square grows evenly: range {@code t} starts at
     * {@code n (1 - sqrt(1 - t / partitions))}.
     */
    static int[] bounds(int recordCount, int partitions) {
        int[] bounds = new int[partitions + 1];
        for (int t = 1; t < partitions; t++) {
            int at = (int) Math.round(recordCount * (1 - Math.sqrt(1 - (double) t / partitions)));
            bounds[t] = Math.max(bounds[t - 1], Math.min(recordCount, at));
        }
        bounds[partitions] = recordCount;
        return bounds;
    }

    /** The range of a pair: the last range starting at or before its first record. */
    static int range(int[] bounds, long pair) {
        int first = CandidatePairs.first(pair);
        int low = 0;
        int high = bounds.length - 2;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (bounds[mid] <= first) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** A task's pairs cut into the ranges, each range's as one primitive array. */
    private static final class Ranges {
        private final int[] bounds;
        private final LongList[] lists;

        Ranges(int[] bounds) {
            this.bounds = bounds;
            this.lists = new LongList[bounds.length - 1];
        }

        void add(long pair) {
            int t = range(bounds, pair);
            if (lists[t] == null) {
                lists[t] = new LongList(256);
            }
            lists[t].add(pair);
        }

        Iterator<Tuple2<Integer, long[]>> pieces() {
            List<Tuple2<Integer, long[]>> out = new ArrayList<>();
            for (int t = 0; t < lists.length; t++) {
                if (lists[t] != null) {
                    out.add(new Tuple2<>(t, lists[t].toArray()));
                    lists[t] = null;
                }
            }
            return out.iterator();
        }
    }
}
