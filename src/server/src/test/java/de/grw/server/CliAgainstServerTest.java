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

    private static String firstOpenCluster(int skip) {
        Run queue = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "queue", "--status", "open", "--limit",
                "20");
        Matcher m = Pattern.compile("(?m)^(\\d+)\\s+open").matcher(queue.out());
        for (int i = 0; i <= skip; i++) {
            assertThat(m.find()).as(queue.out()).isTrue();
        }
        return m.group(1);
    }

    private static String merge(String cluster, String caseRef) {
        Run decide = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "decide", "--cluster", cluster,
                "--merge", "--case", caseRef, "--comment", "gleiche Person");
        assertThat(decide.code()).as(decide.toString()).isZero();
        Matcher d = Pattern.compile("decision (\\d+):").matcher(decide.out());
        assertThat(d.find()).as(decide.out()).isTrue();
        return d.group(1);
    }

    private static void assertRefusedWithoutStackTrace(Run r, String expected) {
        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void pendingRejectAndRevertThroughTheServer() {
        String rejectMe = merge(firstOpenCluster(2), "AZ-CLI-2");
        String revertMe = merge(firstOpenCluster(2), "AZ-CLI-3");

        Run pending = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "pending");
        assertThat(pending.code()).as(pending.toString()).isZero();
        assertThat(pending.out()).containsPattern("(?m)^" + rejectMe + "\\s").containsPattern("(?m)^" + revertMe
                + "\\s").contains("AZ-CLI-2");

        assertRefusedWithoutStackTrace(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "reject",
                "--decision", rejectMe, "--comment", "nein"), "access denied");
        Run reject = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "reject", "--decision",
                rejectMe, "--comment", "Geburtsdaten weichen ab");
        assertThat(reject.code()).as(reject.toString()).isZero();
        assertThat(reject.out()).contains("decision " + rejectMe + " rejected").contains("back in the queue");
        Run again = run(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD, "reject", "--decision", rejectMe,
                "--comment", "nochmal");
        assertRefusedWithoutStackTrace(again, "error:");

        Run approve = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "approve", "--decision",
                revertMe);
        assertThat(approve.code()).as(approve.toString()).isZero();
        assertRefusedWithoutStackTrace(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "revert",
                "--decision", revertMe, "--comment", "falsch", "--case", "AZ-CLI-3"), "access denied");
        Run revert = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "revert", "--decision",
                revertMe, "--comment", "doch zwei Personen", "--case", "AZ-CLI-3");
        assertThat(revert.code()).as(revert.toString()).isZero();
        assertThat(revert.out()).containsPattern("decision \\d+ reverts decision " + revertMe + " \\(now reverted\\)");
    }

    @Test
    void accessLogAndJournalThroughTheServerWithTheirRights() {
        String cluster = firstOpenCluster(0);
        Run show = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "show", "--cluster", cluster, "--case",
                "AZ-CLI-LOG");
        assertThat(show.code()).as(show.toString()).isZero();

        Run log = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "access-log", "--by-user",
                "anna");
        assertThat(log.code()).as(log.toString()).isZero();
        assertThat(log.out()).contains("AZ-CLI-LOG").containsPattern("\\d+ entr(y|ies)");
        assertRefusedWithoutStackTrace(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "access-log"),
                "access denied");

        Run journal = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "journal", "--by-user", "admin",
                "--json");
        assertThat(journal.code()).as(journal.toString()).isZero();
        assertThat(journal.out()).startsWith("seq").contains("admin").doesNotContain(" anna ");
    }

    @Test
    void accountsThroughTheServerForAdministratorsOnly() {
        Run list = run(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, "users", "list");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("(?m)^anna\\s+clerk").containsPattern("(?m)^bernd\\s+supervisor");
        assertRefusedWithoutStackTrace(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "users", "list"),
                "access denied");

        Run add = runWith(Map.of("GRW_PASSWORD", TestWorkspaces.ADMIN_PASSWORD, "NEW_PW", "Sachbearbeitung9"),
                "users", "add", "frieda", "--role", "clerk", "--new-password-env", "NEW_PW", "--user",
                TestWorkspaces.ADMIN);
        assertThat(add.code()).as(add.toString()).isZero();
        assertThat(add.out()).contains("account frieda added (clerk)");
        assertThat(run("frieda", "Sachbearbeitung9", "queue", "--limit", "1").code()).isZero();

        Run disable = run(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, "users", "disable", "frieda");
        assertThat(disable.code()).as(disable.toString()).isZero();
        assertRefusedWithoutStackTrace(run("frieda", "Sachbearbeitung9", "queue", "--limit", "1"), "access denied");
        assertThat(run(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD, "users", "enable", "frieda").code())
                .isZero();
        assertThat(run("frieda", "Sachbearbeitung9", "queue", "--limit", "1").code()).isZero();
    }

    @Test
    void importMatchAndExportThroughTheServer() throws Exception {
        Path csv = dir.resolve("zulassung.csv");
        java.nio.file.Files.writeString(csv, "halter_nr,nachname,vorname,geburtsdatum,strasse,hausnr,plz,ort\n"
                + "9100001,Mooslinger,Sebastian,1986-01-31,Münchener Straße,64,81770,München\n"
                + "9100002,Thalmayr,Maria Nina,1984-05-18,Lindenweg,17,76593,Gernsbach\n");
        Run imported = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "import", csv.toString());
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("source zulassung: 2 records imported from 2 rows");

        Run db = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "import", "jdbc:sqlite:" + s.workspaceFile,
                "--table", "users", "--as", "konten");
        assertThat(db.code()).isNotZero();
        assertThat(db.err()).contains("imports files only").doesNotContain("Exception");

        Run match = run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "match", "--quiet");
        assertThat(match.code()).as(match.toString()).isZero();
        assertThat(match.out()).containsPattern("match run \\d+: [\\d,.]+ records").contains("next: grw queue "
                + "--server https://localhost:" + s.server.port());

        Path out = dir.resolve("export-at-the-workstation");
        Run export = run(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD, "export", "--out",
                out.toString(), "--case", "AZ-CLI-EXP");
        assertThat(export.code()).as(export.toString()).isZero();
        assertThat(export.out()).containsPattern("exported [\\d,]+ golden records?").contains(out.resolve(
                "golden_records.csv").toString()).containsPattern("journal: [\\d,]+ entries, head [0-9a-f]{64}");
        Matcher head = Pattern.compile("head ([0-9a-f]{64})").matcher(export.out());
        assertThat(head.find()).isTrue();
        Run verify = runJournal(out.resolve("journal.jsonl"), head.group(1));
        assertThat(verify.code()).as(verify.toString()).isZero();
        assertRefusedWithoutStackTrace(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "export", "--out",
                dir.resolve("clerk-export").toString()), "access denied");
    }

    @Test
    void aClusterOpenedByOneClerkIsReadOnlyForAnother() {
        String cluster = firstOpenCluster(5);
        assertThat(run(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD, "show", "--cluster", cluster, "--case",
                "AZ-CLAIM").code()).isZero();
        Run dora = run(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD, "show", "--cluster", cluster,
                "--case", "AZ-CLAIM-2");
        assertThat(dora.code()).as(dora.toString()).isZero();
        assertThat(dora.out()).contains("read-only: cluster " + cluster + " is being reviewed by anna until");
        Run decide = run(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD, "decide", "--cluster", cluster,
                "--defer", "--case", "AZ-CLAIM-2", "--comment", "später");
        assertRefusedWithoutStackTrace(decide, "being reviewed by anna");
    }

    private static Run runWith(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(server));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(env));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run runJournal(Path journal, String head) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"verify", "--journal", journal.toString(), "--expect-head", head},
                new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(Map.of()));
        return new Run(code, out.toString(), err.toString());
    }
}
