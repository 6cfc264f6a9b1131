package de.grw.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar runs the match command headless, in a fresh JVM without a display, on the bundled samples. */
class RunnableJarIT {
    private static final Path JAR = Path.of("target/grw.jar");

    @TempDir
    Path dir;

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }

    @Test
    void matchesTheSamplesWithoutADisplay() throws Exception {
        assertThat(JAR).exists();
        Path clusters = dir.resolve("clusters.csv");
        Result r = run("match", "--clusters", clusters.toString(), "--pairs", dir.resolve("pairs.csv").toString(),
                "samples/melderegister.csv", "samples/sozialamt.csv", "samples/kfz_halter.csv");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Summary", "records read: 600", "seconds per phase", "peak heap");
        List<String> rows = Files.readAllLines(clusters);
        assertThat(rows.get(0)).isEqualTo("source,record_id,cluster_id");
        assertThat(rows).hasSize(601);
        long clusterIds = rows.stream().skip(1).map(l -> l.split(",")[2]).distinct().count();
        assertThat(clusterIds).isLessThan(600).isGreaterThan(200);
    }

    @Test
    void helpAndBadInputExitCleanly() throws Exception {
        Result help = run("match", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("--clusters", "--pairs", "--threshold", "--mapping", "--profile");
        Result missing = run("match", "--clusters", dir.resolve("c.csv").toString(), "gibt-es-nicht.csv");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.output()).contains("gibt-es-nicht.csv").doesNotContain("Exception");
    }
}
