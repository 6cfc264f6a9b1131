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
        return run(java.util.Map.of(), args);
    }

    private Result run(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.awt.headless=true", "-Dgrw.kdf.iterations=10000", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("GRW_PASSWORD");
        pb.environment().putAll(environment);
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

    @Test
    void passwordsComeFromTheEnvironmentAndAnExportedJournalVerifiesWithoutTheWorkspace() throws Exception {
        String ws = dir.resolve("ws.grw").toString();
        Result init = run(java.util.Map.of("GRW_PASSWORD", "Verwaltung-2026"), "init", "--workspace", ws, "--user",
                "admin");
        assertThat(init.exit()).as(init.output()).isZero();
        Result added = run(java.util.Map.of("GRW_PASSWORD", "Verwaltung-2026", "NEU", "Vorgesetzte-2026"), "users",
                "add", "bernd", "--role", "supervisor", "--new-password-env", "NEU", "--workspace", ws, "--user",
                "admin");
        assertThat(added.exit()).as(added.output()).isZero();
        Result noPassword = run("users", "list", "--workspace", ws, "--user", "admin");
        assertThat(noPassword.exit()).isEqualTo(1);
        assertThat(noPassword.output()).contains("no password for admin", "GRW_PASSWORD")
                .doesNotContain("Exception");
        Result export = run(java.util.Map.of("GRW_PASSWORD", "Vorgesetzte-2026"), "export", "--out",
                dir.resolve("export").toString(), "--workspace", ws, "--user", "bernd");
        assertThat(export.exit()).as(export.output()).isZero();
        Result verify = run("verify", "--journal", dir.resolve("export/journal.jsonl").toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).startsWith("journal intact: 4 entries, head ");
    }
}
