package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tampering of issue 12, tried through the API (with the file, it worked): role escalation, approving one's
 * own merge by forging the proposer, signing in as another account, unmasking through the governance settings,
 * reading records under a blocking notice, rewriting or deleting journal and access-log entries. Each attempt is
 * refused with its HTTP status, and the store is compared before and after: nothing changed.
 */
class ServerTamperingTest extends ServerPerTest {
    /** The rows of a query, as text, for before/after comparisons. */
    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = s.sql(); ResultSet r = c.createStatement().executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = r.getObject(i);
                    b.append(v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static final String ACCOUNTS = "SELECT name, role, salt, hash, iterations, disabled FROM users ORDER BY name";
    private static final String JOURNAL = "SELECT seq, at, user_name, action, payload, prev_hash, hash FROM journal"
            + " ORDER BY seq";
    private static final String ACCESS_LOG = "SELECT * FROM access_log ORDER BY id";

    private static void refused(Response r, int... statuses) {
        assertThat(r.status()).as(r.toString()).isIn(java.util.Arrays.stream(statuses).boxed().toArray());
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aClerkCannotRaiseARoleOrAddAnAccount() throws SQLException {
        List<String> before = rows(ACCOUNTS);
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        refused(s.post("/api/v1/users", anna, Map.of("name", "mallory", "role", "administrator", "password",
                "Uebernahme-2026")), 403);
        refused(s.post("/api/v1/users", anna, Map.of("name", "anna", "role", "supervisor", "password",
                "Uebernahme-2026")), 403);
        refused(s.call("PUT", "/api/v1/users/bernd/disabled", anna, Map.of("disabled", true)), 403);
        // a role smuggled into a sign-in or an account change is refused, not ignored
        refused(s.post("/api/v1/sessions", null, Map.of("user", "anna", "password", TestWorkspaces.CLERK_PASSWORD,
                "role", "SUPERVISOR")), 400);
        refused(s.call("PUT", "/api/v1/users/anna/password", anna, Map.of("password", "Neues-Passwort-1", "role",
                "ADMINISTRATOR")), 400);
        // a supervisor is no administrator either
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        refused(s.post("/api/v1/users", bernd, Map.of("name", "mallory", "role", "administrator", "password",
                "Uebernahme-2026")), 403);
        assertThat(rows(ACCOUNTS)).isEqualTo(before);
        assertThat(s.get("/api/v1/sessions/current", anna).json().path("role").asText()).isEqualTo("CLERK");
    }

    @Test
    void nobodyApprovesOrRejectsTheirOwnMergeByForgingTheProposer() throws SQLException {
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        long cluster = s.get("/api/v1/queue?status=OPEN&limit=1", bernd).json().path("entries").get(0)
                .path("clusterId").asLong();
        List<Long> members = new ArrayList<>();
        s.get("/api/v1/clusters/" + cluster, bernd, "X-Case-Reference", "AZ-T").json().path("cluster")
                .path("members").forEach(m -> members.add(m.path("id").asLong()));
        Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", bernd, Map.of("command",
                Map.of("decision", "MERGE", "members", members), "comment", "gleich", "caseRef", "AZ-T"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.json().path("id").asLong();
        String decision = "SELECT * FROM decisions WHERE id = " + id;
        List<String> before = rows(decision);
        List<String> journal = rows(JOURNAL);

        refused(s.post("/api/v1/decisions/" + id + "/approval", bernd, Map.of("comment", "ok", "proposedBy",
                TestWorkspaces.SUPERVISOR2)), 400);
        refused(s.post("/api/v1/decisions/" + id + "/approval?proposedBy=carla", bernd, Map.of(), "X-User",
                "carla"), 403);
        refused(s.post("/api/v1/decisions/" + id + "/rejection", bernd, Map.of("comment", "nein", "reviewedBy",
                TestWorkspaces.SUPERVISOR2)), 400);
        Response ownRejection = s.post("/api/v1/decisions/" + id + "/rejection", bernd, Map.of("comment", "nein"));
        refused(ownRejection, 403);
        refused(s.post("/api/v1/decisions/" + id + "/revert", bernd, Map.of("comment", "x", "caseRef", "AZ-T",
                "proposedBy", "carla")), 400);
        assertThat(rows(decision)).isEqualTo(before);
        assertThat(rows(JOURNAL)).isEqualTo(journal);
    }

    @Test
    void nobodySignsInAsAnotherAccount() throws SQLException {
        List<String> before = rows(ACCOUNTS);
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        // setting another account's password (then signing in with it) is for administrators only
        refused(s.call("PUT", "/api/v1/users/bernd/password", anna, Map.of("password", "Uebernommen-2026")), 403);
        refused(s.call("PUT", "/api/v1/users/admin/password", anna, Map.of("password", "Uebernommen-2026")), 403);
        assertThat(s.signIn(TestWorkspaces.SUPERVISOR, "Uebernommen-2026").status()).isEqualTo(401);
        // an account of one's own making, or a second name for oneself
        refused(s.post("/api/v1/users", anna, Map.of("name", "bernd2", "role", "supervisor", "password",
                "Uebernommen-2026")), 403);
        assertThat(s.signIn("bernd2", "Uebernommen-2026").status()).isEqualTo(401);
        // a session cannot be switched to another user by anything in the request
        Response current = s.get("/api/v1/sessions/current?user=bernd", anna, "X-User", "bernd");
        assertThat(current.json().path("user").asText()).isEqualTo("anna");
        assertThat(rows(ACCOUNTS)).isEqualTo(before);
        assertThat(s.signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void theGovernanceSettingsCannotBeChangedThroughTheApi() throws SQLException {
        List<String> before = rows("SELECT * FROM settings ORDER BY 1");
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        Map<String, Object> unmasked = Map.of("settings", Map.of("maskedFields", List.of()));
        for (String token : List.of(admin, anna)) {
            for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
                refused(s.call(method, "/api/v1/governance", token, method.equals("DELETE") ? null : unmasked),
                        404, 405);
            }
        }
        assertThat(rows("SELECT * FROM settings ORDER BY 1")).isEqualTo(before);
    }

    @Test
    void recordsUnderABlockingNoticeStayMaskedAndOutOfExports() throws SQLException {
        List<String> blocked = rows("SELECT m.cluster_id, r.cells_json FROM cluster_members m JOIN records r "
                + "ON r.id = m.record_id WHERE r.blocked = 1 ORDER BY m.cluster_id LIMIT 1");
        assertThat(blocked).as("the sample has a cluster with a record under a blocking notice").hasSize(1);
        long cluster = Long.parseLong(blocked.get(0).substring(0, blocked.get(0).indexOf('|')));
        String familyName = blocked.get(0).split("\",\"")[1]; // ["key","Familienname",...
        assertThat(familyName).isNotBlank();

        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        Response clerkView = s.get("/api/v1/clusters/" + cluster, anna, "X-Case-Reference", "AZ-B");
        assertThat(clerkView.status()).as(clerkView.toString()).isEqualTo(200);
        assertThat(clerkView.body()).doesNotContain(familyName).contains("***");
        // the supervisor, who may, sees the name: the check above is no accident of the data
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        assertThat(s.get("/api/v1/clusters/" + cluster, bernd, "X-Case-Reference", "AZ-B").body())
                .contains(familyName);
        // no route reads records past the review
        refused(s.get("/api/v1/records", anna), 404);
        refused(s.get("/api/v1/records/1", anna), 404);

        List<String> log = rows(ACCESS_LOG);
        refused(s.post("/api/v1/exports", anna, Map.of("includeBlocked", true, "caseRef", "AZ-B")), 403);
        Response noCase = s.post("/api/v1/exports", bernd, Map.of("includeBlocked", true));
        refused(noCase, 400);
        assertThat(noCase.key()).isEqualTo("export.blocked_needs_case");
        assertThat(rows(ACCESS_LOG)).isEqualTo(log);
    }

    @Test
    void journalAndAccessLogEntriesCannotBeRewrittenOrDeletedThroughTheApi() throws SQLException {
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        List<String> journal = rows(JOURNAL);
        List<String> log = rows(ACCESS_LOG);
        assertThat(journal).isNotEmpty();
        Map<String, Object> rewritten = Map.of("seq", 1, "user", "niemand", "action", "nothing");
        for (String token : List.of(admin, bernd)) {
            for (String path : List.of("/api/v1/journal", "/api/v1/journal/1", "/api/v1/access-log",
                    "/api/v1/access-log/1", "/api/v1/journal/verification")) {
                for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
                    refused(s.call(method, path, token, method.equals("DELETE") ? null : rewritten), 404, 405);
                }
            }
        }
        assertThat(rows(JOURNAL)).isEqualTo(journal);
        assertThat(rows(ACCESS_LOG)).isEqualTo(log);
        Response verified = s.get("/api/v1/journal/verification", bernd);
        assertThat(verified.json().path("ok").asBoolean()).as(verified.toString()).isTrue();
    }
}
