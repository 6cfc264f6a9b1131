package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grw-bench learning} on a small generated population: both modes, every checkpoint, timings, the PNG. */
class LearningBenchmarkTest {
    @Test
    void printsTheCurveOfBothModesAndWritesThePicture(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path png = dir.resolve("curve.png");
        int code = BenchMain.run(new String[] {"learning", "--data", "generated", "--records", "3000",
            "--checkpoints", "0,20,40", "--png", png.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true), CliEnvironment.of(Map.of()));
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("generated German population: 3,000 records");
        for (String mode : new String[] {"active-learning", "uncertain"}) {
            for (int k : new int[] {0, 20, 40}) {
                assertThat(text).containsPattern(mode + " +" + k + " labels: F1 model 0\\.9\\d+");
            }
        }
        assertThat(text).contains("retrainings 2, mean");
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        StringWriter bad = new StringWriter();
        int refused = BenchMain.run(new String[] {"learning", "--data", "census"}, new PrintWriter(new StringWriter()),
                new PrintWriter(bad, true), CliEnvironment.of(Map.of()));
        assertThat(refused).isNotZero();
        assertThat(bad.toString()).contains("unknown data set 'census'");
    }
}
