package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.Cli;
import de.grw.cli.CliEnvironment;
import de.grw.workspace.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * The governance commands with {@code --server URL --fingerprint SHA256} against a running workspace server: the
 * clerk's queue, show and decide, the supervisor's approve, verify; and the refusals (a clerk approving, a wrong
 * fingerprint) as the command line reports them, without a stack trace.
 */
class CliAgainstServerTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static String[] server;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        server = new String[] {"--server", "https://localhost:" + s.server.port(), "--fingerprint",
            s.server.certificate().fingerprint()};
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(server));
        all.addAll(List.of("--user", user));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of("GRW_PASSWORD", password)));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aClerkDecidesAndASupervisorApprovesThroughTheServer() {
        Run queue = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "queue", "--status", "open",
                "--limit", "3");
        assertThat(queue.code()).as(queue.toString()).isZero();
        Matcher m = Pattern.compile("(?m)^(\\d+)\\s+open").matcher(queue.out());
        assertThat(m.find()).as(queue.out()).isTrue();
        String cluster = m.group(1);

        Run show = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "show", "--cluster", cluster,
                "--case", "AZ-CLI-1");
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains(cluster);

        Run decide = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "decide", "--cluster", cluster,
                "--merge", "--case", "AZ-CLI-1", "--comment", "gleiche Person");
        assertThat(decide.code()).as(decide.toString()).isZero();
        Matcher d = Pattern.compile("decision (\\d+):").matcher(decide.out());
        assertThat(d.find()).as(decide.out()).isTrue();
        String decision = d.group(1);
        assertThat(decide.out()).contains("waits for a supervisor's approval");

        Run clerkApproves = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "approve", "--decision",
                decision);
        assertThat(clerkApproves.code()).as(clerkApproves.toString()).isNotZero();
        assertThat(clerkApproves.err()).doesNotContain("Exception").doesNotContain("\tat ");

        Run approve = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "approve", "--decision",
                decision, "--comment", "geprüft");
        assertThat(approve.code()).as(approve.toString()).isZero();
        assertThat(approve.out()).contains("decision " + decision + " approved").contains("golden record G-");

        Run verify = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "verify");
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out() + verify.err()).contains("intact");
        assertThat(s.server.sessions().size()).as("every command signs out").isZero();
    }

    @Test
    void aWrongFingerprintIsRefusedWithAClearMessage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"queue", "--server", "https://localhost:" + s.server.port(),
            "--fingerprint", "AB:".repeat(31) + "AB", "--user", TestWorkspaces.CLERK}, new PrintWriter(out, true),
                new PrintWriter(err, true), CliEnvironment.of(Map.of("GRW_PASSWORD", TestWorkspaces.CLERK_PASSWORD)));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("fingerprint").doesNotContain("Exception");
    }
}
