package de.grw.spark;

import de.grw.matching.MatchOptions;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaling series of issue 17 in local mode ({@code local[*]}): generated populations of the sizes in
 * {@code -Dgrw.scaling.sizes} (records, comma-separated; default 250000,500000,1000000), each matched by the job with
 * the default profile; per step it prints the job's wall time (normalise to clusters; reading the files excluded), the
 * candidate pairs, the shuffle volume (bytes written and read by the shuffles, from a listener on the tasks' metrics),
 * the largest peak execution memory of a task (Spark's task metrics) and the heap peak: the sum of the heap pools'
 * peaks since the job began (an upper bound of the peak heap; in local mode the executors are this JVM, the driver too).
 * Tagged {@code spark-scaling} and {@code spark-heavy}: never in a default run. Run:
 * {@code mvn -B -o -pl src/spark -am test -Dtest=SparkScalingSeries -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgrw.spark.excluded=none -Dgrw.spark.heap=8g -Dgrw.scaling.sizes=250000,500000,1000000}.
 */
@Tag("spark-scaling")
@Tag("spark-heavy")
class SparkScalingSeries {
    @TempDir
    Path dir;

    /** Shuffle bytes and task memory, summed over the tasks that ended since the last reset. */
    static final class Figures extends SparkListener {
        final AtomicLong shuffleWritten = new AtomicLong();
        final AtomicLong shuffleRead = new AtomicLong();
        final AtomicLong peakTaskMemory = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() == null) {
                return;
            }
            shuffleWritten.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
            shuffleRead.addAndGet(end.taskMetrics().shuffleReadMetrics().totalBytesRead());
            peakTaskMemory.accumulateAndGet(end.taskMetrics().peakExecutionMemory(), Math::max);
        }

        void reset() {
            shuffleWritten.set(0);
            shuffleRead.set(0);
            peakTaskMemory.set(0);
        }
    }

    @Test
    void series() throws Exception {
        String sizes = System.getProperty("grw.scaling.sizes", "250000,500000,1000000");
        MatchProfile profile = ProfileLoader.defaultProfile();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("grw-spark-scaling")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        Figures figures = new Figures();
        spark.sparkContext().addSparkListener(figures);
        List<String> rows = new ArrayList<>();
        try {
            for (String s : sizes.split(",")) {
                long target = Long.parseLong(s.trim());
                Path folder = dir.resolve("p" + target);
                new PopulationGenerator().generate(GeneratorConfig.of(17, target, folder));
                Path[] inputs;
                try (Stream<Path> files = Files.list(folder)) {
                    inputs = files.filter(f -> f.toString().endsWith(".csv"))
                            .filter(f -> !f.getFileName().toString().equals(PopulationGenerator.TRUTH_FILE))
                            .sorted().toArray(Path[]::new);
                }
                RecordTable table = SparkTestSession.load(spark, profile, inputs);
                System.gc();
                resetPeaks();
                figures.reset();
                int partitions = 2 * spark.sparkContext().defaultParallelism();
                long t = System.nanoTime();
                try (SparkMatchResult result = new SparkMatchJob(profile, partitions).run(spark, table,
                        MatchOptions.defaults())) {
                    double seconds = (System.nanoTime() - t) / 1e9;
                    String row = String.format("%,d records | %,.1f s | %,d candidate pairs | shuffle written %,.1f MB,"
                                    + " read %,.1f MB | peak task execution memory %,.1f MB | heap peak %,.0f MB | "
                                    + "timings %s", table.size(), seconds, result.candidatePairs(),
                            figures.shuffleWritten.get() / 1e6, figures.shuffleRead.get() / 1e6,
                            figures.peakTaskMemory.get() / 1e6, peakHeap() / 1e6, result.timings());
                    System.out.println("SCALING " + row);
                    rows.add(row);
                }
            }
        } finally {
            spark.stop();
        }
        System.out.printf("SCALING series (local[*], %d cores, load average %.1f):%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        rows.forEach(r -> System.out.println("SCALING " + r));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
