package de.grw.bench.hotpaths;

import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedRecords;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One record-pair comparison: the packed comparison vector (every comparison of the default profile, level by
 * level) of one candidate pair, cycling through the candidate pairs the blocking of the generated registers
 * proposes — the mix of duplicates, relatives and strangers the engine really compares.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompareBenchmark {
    private CompiledComparisons comparisons;
    private long[] pairs;
    private long[] randomPairs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        try (HotPathData data = HotPathData.generate()) {
            PreparedRecords records = data.prepare();
            comparisons = CompiledComparisons.compile(data.profile, records);
            pairs = data.candidatePairs(records);
            randomPairs = new long[1 << 16];
            java.util.Random pick = new java.util.Random(2);
            for (int i = 0; i < randomPairs.length; i++) {
                int a = pick.nextInt(records.size());
                int b = pick.nextInt(records.size());
                randomPairs[i] = CandidatePairs.pack(Math.min(a, b), Math.max(a, b) + (a == b ? 1 : 0));
            }
            // a fixed shuffle, so that consecutive pairs do not share a record (as chunks of a large run rarely do)
            java.util.Random random = new java.util.Random(1);
            for (int i = pairs.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = pairs[i];
                pairs[i] = pairs[j];
                pairs[j] = t;
            }
        }
    }

    @Benchmark
    public long comparePair() {
        long p = pairs[next];
        next = next + 1 == pairs.length ? 0 : next + 1;
        return comparisons.pattern(CandidatePairs.first(p), CandidatePairs.second(p));
    }

    /** A random pair (mostly strangers: every level fails), as the u estimate compares them. */
    @Benchmark
    public long compareRandomPair() {
        long p = randomPairs[next & (randomPairs.length - 1)];
        next++;
        return comparisons.pattern(CandidatePairs.first(p), CandidatePairs.second(p));
    }
}
