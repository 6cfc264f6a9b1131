package de.grw.bench.hotpaths;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.data.PreparedRecords;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Blocking and normalising per record: the candidate pairs of all the default profile's blocking rules over the
 * {@value HotPathData#RECORDS} generated records (keys, sorting, the pairs of every block, duplicates across rules
 * removed), and the preparation of those records (every field normalised, dictionary-encoded), each given as time
 * per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BlockBenchmark {
    private HotPathData data;
    private PreparedRecords records;

    @Setup(Level.Trial)
    public void setUp() {
        data = HotPathData.generate();
        data.close();
        records = data.prepare();
    }

    @Benchmark
    @OperationsPerInvocation(HotPathData.RECORDS)
    public long[] candidatePairsPerRecord() {
        return new Blocker(data.profile, records, false).candidates(ProgressListener.NONE, CancellationToken.NONE)
                .pairs();
    }

    @Benchmark
    @OperationsPerInvocation(HotPathData.RECORDS)
    public PreparedRecords prepareRecord() {
        return PreparedRecords.prepare(data.table, data.profile, ProgressListener.NONE, CancellationToken.NONE);
    }
}
