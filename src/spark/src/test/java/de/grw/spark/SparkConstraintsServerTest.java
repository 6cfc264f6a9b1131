package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.server.WorkspaceServer;
import de.grw.server.config.ServerConfig;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.ConstraintsExporter;
import de.grw.workspace.ProposalBundleReader;
import de.grw.workspace.TestWorkspaces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reads the clerks' decisions from a real workspace server ({@code --constraints-server URL}, issue 17), end
 * to end: a server started in this JVM over a copy of the matched sample workspace, the job (local mode) over the
 * sample registers. A clerk's not-duplicate on two records the job links keeps them apart in the job's next
 * bundle; the export is in the server's access log under the job's case reference with the two records and one entry
 * of its journal (the job's bundle as the purpose); an account
 * without the right to run a match, a run without case reference, a wrong password and a missing one are refused
 * with a message and no bundle, before Spark starts.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
class SparkConstraintsServerTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";
    private static final String[] SAMPLES = {"samples/melderegister.csv", "samples/sozialamt.csv",
        "samples/kfz_halter.csv"};

    @TempDir
    static Path dir;
    static Path workspaceFile;
    static WorkspaceServer server;
    static String url;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        // the server's Jetty needs the Servlet 6 API, which its own surefire execution puts in place of Spark's 5
        Assumptions.assumeTrue(servlet6(), "runs in the execution server-constraints (Servlet 6 API)");
        workspaceFile = TestWorkspaces.copyTo(dir);
        try (Workspace w = Workspace.open(workspaceFile, Clock.systemUTC())) {
            UserService users = new UserService(w);
            Session admin = users.login(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            // an application's account: it may link records, not run a match
            users.addUser(admin, API, Role.API, API_PASSWORD.toCharArray());
        }
        Path conf = dir.resolve("server.conf");
        Files.writeString(conf, "listen.address = 127.0.0.1\nlisten.port = 0\ndata.dir = " + dir.resolve("data")
                + "\nstore = sqlite\nstore.sqlite.file = " + workspaceFile + "\nworkspace.name = Musterstadt\n",
                StandardCharsets.UTF_8);
        server = WorkspaceServer.start(ServerConfig.read(conf), Clock.systemUTC());
        url = "https://localhost:" + server.port();
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        if (server == null) {
            return;
        }
        System.clearProperty("spark.ui.enabled");
        System.clearProperty("spark.driver.host");
        System.clearProperty("spark.driver.bindAddress");
        server.close();
    }

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return SparkMatchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    /** The job over the sample registers into {@code bundle}, with the further arguments. */
    private int job(Path bundle, Map<String, String> environment, String... more) {
        List<String> args = new ArrayList<>(List.of("--master", "local[2]", "--partitions", "4", "--out",
                bundle.toString()));
        args.addAll(List.of(more));
        args.addAll(List.of(SAMPLES));
        return run(environment, args.toArray(String[]::new));
    }

    private List<String> server(String user) {
        return List.of("--constraints-server", url, "--fingerprint", server.certificate().fingerprint(),
                "--server-user", user);
    }

    private String[] with(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void aClerksNotDuplicateReadFromTheServerKeepsTwoRecordsApartAndIsLoggedWithItsCase() throws Exception {
        // the job without constraints links the records of many of the workspace's pairs
        Path first = dir.resolve("first");
        assertThat(job(first, Map.of())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<ProposalBundleReader.Ref, Long> clusterOf = clusters(first);

        // a clerk, on the server, says two records the job linked are two persons
        List<Long> apart = null;
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, server.certificate().fingerprint());
             SignedIn anna = remote.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray())) {
            for (QueueEntry q : anna.review().queue(null, 0)) {
                List<Long> members = q.size() == 2 ? anna.review().memberIds(q.clusterId()) : List.of();
                if (members.size() == 2 && clusterOf.get(ref(members.get(0))) != null
                        && clusterOf.get(ref(members.get(0))).equals(clusterOf.get(ref(members.get(1))))) {
                    anna.review().propose(q.clusterId(), new NotDuplicateCommand(members.get(0), members.get(1)),
                            "Zwillinge", "AZ-17-1");
                    apart = members;
                    break;
                }
            }
        }
        assertThat(apart).as("a pair of the workspace the job links too").isNotNull();

        // the job reads the decision from the server and keeps the two apart
        Path second = dir.resolve("second");
        int code = job(second, Map.of("GRW_PASSWORD", TestWorkspaces.CLERK_PASSWORD),
                with(server(TestWorkspaces.CLERK), "--case", "AZ-17-8"));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("constraints " + url + ": 0 must-link groups, "
                + "1 cannot-links; 0 records named there are not among the inputs");
        Map<ProposalBundleReader.Ref, Long> after = clusters(second);
        Long a = after.get(ref(apart.get(0)));
        Long b = after.get(ref(apart.get(1)));
        assertThat(a == null || !a.equals(b)).as("the not-duplicate's records in one cluster: %s %s", a, b).isTrue();
        // the other clusters of the first run are those of the second where they hold neither record
        assertThat(after.size()).isGreaterThan(clusterOf.size() / 2);

        // in the server's access log: the job's account, its case reference, the two records
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspaceFile)) {
            assertThat(TestWorkspaces.rows(c, "SELECT user_name, case_ref FROM access_log WHERE action = ? AND "
                    + "user_name = ?", ConstraintsExporter.ACCESS_ACTION, TestWorkspaces.CLERK))
                    .containsExactly(List.of(TestWorkspaces.CLERK, "AZ-17-8"));
            assertThat(TestWorkspaces.rows(c, "SELECT r.record_id FROM access_log_records r JOIN access_log l ON "
                    + "l.id = r.access_id WHERE l.action = ? AND l.user_name = ? ORDER BY r.record_id",
                    ConstraintsExporter.ACCESS_ACTION, TestWorkspaces.CLERK)
                    .stream().map(r -> ((Number) r.get(0)).longValue()).toList())
                    .isEqualTo(apart.stream().sorted().toList());
            // and one entry of the server's journal: the job's account and case, the counts, the job's bundle
            List<de.grw.journal.JournalEntry> journal = journal(c, TestWorkspaces.CLERK);
            assertThat(journal).hasSize(1);
            com.fasterxml.jackson.databind.JsonNode p = de.grw.journal.CanonicalJson.parse(journal.get(0).payload());
            assertThat(p.path("case").asText()).isEqualTo("AZ-17-8");
            assertThat(p.path("must_link_groups").asInt()).isZero();
            assertThat(p.path("cannot_links").asInt()).isEqualTo(1);
            assertThat(p.path("via").asText()).isEqualTo("server");
            assertThat(p.path("for").asText()).isEqualTo("grw-spark --out " + second);
            assertThat(de.grw.journal.JournalVerifier.verify(de.grw.journal.Journal.all(c).iterator()).ok())
                    .isTrue();
        }
    }

    /** The server's journal entries of constraints exports by a user. */
    private static List<de.grw.journal.JournalEntry> journal(Connection c, String user) throws Exception {
        return de.grw.journal.Journal.all(c).stream().filter(e -> e.user().equals(user)
                && e.action().equals(de.grw.journal.JournalAction.CONSTRAINTS_EXPORTED.code())).toList();
    }

    @Test
    void refusalsAreClearMessagesBeforeSparkStartsAndLogNothing() throws Exception {
        long before = exports();
        long journalBefore = journalEntries();
        Path bundle = dir.resolve("refused");

        // an application's account may not run a match, so not export the decisions
        assertThat(job(bundle, Map.of("GRW_PASSWORD", API_PASSWORD), with(server(API), "--case", "AZ-17-9")))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("grw-spark: ", API,
                "may not export the decisions as constraints").doesNotContain("\tat ", "Exception");

        // no case reference: the server's engine refuses
        assertThat(job(bundle, Map.of("GRW_PASSWORD", TestWorkspaces.CLERK_PASSWORD), with(server(
                TestWorkspaces.CLERK)))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("grw-spark: ", "needs a case reference")
                .doesNotContain("\tat ", "Exception");
        assertThat(job(bundle, Map.of("GRW_PASSWORD", TestWorkspaces.CLERK_PASSWORD), with(server(
                TestWorkspaces.CLERK), "--case", "--"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("names no case");

        // a wrong password, a missing one, a password on the command line
        assertThat(job(bundle, Map.of("GRW_PASSWORD", "falsch"), with(server(TestWorkspaces.CLERK), "--case",
                "AZ-17-9"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("grw-spark: ", "unknown user or wrong password")
                .doesNotContain("\tat ");
        assertThat(job(bundle, Map.of(), with(server(TestWorkspaces.CLERK), "--case", "AZ-17-9"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password for anna", "GRW_PASSWORD",
                "--server-password-file");
        Path empty = dir.resolve("empty.password");
        Files.writeString(empty, "\n");
        assertThat(job(bundle, Map.of(), with(server(TestWorkspaces.CLERK), "--case", "AZ-17-9",
                "--server-password-file", empty.toString()))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("empty.password: line 1: no password");
        assertThat(job(bundle, Map.of(), with(server(TestWorkspaces.CLERK), "--password", "x"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never given on the command line");

        assertThat(bundle).doesNotExist();
        assertThat(exports()).isEqualTo(before);
        assertThat(journalEntries()).isEqualTo(journalBefore);

        // the password from a file signs in (a supervisor: the clerk's exports are the other test's)
        Path password = dir.resolve("bernd.password");
        Files.writeString(password, TestWorkspaces.SUPERVISOR_PASSWORD + "\n");
        assertThat(job(bundle, Map.of(), with(server(TestWorkspaces.SUPERVISOR), "--case", "AZ-17-10",
                "--server-password-file", password.toString()))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(journalEntries()).isEqualTo(journalBefore + 1);
    }

    private static long journalEntries() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspaceFile)) {
            return de.grw.journal.Journal.latest(c);
        }
    }

    private static boolean servlet6() {
        try {
            Class.forName("jakarta.servlet.ServletConnection");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long exports() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspaceFile)) {
            return ((Number) TestWorkspaces.rows(c, "SELECT COUNT(*) FROM access_log WHERE action = ?",
                    ConstraintsExporter.ACCESS_ACTION).get(0).get(0)).longValue();
        }
    }

    /** Each record of the bundle's clusters, with its cluster's label. */
    private static Map<ProposalBundleReader.Ref, Long> clusters(Path bundle) {
        Map<ProposalBundleReader.Ref, Long> of = new HashMap<>();
        for (ProposalBundleReader.Cluster c : ProposalBundleReader.read(bundle).clusters()) {
            for (ProposalBundleReader.Ref r : c.records()) {
                of.put(r, c.label());
            }
        }
        return of;
    }

    /** A workspace record as the job's bundle names it: its source's name and its record key. */
    private static ProposalBundleReader.Ref ref(long id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspaceFile)) {
            List<Object> row = TestWorkspaces.rows(c, "SELECT s.name, r.record_key FROM records r JOIN sources s ON "
                    + "s.id = r.source_id WHERE r.id = ?", id).get(0);
            return new ProposalBundleReader.Ref((String) row.get(0), (String) row.get(1));
        }
    }
}
