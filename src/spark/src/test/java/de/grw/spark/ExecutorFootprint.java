package de.grw.spark;

import de.grw.importing.MappingFile;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one executor holds of the records, measured as a real executor gets them: the job's broadcast serialised on
 * the driver, read back in this JVM with the driver's objects dropped, and the executor's engine built from it
 * (compiled comparisons, contradictions, blocker). Prints the broadcast's bytes, the heap the executor keeps for it
 * (in use after a collection, after minus before; the broadcast value and the engine built from it) and the CPU
 * seconds the executor spends building its engine. The same class runs on an older build of the job (it uses only
 * {@code EngineContext.of}, {@code engine()} and {@code release()}), so old and new are measured alike.
 * Tagged {@code spark-heavy}: {@code mvn -B -o -pl src/spark -am test -Dtest=ExecutorFootprint
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.spark.excluded=none -Dgrw.spark.heap=6g
 * -Dgrw.footprint.records=1000000 -Dgrw.footprint.dir=/tmp/pop1m} (the folder is generated once and reused).
 */
@Tag("spark-heavy")
@Tag("spark-scaling")
class ExecutorFootprint {
    @Test
    void footprintOfOneExecutor() throws Exception {
        long target = Long.parseLong(System.getProperty("grw.footprint.records", "100000"));
        Path folder = Path.of(System.getProperty("grw.footprint.dir",
                System.getProperty("java.io.tmpdir") + "/grw-footprint-" + target));
        Path[] inputs = SparkTestSession.population(folder, target);
        MatchProfile profile = ProfileLoader.defaultProfile();
        RecordTable table = SourceLoading.load(null, profile, MappingFile.NONE, null, List.of(inputs)).table();
        int records = table.size();
        EngineContext context = EngineContext.of(profile, table, false);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(context);
        }
        context.release();
        byte[] bytes = buffer.toByteArray();
        buffer = null;
        context = null;
        table = null;
        long before = usedAfterCollection();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        EngineContext shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            shipped = (EngineContext) in.readObject();
        }
        EngineContext.Engine engine = shipped.engine();
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        long after = usedAfterCollection();
        System.out.printf("FOOTPRINT %,d records | broadcast %,.1f MB | executor keeps %,.1f MB (%,d B a record)"
                        + " | builds its engine in %.1f s wall, %.1f s CPU (this thread) | %d patterns checked | load %.1f%n",
                records, bytes.length / 1e6, (after - before) / 1e6, (after - before) / records, wallSeconds,
                cpuSeconds, engine.comparisons().pattern(0, 1) >= 0 ? 1 : 0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        shipped.release();
    }

    private static long usedAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
