package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.Cli;
import de.grw.cli.CliEnvironment;
import de.grw.workspace.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance commands print the same against a server as against a local workspace file: two copies of the
 * same workspace, one behind a test server and one opened locally, get the same commands in the same order, and
 * their outputs are compared line for line (only the times of new access-log entries differ, since the server's
 * clock is the test's).
 */
class CliSameOutputTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("server"));
        s = TestServer.start(dir.resolve("server"));
        Path copy = dir.resolve("local");
        Files.createDirectories(copy);
        local = TestWorkspaces.copyTo(copy);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(boolean remote, String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (remote) {
            all.addAll(List.of("--server", "https://localhost:" + s.server.port(), "--fingerprint",
                    s.server.certificate().fingerprint()));
        } else {
            all.addAll(List.of("--workspace", local.toString()));
        }
        all.addAll(List.of("--user", user));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of("GRW_PASSWORD", password)));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a command both ways and checks that both succeed with the same output; returns it. */
    private static String same(String user, String password, String... args) {
        Run l = run(false, user, password, args);
        Run r = run(true, user, password, args);
        assertThat(l.code()).as("local " + List.of(args) + ": " + l).isZero();
        assertThat(r.code()).as("server " + List.of(args) + ": " + r).isZero();
        assertThat(withoutTimes(r.out())).as(String.join(" ", args)).isEqualTo(withoutTimes(l.out()));
        return l.out();
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
    }

    @Test
    void theGovernanceCommandsPrintTheSameLocallyAndThroughTheServer() {
        String queue = same(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "queue", "--status", "open",
                "--limit", "5");
        Matcher m = Pattern.compile("(?m)^(\\d+)\\s+open").matcher(queue);
        assertThat(m.find()).as(queue).isTrue();
        String cluster = m.group(1);
        same(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "show", "--cluster", cluster, "--case", "AZ-1");
        String decided = same(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "decide", "--cluster", cluster,
                "--merge", "--case", "AZ-1", "--comment", "gleiche Person");
        Matcher d = Pattern.compile("decision (\\d+):").matcher(decided);
        assertThat(d.find()).isTrue();
        String pending = same(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "pending");
        assertThat(pending).contains("AZ-1");
        same(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "approve", "--decision", d.group(1));
        same(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "revert", "--decision", d.group(1),
                "--comment", "doch nicht", "--case", "AZ-2");
        String log = same(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "access-log", "--by-user",
                "anna");
        assertThat(log).contains("AZ-1");
        same(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, "users", "list");
        String journal = same(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "journal", "--by-user",
                "anna");
        assertThat(journal).contains("decision.proposed");
    }
}
