package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.ConstraintsExport;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.cli.Cli;
import de.grw.cli.CliEnvironment;
import de.grw.matching.data.RecordTable;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.Workspace;
import de.grw.workspace.ConstraintsExporter;
import de.grw.workspace.MatchConstraints;
import de.grw.workspace.ProposalBundleFixture;
import de.grw.workspace.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The constraints for the Spark job read from the server (issue 17, {@code POST /api/v1/constraint-exports}): a
 * clerk's not-duplicate and an approved merge come back as a cannot-link and a must-link group, through the
 * service interface and through {@code grw export-constraints --server}; what the server exported is read and bound
 * as the Spark job reads and binds its {@code --constraints FILE} ({@link MatchConstraints#read},
 * {@link MatchConstraints#bind}), naming the decided records; each export is in the server's access log with those
 * records.
 */
class ConstraintsRoutesTest extends SharedServerTest {
    @Test
    void theDecisionsComeBackAsTheJobsConstraintsLoggedInTheAccessLog() throws Exception {
        List<Long> merged;
        List<Long> apart;
        Path out = dir.resolve("exported").resolve("constraints.json");
        ConstraintsExport summary;
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint);
             SignedIn anna = remote.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
             SignedIn bernd = remote.signIn(TestWorkspaces.SUPERVISOR,
                     TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray())) {
            List<QueueEntry> pairs = anna.review().queue(null, 0).stream().filter(q -> q.size() == 2).limit(2)
                    .toList();
            merged = anna.review().memberIds(pairs.get(0).clusterId());
            var d = anna.review().propose(pairs.get(0).clusterId(), new MergeCommand(merged, Map.of()), "dieselbe",
                    "AZ-17-1");
            bernd.approval().approve(d.id(), "ok");
            apart = anna.review().memberIds(pairs.get(1).clusterId());
            anna.review().propose(pairs.get(1).clusterId(), new NotDuplicateCommand(apart.get(0), apart.get(1)),
                    "Zwillinge", "AZ-17-2");

            summary = anna.export().constraints(out, "AZ-17-5");
        }
        assertThat(summary).isEqualTo(new ConstraintsExport(1, 2, 1));

        // the job's reading and binding, against the registers' records as a run reads them
        MatchConstraints read = MatchConstraints.read(out);
        assertThat(read.exportedBy()).isEqualTo(TestWorkspaces.CLERK);
        RecordTable table;
        Map<Long, Integer> rowOf = new HashMap<>();
        try (Workspace w = Workspace.open(s.workspaceFile, Clock.systemUTC())) {
            table = ProposalBundleFixture.records(w);
            Map<String, Integer> byKey = new HashMap<>();
            for (int r = 0; r < table.size(); r++) {
                byKey.put(table.sourceName(r) + "\u0000" + table.recordId(r), r);
            }
            for (long id : List.of(merged.get(0), merged.get(1), apart.get(0), apart.get(1))) {
                List<Object> row = TestWorkspaces.rows(w, "SELECT s.name, r.record_key FROM records r JOIN sources s "
                        + "ON s.id = r.source_id WHERE r.id = ?", id).get(0);
                rowOf.put(id, byKey.get(row.get(0) + "\u0000" + row.get(1)));
            }
        }
        MatchConstraints.Bound bound = read.bind(table);
        assertThat(bound.unresolved()).isZero();
        assertThat(bound.mustLink()).hasDimensions(1, 2);
        assertThat(bound.mustLink()[0]).containsExactlyInAnyOrder(rowOf.get(merged.get(0)), rowOf.get(merged.get(1)));
        assertThat(bound.cannotLink()).containsExactly(de.grw.matching.blocking.CandidatePairs.pack(
                Math.min(rowOf.get(apart.get(0)), rowOf.get(apart.get(1))),
                Math.max(rowOf.get(apart.get(0)), rowOf.get(apart.get(1)))));

        // the command line against the server writes the same constraints
        Path cliOut = dir.resolve("cli").resolve("constraints.json");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new String[] {"export-constraints", "--out", cliOut.toString(), "--server",
            url.toString(), "--fingerprint", fingerprint, "--user", TestWorkspaces.SUPERVISOR,
            "--case", "AZ-17-6"},
                new PrintWriter(o, true), new PrintWriter(e, true),
                CliEnvironment.of(Map.of("GRW_PASSWORD", TestWorkspaces.SUPERVISOR_PASSWORD)));
        assertThat(code).as(o + "\n" + e).isZero();
        assertThat(o.toString()).contains("1 must-link groups (2 records), 1 cannot-links");
        MatchConstraints fromCli = MatchConstraints.read(cliOut);
        assertThat(fromCli.mustLink()).isEqualTo(read.mustLink());
        assertThat(fromCli.cannotLink()).isEqualTo(read.cannotLink());

        // both exports in the server's access log, each with the four records the file names
        List<Long> named = new ArrayList<>(List.of(merged.get(0), merged.get(1), apart.get(0), apart.get(1)));
        named.sort(null);
        try (var c = s.sql()) {
            assertThat(TestWorkspaces.rows(c, "SELECT user_name, case_ref FROM access_log WHERE action = ? "
                    + "AND user_name <> ? ORDER BY id", ConstraintsExporter.ACCESS_ACTION, TestWorkspaces.CLERK2)).containsExactly(
                    List.of(TestWorkspaces.CLERK, "AZ-17-5"), List.of(TestWorkspaces.SUPERVISOR, "AZ-17-6"));
            assertThat(TestWorkspaces.rows(c, "SELECT r.record_id FROM access_log_records r JOIN access_log l ON "
                    + "l.id = r.access_id WHERE l.action = ? AND l.user_name = ? ORDER BY r.record_id",
                    ConstraintsExporter.ACCESS_ACTION, TestWorkspaces.CLERK).stream()
                    .map(r -> ((Number) r.get(0)).longValue()).toList()).isEqualTo(named);
        }
    }

    @Test
    void anExportWithoutCaseReferenceIsRefusedAndNotLogged() throws Exception {
        String token = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        TestServer.Response none = s.post("/api/v1/constraint-exports", token, null);
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.key()).isEqualTo("constraints.needs_case");
        TestServer.Response meaningless = s.post("/api/v1/constraint-exports", token, Map.of("caseRef", "--"));
        assertThat(meaningless.status()).as(meaningless.toString()).isEqualTo(400);
        assertThat(meaningless.key()).isEqualTo("case.meaningless");
        TestServer.Response two = s.post("/api/v1/constraint-exports", token, Map.of("caseRef", "AZ-1"),
                "X-Case-Reference", "AZ-2");
        assertThat(two.status()).as(two.toString()).isEqualTo(400);
        // the header alone is a case reference as the body's is
        TestServer.Response header = s.post("/api/v1/constraint-exports", token, null, "X-Case-Reference", "AZ-17-7");
        assertThat(header.status()).as(header.toString()).isEqualTo(200);
        assertThat(header.json().path("format").asText()).isEqualTo(MatchConstraints.FORMAT);
        try (var c = s.sql()) {
            assertThat(TestWorkspaces.rows(c, "SELECT case_ref FROM access_log WHERE action = ? AND user_name = ?",
                    ConstraintsExporter.ACCESS_ACTION, TestWorkspaces.CLERK2)).containsExactly(List.of("AZ-17-7"));
        }
    }
}
