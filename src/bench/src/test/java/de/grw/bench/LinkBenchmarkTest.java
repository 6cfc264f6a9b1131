package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grw-bench link-benchmark} on a small population: it prints its figures, and the index agrees with the batch. */
class LinkBenchmarkTest {
    @Test
    void printsTheFiguresAndTheIndexGivesTheBatchsCandidates() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(new String[] {"link-benchmark", "--records", "4000", "--calls", "400", "--callers",
            "4", "--check", "200"}, new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(Map.of()));
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("link index: 4,000 records built in", "4 caller(s), 400 calls in", "p50", "p99",
                "peak heap:", "the index adds", "CPU per call (the caller's thread) ms: p50",
                "the normalised values are the batch's", "golden records assigned in",
                "a map entry per record, as before: ");
        Matcher golden = Pattern.compile("a map entry per record, as before: (\\d+) bytes a record").matcher(text);
        assertThat(golden.find()).as(text).isTrue();
        assertThat(Integer.parseInt(golden.group(1))).as("the map the index kept before").isGreaterThan(40);
        Matcher m = Pattern.compile("agreement with the batch on (\\d+) sampled records \\((\\d+) with candidates\\): "
                + "(\\d+) with the same candidates").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(m.group(1)).isEqualTo("200");
        assertThat(Integer.parseInt(m.group(2))).as("sampled records the batch links").isPositive();
        assertThat(m.group(3)).as("records whose candidates are the batch's").isEqualTo("200");
    }

    @Test
    void aModelOfASmallerBatchLinksAllRecordsAndTheGeneratedFilesAreReused(@TempDir Path dir) {
        String[] args = {"link-benchmark", "--records", "3000", "--model-records", "1500", "--calls", "200",
            "--callers", "2", "--stores", "3", "--rebuilds", "0", "--dir", dir.toString(), "--reuse"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of()));
        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("generated 3,000 records", "generated 1,500 records",
                "batch match of 1,500 records", "read 3,000 records for the index", "link index: 3,000 records",
                "agreement with the batch: left out", "not measured (--rebuilds 0)", "found 3/3",
                "2 caller(s), 200 calls in");
        StringWriter again = new StringWriter();
        code = BenchMain.run(args, new PrintWriter(again, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of()));
        assertThat(code).as(err.toString()).isZero();
        assertThat(again.toString()).contains("reusing the generated files in " + dir.resolve("3000"),
                "reusing the generated files in " + dir.resolve("1500"), "link index: 3,000 records")
                .doesNotContain("generated 3,000 records");
    }
}
