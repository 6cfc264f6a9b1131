package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.PostgresDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of {@code server-load}: eight clerks and two supervisors against a PostgreSQL-backed server started
 * from the product jar while two linking applications link, read golden records and search; the server is killed
 * (kill -9) once 20 decisions were acknowledged (not at a fixed time: on a loaded machine 15 s may see none) and
 * started again, and the load goes on until 20 more decisions and a link call were acknowledged. Every decision and
 * approval the server acknowledged must be in the store, no cluster may hold two live decisions, the journal must
 * verify and no call may fail other than by the rules or while the server was down. Needs {@code target/grw.jar}
 * (built by the app module before this one in {@code mvn verify}) and the PostgreSQL test server.
 */
@Tag("slow")
class ServerLoadTest {
    @TempDir
    Path dir;

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Test
    void acknowledgedDecisionsSurviveAKilledServer() throws Exception {
        PostgresDatabases.requireServer();
        Path jar = Path.of("target/grw.jar");
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.exists(jar), "target/grw.jar is built by mvn package");
        }
        Path password = dir.resolve("pw");
        Files.writeString(password, env("GRW_PG_PASSWORD", "grw-ci-postgres"));
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = BenchMain.run(new String[] {"server-load", "--records", "3000", "--minutes", "0.5", "--kill-at", "0.5",
                "--kill-after-decisions", "20", "--kill-wait-max", "300", "--linkers", "2",
                "--server-jar", jar.toString(), "--db-url", env("GRW_PG_URL", "jdbc:postgresql://localhost:5432/postgres"),
                "--db-user", env("GRW_PG_USER", "postgres"), "--db-password-file", password.toString()}, writer, writer);
        String report = out.toString();
        assertThat(report).contains("server killed (kill -9)", "errors: 0", "linking errors: 0",
                "acknowledged decisions missing from the store: 0", "acknowledged approvals not in effect: 0",
                "clusters with two live decisions: 0", "journal verifies");
        assertThat(report).containsPattern("decisions acknowledged: [1-9][0-9,]*");
        assertThat(report).containsPattern("approvals acknowledged: [1-9][0-9,]*");
        assertThat(report).containsPattern("server killed \\(kill -9\\) after \\d+ s with [1-9][0-9,]* decisions");
        assertThat(report).containsPattern("after the restart: [1-9][0-9,]* decisions, [0-9,]+ approvals and "
                + "[1-9][0-9,]* link calls acknowledged");
        assertThat(report).containsPattern("linking: [1-9][0-9,]* link calls");
        assertThat(report).containsPattern("  search +[1-9][0-9,]* calls");
        assertThat(exit).as(report).isZero();
    }
}
