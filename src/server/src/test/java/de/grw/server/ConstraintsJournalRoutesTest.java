package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.ConstraintsExport;
import de.grw.api.ConstraintsTarget;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.journal.CanonicalJson;
import de.grw.journal.JournalAction;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalSentences;
import de.grw.review.NotDuplicateCommand;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.ConstraintsExporter;
import de.grw.workspace.TestWorkspaces;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of the decisions for a national run is a governance event (issue 17): through the server
 * ({@code POST /api/v1/constraint-exports}) it is one journal entry {@code constraints.exported} naming the account,
 * the case reference, the counts, the client's address as the server sees the connection and the purpose the client
 * states, chained as every entry (the journal verifies); a refused or forged request (no case reference, an
 * application's account, a client address claimed in the body, a purpose with a line break) writes neither journal
 * nor access log. Without Spark: the job's {@code --constraints-server} calls the same route through the same client.
 */
class ConstraintsJournalRoutesTest {
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";
    private static final String ROUTE = "/api/v1/constraint-exports";

    @TempDir
    static Path dir;
    static TestServer s;
    static URI url;
    static String fingerprint;
    static int merged;

    @BeforeAll
    static void start() {
        // one approved merge (a must-link group) and one not-duplicate (a cannot-link)
        Path ws = TestServer.workspace(dir, f -> {
            List<Long> clusters = f.review().queue(f.clerk(), EnumSet.of(ClusterStatus.OPEN), 0).stream()
                    .filter(q -> q.size() == 2).limit(2).map(q -> q.clusterId()).toList();
            merged = TestServer.approveMerge(f, clusters.get(0));
            List<Long> apart = f.review().memberIds(f.clerk(), clusters.get(1));
            f.review().propose(f.clerk(), clusters.get(1), new NotDuplicateCommand(apart.get(0), apart.get(1)),
                    "Zwillinge", "AZ-0");
        }, new TestServer.Account(API, Role.API, API_PASSWORD));
        s = TestServer.startWith(dir, ws);
        url = URI.create("https://localhost:" + s.server.port());
        fingerprint = s.server.certificate().fingerprint();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void theExportThroughTheServerIsOneJournalEntryWithItsFactsAndTheJournalVerifies() throws Exception {
        long before = latest();
        ConstraintsExport summary;
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint);
             SignedIn anna = remote.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray())) {
            summary = anna.export().constraints(dir.resolve("out").resolve("constraints.json"), "AZ-17-21",
                    ConstraintsTarget.forPurpose("grw-spark --out hdfs:///grw/proposals-2026-12"));
        }
        assertThat(summary).isEqualTo(new ConstraintsExport(1, merged, 1));

        List<JournalEntry> added = after(before);
        assertThat(added).hasSize(1);
        JournalEntry e = added.get(0);
        assertThat(e.action()).isEqualTo(JournalAction.CONSTRAINTS_EXPORTED.code());
        assertThat(e.user()).isEqualTo(TestWorkspaces.CLERK);
        JsonNode p = CanonicalJson.parse(e.payload());
        assertThat(p.path("case").asText()).isEqualTo("AZ-17-21");
        assertThat(p.path("must_link_groups").asInt()).isEqualTo(1);
        assertThat(p.path("must_link_records").asInt()).isEqualTo(merged);
        assertThat(p.path("cannot_links").asInt()).isEqualTo(1);
        assertThat(p.path("via").asText()).isEqualTo("server");
        // the client's address from the connection (the test's client is on loopback), not the staging file
        assertThat(p.path("client").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        assertThat(p.has("file")).isFalse();
        assertThat(p.path("for").asText()).isEqualTo("grw-spark --out hdfs:///grw/proposals-2026-12");
        assertThat(java.time.Instant.parse(e.at())).isBetween(java.time.Instant.now().minusSeconds(120),
                java.time.Instant.now());

        // in words, as the desktop's journal view and grw journal show it
        String client = p.path("client").asText();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(new JournalSentences(Locale.GERMAN, berlin).journal(e)).startsWith("anna gab am ")
                .contains("die Entscheidungen als Vorgaben für einen Abgleich außerhalb über den Server aus: eine "
                        + "Gruppe, die zusammenbleibt (" + merged + " Datensätze), und ein Paar, das getrennt bleibt; "
                        + "abgerufen von " + client + "; bestimmt für „grw-spark --out "
                        + "hdfs:///grw/proposals-2026-12“ (AZ AZ-17-21)");
        assertThat(new JournalSentences(Locale.ENGLISH, berlin).journal(e))
                .startsWith("anna exported the decisions as constraints for a match run elsewhere through the "
                        + "server on ")
                .endsWith(": one must-link group (" + merged + " records) and one cannot-link, fetched from " + client
                        + "; declared for “grw-spark --out hdfs:///grw/proposals-2026-12” (case AZ-17-21)");

        // the chain holds, as a supervisor verifies it through the server
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint);
             SignedIn bernd = remote.signIn(TestWorkspaces.SUPERVISOR,
                     TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray())) {
            assertThat(bernd.journal().verify().ok()).isTrue();
            assertThat(bernd.journal().entries(TestWorkspaces.CLERK, null, null, null))
                    .extracting(JournalEntry::hash).contains(e.hash());
        }
    }

    @Test
    void refusedAndForgedRequestsWriteNothing() throws Exception {
        long before = latest();
        long logged = accessLogged();
        String clerk = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        String app = s.token(API, API_PASSWORD);

        // no case reference: no body, an empty one, a case reference that names no case
        assertThat(s.post(ROUTE, clerk, null).key()).isEqualTo("constraints.needs_case");
        assertThat(s.post(ROUTE, clerk, Map.of()).key()).isEqualTo("constraints.needs_case");
        assertThat(s.post(ROUTE, clerk, Map.of("purpose", "grw-spark --out x")).key())
                .isEqualTo("constraints.needs_case");
        assertThat(s.post(ROUTE, clerk, Map.of("caseRef", "--")).key()).isEqualTo("case.meaningless");
        // an application's account (no right to run a match), with a case reference and a purpose
        TestServer.Response denied = s.post(ROUTE, app, Map.of("caseRef", "AZ-17-22", "purpose", "grw-spark"));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        // no session at all, or a made-up token
        assertThat(s.post(ROUTE, null, Map.of("caseRef", "AZ-17-22")).status()).isEqualTo(401);
        assertThat(s.post(ROUTE, "erfunden", Map.of("caseRef", "AZ-17-22")).status()).isEqualTo(401);
        // a client that claims an address of its own for the journal, or smuggles a line into the purpose
        TestServer.Response claimed = s.post(ROUTE, clerk, Map.of("caseRef", "AZ-17-22", "client", "10.9.9.9"));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(400);
        TestServer.Response smuggled = s.post(ROUTE, clerk, Map.of("caseRef", "AZ-17-22",
                "purpose", "grw-spark\n{\"action\":\"export\"}"));
        assertThat(smuggled.status()).as(smuggled.toString()).isEqualTo(400);
        assertThat(smuggled.key()).isEqualTo("constraints.purpose_control");
        TestServer.Response tooLong = s.post(ROUTE, clerk, Map.of("caseRef", "AZ-17-22",
                "purpose", "x".repeat(ConstraintsExporter.MAX_PURPOSE + 1)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);

        assertThat(latest()).isEqualTo(before);
        assertThat(accessLogged()).isEqualTo(logged);
        try (var c = s.sql()) {
            assertThat(de.grw.journal.JournalVerifier.verify(de.grw.journal.Journal.all(c).iterator()).ok()).isTrue();
        }
    }

    private static long latest() throws Exception {
        try (var c = s.sql()) {
            return de.grw.journal.Journal.latest(c);
        }
    }

    private static List<JournalEntry> after(long seq) throws Exception {
        try (var c = s.sql()) {
            return de.grw.journal.Journal.after(c, seq, 100);
        }
    }

    private static long accessLogged() throws Exception {
        return ((Number) s.row("SELECT count(*) FROM access_log WHERE action = '" + ConstraintsExporter.ACCESS_ACTION
                + "'").get(0)).longValue();
    }
}
