package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's command line: clear messages for bad arguments, and one run from arguments to a bundle. */
class SparkMatchMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SparkMatchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());
    }

    @Test
    void badArgumentsAreExplainedWithoutAStackTrace() throws Exception {
        assertThat(run("a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out is missing").contains("Usage:");
        err.reset();
        assertThat(run("--out", "x", "--threshold", "7", "a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threshold needs a probability");
        err.reset();
        // the constraints from a server (SparkConstraintsServerTest runs them against one): its options with it only
        assertThat(run("--out", "x", "--case", "AZ-1", "a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--case belongs to --constraints-server");
        err.reset();
        assertThat(run("--out", "x", "--constraints", "c.json", "--constraints-server", "https://h:8443",
                "--server-user", "anna", "a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--constraints FILE or --constraints-server URL, "
                + "not both");
        err.reset();
        assertThat(run("--out", "x", "--constraints-server", "https://h:8443", "a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--constraints-server needs --server-user NAME");
        err.reset();
        assertThat(run("--out", dir.resolve("b").toString(), dir.resolve("missing.csv").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.csv: input not found")
                .doesNotContain("Exception");
        err.reset();
        Path input = dir.resolve("a.csv");
        Files.writeString(input, "id,given_name\n1,Anna\n");
        Path constraints = dir.resolve("bad-constraints.json");
        Files.writeString(constraints, "{\"format\": \"grw-constraints\",\n \"version\": 1,\n \"mustLink\": [[");
        assertThat(run("--out", dir.resolve("c").toString(), "--constraints", constraints.toString(),
                input.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad-constraints.json: line 3")
                .contains("not a constraints file").doesNotContain("\tat ");
    }

    @Test
    void runsFromArgumentsToABundle() throws Exception {
        Path febrl1 = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(febrl1).exists();
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        try {
            Path bundle = dir.resolve("bundle");
            // a profile file (blocking on, which keeps the run quick) drives the job as it drives the workbench
            Path profile = dir.resolve("blocked.json");
            Files.writeString(profile, de.grw.profile.ProfileLoader.toJson(SparkTestSession.withLimits(
                    de.grw.profile.ProfileLoader.defaultProfile(), 500, 30, 0)));
            Path constraints = dir.resolve("constraints.json");
            Files.writeString(constraints, """
                    {"format": "grw-constraints", "version": 1,
                     "mustLink": [[{"source": "dataset1", "id": "rec-1-org"},
                                   {"source": "dataset1", "id": "rec-2-org"}]],
                     "cannotLink": [[{"source": "dataset1", "id": "rec-1-org"}, {"source": "other", "id": "7"}]]}
                    """);
            int code = run("--master", "local[2]", "--partitions", "4", "--profile", profile.toString(),
                    "--out", bundle.toString(), "--constraints", constraints.toString(), febrl1.toString());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1000 records from 1 sources")
                    .contains("1 must-link groups, 0 cannot-links; 1 records named there are not among the inputs");
            assertThat(Files.exists(bundle.resolve("manifest.json"))).isTrue();
        } finally {
            System.clearProperty("spark.ui.enabled");
            System.clearProperty("spark.driver.host");
            System.clearProperty("spark.driver.bindAddress");
        }
    }
}
