package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark standalone cluster on this machine (issue 17): a master and two workers as child JVMs on
 * loopback ({@link SparkStandaloneCluster}), executors in JVMs of their own that get the engine through the
 * broadcast, the driver in this JVM. On FEBRL1 with blocking forced on (so the distributed blocking, comparison, EM
 * counts, scoring, components and clustering all run on the executors), its clusters equal local mode's, record for
 * record, and the engine's. About 2.5 minutes here (load average about 20; starting the master, the workers and their
 * executor JVMs is most of it): tagged {@code spark-heavy} and {@code spark-cluster}, so CI leaves it out (the local
 * mode tests run every time); {@code -Dgrw.spark.excluded=none -Dtest=SparkStandaloneClusterTest} runs it.
 */
@Tag("spark-heavy")
@Tag("spark-cluster")
class SparkStandaloneClusterTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkersGiveTheClustersOfLocalMode() throws Exception {
        long started = System.nanoTime();
        MatchProfile profile = SparkTestSession.withLimits(ProfileLoader.defaultProfile(), 50, 10, 0);
        Path febrl1 = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(febrl1).as("benchmark data set (see ../shared/datasets/README.md)").exists();

        int[] local;
        long localPairs;
        RecordTable table;
        SparkSession spark = SparkTestSession.start();
        try {
            table = SparkTestSession.load(spark, profile, febrl1);
            try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                    .run(spark, table, MatchOptions.defaults())) {
                local = result.clusterArray();
                localPairs = result.candidatePairs();
            }
        } finally {
            spark.stop();
        }
        MatchResult engine = SparkTestSession.engine(profile, table);

        try (SparkStandaloneCluster cluster = SparkStandaloneCluster.start(dir, 2, "512m")) {
            long clusterStarted = System.nanoTime();
            SparkSession remote = SparkSession.builder().master(cluster.masterUrl()).appName("grw-spark-cluster-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.executor.memory", "512m")
                    .config("spark.executor.cores", "1")
                    .config("spark.cores.max", "2")
                    .config("spark.executor.extraClassPath", cluster.classPath())
                    .config("spark.executor.extraJavaOptions", SparkStandaloneCluster.opens())
                    .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                    .config("spark.default.parallelism", String.valueOf(SparkTestSession.PARTITIONS))
                    .config("spark.sql.shuffle.partitions", String.valueOf(SparkTestSession.PARTITIONS))
                    .getOrCreate();
            try {
                awaitExecutors(remote, 2, 240_000);
                try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                        .run(remote, table, MatchOptions.defaults())) {
                    int[] onCluster = result.clusterArray();
                    assertThat(remote.sparkContext().getExecutorMemoryStatus().size())
                            .as("the driver and two executors").isEqualTo(3);
                    assertThat(result.candidatePairs()).isEqualTo(localPairs).isEqualTo(engine.pairCount());
                    assertThat(onCluster).as("the clusters of local mode, record for record").isEqualTo(local);
                    assertThat(SparkTestSession.agreement(onCluster, engine).f1()).isGreaterThanOrEqualTo(0.999);
                    System.out.printf("standalone cluster (master, 2 workers): %d records, %d candidate pairs, "
                                    + "timings %s; cluster part %.1f s, whole test %.1f s%n", table.size(),
                            result.candidatePairs(), result.timings(), (System.nanoTime() - clusterStarted) / 1e9,
                            (System.nanoTime() - started) / 1e9);
                }
            } finally {
                remote.stop();
            }
        }
    }

    /** Waits until the workers' executors have registered with the driver. */
    private static void awaitExecutors(SparkSession spark, int executors, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (spark.sparkContext().getExecutorMemoryStatus().size() < executors + 1) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("only " + (spark.sparkContext().getExecutorMemoryStatus().size() - 1)
                        + " executors registered within " + millis + " ms");
            }
            Thread.sleep(500);
        }
    }
}
