package de.grw.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on this machine for the tests: a master and workers as child JVMs on loopback
 * ({@code org.apache.spark.deploy.master.Master} and {@code ...worker.Worker}, which ship in the Spark jars), each
 * with a small heap. The workers start the executors as JVMs of their own, as on a cluster, with the test's class
 * path (the engine and Spark) as their extra class path: a Spark home is only a folder with an empty {@code jars}.
 */
final class SparkStandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;
    private final String classPath;

    private SparkStandaloneCluster(String masterUrl, String classPath) {
        this.masterUrl = masterUrl;
        this.classPath = classPath;
    }

    /** Starts a master and {@code workers} workers of one core and {@code workerMemory} each; waits for the master. */
    static SparkStandaloneCluster start(Path dir, int workers, String workerMemory) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        SparkStandaloneCluster cluster = new SparkStandaloneCluster("spark://127.0.0.1:" + port, classPath);
        try {
            cluster.launch(dir, home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
            awaitPort(port, 180_000);
            for (int w = 1; w <= workers; w++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + w));
                cluster.launch(dir, home, "worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--cores", "1", "--memory", workerMemory, "--webui-port",
                        String.valueOf(freePort()), "--work-dir", work.toString(), cluster.masterUrl);
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The class path the executors get (the test's: the engine, the job and Spark). */
    String classPath() {
        return classPath;
    }

    /** The JVM options Spark needs on Java 17 (as spark-submit adds them): this test JVM's, from the pom. */
    static String opens() {
        return String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
                        || a.startsWith("-Dio.netty")).toList());
    }

    private void launch(Path dir, Path home, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (String o : opens().split(" ")) {
            if (!o.isBlank()) {
                command.add(o);
            }
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local-" + name)).toString());
        processes.add(pb.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on port " + port + " within " + millis
                + " ms");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
