package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grw-bench generate} and {@code grw-bench benchmark} with their {@code --population}. */
class BenchmarkCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generateWritesTheRealisticPopulationByDefaultAndTheClassicOnRequest(@TempDir Path dir) throws Exception {
        Run realistic = run("generate", "--records", "2000", "--seed", "4", "--out", dir.resolve("r").toString());
        assertThat(realistic.code()).as(realistic.err()).isZero();
        assertThat(realistic.out()).contains("realistic population", "twin births", "kfz records without birth date");
        Run classic = run("generate", "--records", "2000", "--seed", "4", "--population", "classic", "--out",
                dir.resolve("c").toString());
        assertThat(classic.code()).as(classic.err()).isZero();
        assertThat(classic.out()).contains("classic population").doesNotContain("kfz records without birth date");
        assertThat(Files.readAllBytes(dir.resolve("c/kfz_halter.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("r/kfz_halter.csv")));
        assertThat(Files.readString(dir.resolve("r/truth.csv")))
                .startsWith("source,record_id,person_id,household_id,relation\n");

        Run bad = run("generate", "--records", "10", "--population", "census", "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown population 'census'; known: classic, realistic");
    }

    @Test
    @Tag("slow")
    void benchmarkPrintsQualityAndTheErrorBreakdown() {
        Run r = run("benchmark", "--records", "3000", "--seed", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generated 3,000 records (seed 2, realistic population)",
                "quality against the generator's truth: precision", "false merges", "twins",
                "father and son of the same name", "different households", "missed pairs", "never compared",
                "a record without birth date", "by sources:");
        // the runtime's own work during the match, named by the collector it ran with
        assertThat(r.out()).containsPattern("runtime: collector [^,]+, [0-9,]+ collections in [0-9.]+ s; "
                + "JIT compiling [0-9.]+ s");
    }
}
