package de.grw.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the native app image with the installer script (jpackage, bundled trimmed runtime) and proves that the
 * packaged application works, not only that it was packed: its launcher runs the command line headless.
 */
class PackagedAppIT {
    private static final Path LAUNCHER = Path.of("target/installer/golden-record-workbench/bin/"
            + "golden-record-workbench");

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private static final Path CLI_LAUNCHER = Path.of("target/installer/golden-record-workbench/bin/grw");

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        return run(command, timeoutSeconds, null);
    }

    private static Result run(List<String> command, int timeoutSeconds, String javaToolOptions) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        if (javaToolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void buildAppImage() throws Exception {
        Result build = run(List.of("bash", "installer/build.sh", "app-image"), 600);
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(LAUNCHER).isExecutable();
        assertThat(Path.of("target/installer/golden-record-workbench/lib/runtime")).isDirectory();
    }

    @Test
    void theLauncherShowsTheMatchHelp() throws Exception {
        Result help = run(List.of(LAUNCHER.toString(), "match", "--help"), 60);
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("--clusters", "--pairs", "--threshold");
    }

    @Test
    void theCommandLinesLauncherRunsBatchesWithTheThroughputCollectorTheMainOneWithG1() throws Exception {
        // installer/grw-cli.properties: "grw" (the command line on the PATH) with the parallel collector for
        // batches; the main launcher (desktop, the server's service) keeps G1's short pauses
        Result cli = run(List.of(CLI_LAUNCHER.toString(), "match", "--help"), 60, "-Xlog:gc:stdout");
        assertThat(cli.exit()).as(cli.output()).isZero();
        assertThat(cli.output()).contains("Using Parallel", "--clusters");
        Result main = run(List.of(LAUNCHER.toString(), "match", "--help"), 60, "-Xlog:gc:stdout");
        assertThat(main.exit()).as(main.output()).isZero();
        assertThat(main.output()).contains("Using G1").doesNotContain("Using Parallel");
    }

    @Test
    void theLauncherMatchesTheSamplesHeadless() throws Exception {
        Path clusters = dir.resolve("clusters.csv");
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "match", "--clusters",
                clusters.toString()));
        for (String s : List.of("melderegister", "sozialamt", "kfz_halter")) {
            command.add(Path.of("samples", s + ".csv").toAbsolutePath().toString());
        }
        Result r = run(command, 120);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("records read: 600", "clusters:");
        assertThat(Files.readAllLines(clusters)).hasSize(601);
    }
}
