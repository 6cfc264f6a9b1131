package de.grw.spark;

import de.grw.bench.LineChart;
import de.grw.bench.ScaleCurvePlot;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.awt.Color;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scaling series of issue 17 in local mode ({@code local[*]}): generated populations (seed 17) of the sizes in
 * {@code -Dgrw.scaling.sizes} (records, comma-separated; default 250000,500000,1000000), each matched by the job with
 * the default profile and then, up to {@code -Dgrw.scaling.engineUpTo} records (default 5,000,000; 0: never), by the
 * single-machine engine on the same records. Per step it prints and appends to {@code -Dgrw.scaling.csv} (default
 * {@code target/spark-scaling.csv}): the job's wall time (normalise to clusters; reading the files excluded) and the
 * process's CPU seconds (all threads), the candidate pairs, the shuffle volume (bytes written by the shuffles, from a
 * listener on the tasks' metrics), the largest peak execution memory of a task, the broadcast each executor receives
 * and keeps (the records in the engine's compact form, {@link EngineContext}), the heap peak (the sum of the heap
 * pools' peaks; in local mode the executors are this JVM, the driver too), then the engine's wall, CPU seconds and
 * heap peak, and the pairwise F1 between the job's clusters and the engine's. With {@code -Dgrw.scaling.png} it draws
 * every row of the CSV file as a picture ({@link LineChart}). Tagged {@code spark-scaling} and {@code spark-heavy}:
 * never in a default run; {@code -Dgrw.scaling.sizes=} (none) only draws the CSV file's rows. The pair data's
 * partitions: {@code -Dgrw.scaling.partitions} (default twice the cores, 4 here; the job's {@code --partitions}). Populations are generated into {@code -Dgrw.scaling.dir} (default the temporary folder)
 * and reused. Run (heap above 3 GB: under the shared lock on this machine):
 * {@code mvn -B -o -pl src/spark -am process-test-classes surefire:test@default-test -Dtest=SparkScalingSeries
 * -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgrw.spark.excluded=none -Dgrw.spark.heap=12g -Dgrw.scaling.sizes=250000,500000,1000000
 * -Dgrw.scaling.csv=$PWD/docs/spark-scaling.csv -Dgrw.scaling.png=$PWD/docs/spark-scaling.png} (only the default
 * surefire execution: {@code test -Dtest=} would run it in the module's second execution too and repeat the row).
 */
@Tag("spark-scaling")
@Tag("spark-heavy")
class SparkScalingSeries {
    static final String HEADER = "records,spark_s,spark_cpu_s,pairs,shuffle_mb,task_memory_mb,broadcast_mb,"
            + "heap_peak_mb,engine_s,engine_cpu_s,engine_heap_peak_mb,engine_pairs,f1_vs_engine,load,heap_max_mb,partitions";

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
        long engineUpTo = Long.parseLong(System.getProperty("grw.scaling.engineUpTo", "5000000"));
        Path base = Path.of(System.getProperty("grw.scaling.dir", System.getProperty("java.io.tmpdir")));
        Path csv = Path.of(System.getProperty("grw.scaling.csv", "target/spark-scaling.csv"));
        String png = System.getProperty("grw.scaling.png");
        MatchProfile profile = ProfileLoader.defaultProfile();
        SparkSession spark = SparkSession.builder().master("local[*]").appName("grw-spark-scaling")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        Figures figures = new Figures();
        spark.sparkContext().addSparkListener(figures);
        try {
            for (String s : sizes.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                long target = Long.parseLong(s.trim());
                RecordTable table = SparkTestSession.load(spark, profile,
                        SparkTestSession.population(base.resolve("p" + target), target));
                System.gc();
                resetPeaks();
                figures.reset();
                int partitions = Integer.getInteger("grw.scaling.partitions",
                        2 * spark.sparkContext().defaultParallelism());
                long cpu = processCpu();
                long t = System.nanoTime();
                String row;
                try (SparkMatchResult result = new SparkMatchJob(profile, partitions).run(spark, table,
                        MatchOptions.defaults())) {
                    double seconds = (System.nanoTime() - t) / 1e9;
                    double cpuSeconds = (processCpu() - cpu) / 1e9;
                    long heapPeak = peakHeap();
                    long broadcast = serialisedSize(result.context());
                    int[] clusters = result.clusterArray();
                    row = String.format(Locale.ROOT, "%d,%.1f,%.1f,%d,%.1f,%.1f,%.1f,%d", table.size(), seconds,
                            cpuSeconds, result.candidatePairs(), figures.shuffleWritten.get() / 1e6,
                            figures.peakTaskMemory.get() / 1e6, broadcast / 1e6, heapPeak >> 20);
                    System.out.printf("SCALING spark %,d records | %.1f s | %.1f CPU s | %,d pairs | shuffle written"
                                    + " %,.1f MB, read %,.1f MB | task memory peak %,.1f MB | broadcast %,.1f MB |"
                                    + " heap peak %,d MB | %s%n", table.size(), seconds, cpuSeconds,
                            result.candidatePairs(), figures.shuffleWritten.get() / 1e6,
                            figures.shuffleRead.get() / 1e6, figures.peakTaskMemory.get() / 1e6, broadcast / 1e6,
                            heapPeak >> 20, result.timings());
                    result.close();
                    row += engine(profile, table, target <= engineUpTo, clusters);
                }
                row += String.format(Locale.ROOT, ",%.1f,%d,%d", load(), Runtime.getRuntime().maxMemory() >> 20,
                        partitions);
                System.out.println("SCALING row " + row);
                append(csv, row);
                if (png != null) {
                    plot(csv, Path.of(png));
                }
            }
        } finally {
            spark.stop();
        }
        if (sizes.isBlank() && png != null) {
            // no sizes: only draw the rows measured before
            plot(csv, Path.of(png));
        }
    }

    /** The engine on the same records: wall, CPU seconds, heap peak, pairs and F1 of the job's clusters against it. */
    private static String engine(MatchProfile profile, RecordTable table, boolean run, int[] clusters) {
        if (!run) {
            return ",,,,,";
        }
        System.gc();
        resetPeaks();
        long cpu = processCpu();
        long t = System.nanoTime();
        MatchResult engine = SparkTestSession.engine(profile, table);
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpuSeconds = (processCpu() - cpu) / 1e9;
        long heapPeak = peakHeap();
        PairwiseEvaluation agreement = SparkTestSession.agreement(clusters, engine);
        System.out.printf("SCALING engine %,d records | %.1f s | %.1f CPU s | %,d pairs | heap peak %,d MB | Spark vs "
                + "engine %s%n", table.size(), seconds, cpuSeconds, engine.pairCount(), heapPeak >> 20, agreement);
        return String.format(Locale.ROOT, ",%.1f,%.1f,%d,%d,%.4f", seconds, cpuSeconds, heapPeak >> 20,
                engine.pairCount(), agreement.f1());
    }

    private static void append(Path csv, String row) throws Exception {
        if (csv.toAbsolutePath().getParent() != null) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
        }
        if (!Files.exists(csv)) {
            Files.writeString(csv, HEADER + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(csv, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Every row of the CSV file as a picture: time, memory, pairs and shuffle against records. */
    static void plot(Path csv, Path png) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("records")) {
                continue;
            }
            String[] f = line.split(",", -1);
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
            }
            rows.add(v);
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] x = column(rows, 0, 1e6);
        Color spark = new Color(0xC0392B);
        Color engine = new Color(0x2471A3);
        Color grey = new Color(0x7F8C8D);
        LineChart.Line sparkWall = new LineChart.Line("Spark job, wall", spark, false, x, column(rows, 1, 1));
        LineChart.Line sparkCpu = new LineChart.Line("Spark job, CPU s", spark, true, x, column(rows, 2, 1));
        LineChart.Line engineWall = new LineChart.Line("engine, wall", engine, false, x, column(rows, 8, 1));
        LineChart.Line engineCpu = new LineChart.Line("engine, CPU s", engine, true, x, column(rows, 9, 1));
        LineChart.Line sparkHeap = new LineChart.Line("Spark JVM heap peak", spark, false, x, column(rows, 7, 1024));
        LineChart.Line engineHeap = new LineChart.Line("engine heap peak", engine, false, x, column(rows, 10, 1024));
        LineChart.Line broadcast = new LineChart.Line("records per executor (broadcast)", spark, true, x,
                column(rows, 6, 1000));
        LineChart.Line pairs = new LineChart.Line("candidate pairs (M)", grey, false, x, column(rows, 3, 1e6));
        LineChart.Line shuffle = new LineChart.Line("shuffle written (100 MB)", grey, true, x, column(rows, 4, 100));
        double end = x.length == 0 ? 1 : x[x.length - 1];
        LineChart.writeLegendsUnderPanels(png, 440, 360, List.of(
                        ScaleCurvePlot.millions("Time (seconds)", x, end, List.of(sparkWall, sparkCpu, engineWall,
                                engineCpu), 0, "", "%.0f"),
                        ScaleCurvePlot.millions("Memory (GB)", x, end, List.of(sparkHeap, engineHeap, broadcast), 0,
                                "", "%.1f"),
                        ScaleCurvePlot.millions("Pairs and shuffle", x, end, List.of(pairs, shuffle), 0, "",
                                "%.1f")),
                List.of(List.of(sparkWall, sparkCpu, engineWall, engineCpu), List.of(sparkHeap, engineHeap, broadcast),
                        List.of(pairs, shuffle)));
    }

    private static double[] column(List<double[]> rows, int index, double unit) {
        return rows.stream().mapToDouble(r -> index < r.length ? r[index] / unit : Double.NaN).toArray();
    }

    private static long serialisedSize(Object value) throws Exception {
        AtomicLong bytes = new AtomicLong();
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            out.writeObject(value);
        }
        return bytes.get();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
