package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.CliEnvironment;
import de.grw.importing.db.PostgresTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code grw-bench db-benchmark} loads a synthetic register into a table and times reading and importing it. */
@Tag("slow")
class DbBenchmarkTest {
    @RegisterExtension
    static final PostgresTestServer PG = new PostgresTestServer();

    @TempDir
    Path dir;

    private static String run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(env));
        assertThat(code).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void theDatabaseBenchmarkLoadsAndTimesATable() {
        Map<String, String> e = Map.of("GRW_DB_PASSWORD", PG.passwordText());
        String[] args = {"db-benchmark", "--jdbc", PG.url(), "--db-user", PG.user(), "--rows", "3000"};
        assertThat(run(e, args)).contains("loaded 3,000 rows into public.grw_bench_personen",
                "read PostgreSQL table public.grw_bench_personen: 3,000 rows, 17 columns", "rows/s", "peak heap",
                "import through the column mapping: 3,000 records");
        assertThat(run(e, args)).contains("has 3,000 rows already");
        String sqlite = "jdbc:sqlite:" + dir.resolve("bench.db");
        assertThat(run(e, "db-benchmark", "--jdbc", sqlite, "--rows", "1500"))
                .contains("loaded 1,500 rows", "read SQLite table grw_bench_personen: 1,500 rows");
    }
}
