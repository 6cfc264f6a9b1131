package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API end to end over HTTPS: sign-in, the queue, a cluster's comparison (masked and access-logged with its
 * case reference), a decision, the four-eyes approval and the journal's verification, as a clerk and a supervisor
 * at their own workstations would use them.
 */
class ServerApiTest {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aClerkSignsInAndSeesTheSessionAndTheWorkspace() {
        Response r = s.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode session = r.json();
        assertThat(session.path("token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.path("user").asText()).isEqualTo("anna");
        assertThat(session.path("role").asText()).isEqualTo("CLERK");
        assertThat(session.path("permissions").toString()).contains("DECIDE").doesNotContain("APPROVE");
        assertThat(session.path("idleTimeoutSeconds").asLong()).isEqualTo(30 * 60);
        String token = session.path("token").asText();

        Response current = s.get("/api/v1/sessions/current", token);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("user").asText()).isEqualTo("anna");
        assertThat(current.json().has("token") && !current.json().path("token").isNull()).isFalse();

        Response ws = s.get("/api/v1/workspace", token);
        assertThat(ws.status()).as(ws.toString()).isEqualTo(200);
        assertThat(ws.json().path("name").asText()).isEqualTo("Musterstadt");
        assertThat(ws.json().path("profile").asText()).isEqualTo("person-de");
        assertThat(ws.json().path("sources").asInt()).isEqualTo(3);
        assertThat(ws.body()).doesNotContain(s.workspaceFile.toString()).doesNotContain(".grw");
        assertThat(ws.header("Cache-Control")).isEqualTo("no-store");
        assertThat(ws.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void theQueueShowsAPageMostUncertainFirst() {
        String token = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        Response r = s.get("/api/v1/queue?limit=5", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode entries = r.json().path("entries");
        assertThat(entries.size()).isEqualTo(5);
        assertThat(r.json().path("total").asInt()).isGreaterThan(5);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).path("minProbability").asDouble())
                    .isGreaterThanOrEqualTo(entries.get(i - 1).path("minProbability").asDouble());
        }
        Response bad = s.get("/api/v1/queue?status=VANISHED", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.key()).isEqualTo("server.bad_request");
        assertThat(s.get("/api/v1/queue?limit=100000", token).status()).isEqualTo(400);
    }

    @Test
    void aClusterIsShownOnlyWithACaseReferenceAndTheDisplayIsAccessLogged() throws Exception {
        String token = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        long cluster = s.get("/api/v1/queue?limit=1", token).json().path("entries").get(0).path("clusterId").asLong();

        Response without = s.get("/api/v1/clusters/" + cluster, token);
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.key()).isEqualTo("server.case_required");
        assertThat(accessLogged("AZ-API-1")).isEmpty();

        Response shown = s.get("/api/v1/clusters/" + cluster, token, "X-Case-Reference", "AZ-API-1");
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        JsonNode members = shown.json().path("cluster").path("members");
        assertThat(members.size()).isGreaterThanOrEqualTo(2);
        assertThat(shown.json().path("comparison").path("rows").size()).isGreaterThan(3);
        assertThat(accessLogged("AZ-API-1")).containsExactly("anna SHOW cluster " + cluster);

        Response byParameter = s.get("/api/v1/clusters/" + cluster + "?caseRef=AZ-API-2", token);
        assertThat(byParameter.status()).isEqualTo(200);
        assertThat(accessLogged("AZ-API-2")).hasSize(1);
        Response two = s.get("/api/v1/clusters/" + cluster + "?caseRef=AZ-API-3", token, "X-Case-Reference", "AZ-9");
        assertThat(two.status()).isEqualTo(400);

        Response meaningless = s.get("/api/v1/clusters/" + cluster, token, "X-Case-Reference", "---");
        assertThat(meaningless.status()).isEqualTo(400);
        assertThat(meaningless.key()).isEqualTo("case.meaningless");

        Response none = s.get("/api/v1/clusters/999999", token, "X-Case-Reference", "AZ-API-4");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.key()).isEqualTo("review.no_cluster");
        assertThat(none.json().path("args").get(0).asText()).isEqualTo("999999");
    }

    @Test
    void aClerkProposesAMergeAndASupervisorApprovesIt() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        JsonNode entry = s.get("/api/v1/queue?limit=1&status=OPEN", anna).json().path("entries").get(0);
        long cluster = entry.path("clusterId").asLong();
        List<Long> members = members(anna, cluster);

        Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", anna, Map.of(
                "command", Map.of("decision", "MERGE", "members", members, "choices", Map.of()),
                "comment", "gleiche Person", "caseRef", "AZ-API-10"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().path("state").asText()).isEqualTo("PENDING");
        assertThat(proposed.json().path("proposedBy").asText()).isEqualTo("anna");
        long decision = proposed.json().path("id").asLong();

        Response again = s.post("/api/v1/clusters/" + cluster + "/decisions", anna, Map.of(
                "command", Map.of("decision", "DEFER"), "comment", "später", "caseRef", "AZ-API-10"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.key()).isEqualTo("review.cluster_closed");

        assertThat(s.get("/api/v1/approvals", bernd).json().findValuesAsText("id")).contains(Long.toString(decision));
        Response approved = s.post("/api/v1/decisions/" + decision + "/approval", bernd, Map.of("comment", "geprüft"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("state").asText()).isEqualTo("EFFECTIVE");
        assertThat(approved.json().path("reviewedBy").asText()).isEqualTo("bernd");

        Response twice = s.post("/api/v1/decisions/" + decision + "/approval", bernd, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.key()).isEqualTo("review.not_awaiting");

        Response verified = s.get("/api/v1/journal/verification", anna);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.json().path("entries").asLong()).isGreaterThan(5);
    }

    @Test
    void errorsAreProblemsWithKeysInTheClientsLanguageAndNeverAStackTrace() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        Response broken = s.post("/api/v1/clusters/1/decisions", anna, "{\"command\": {\"decision\": \"MERGE\", ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(broken.key()).isEqualTo("server.bad_request");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at de.grw").doesNotContain("jackson");

        Response unknownDecision = s.post("/api/v1/clusters/1/decisions", anna,
                Map.of("command", Map.of("decision", "VETO"), "caseRef", "AZ-1"));
        assertThat(unknownDecision.status()).isEqualTo(400);
        assertThat(unknownDecision.json().path("detail").asText()).contains("VETO");

        Response tooSmall = s.post("/api/v1/clusters/1/decisions", anna,
                Map.of("command", Map.of("decision", "MERGE", "members", List.of(1)), "caseRef", "AZ-1"));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.json().path("detail").asText()).contains("at least two records");
        assertThat(tooSmall.body()).doesNotContain("de.grw.review");

        Response german = s.get("/api/v1/clusters/999999", anna, "X-Case-Reference", "AZ-1", "Accept-Language",
                "de-DE,de;q=0.9,en;q=0.5");
        assertThat(german.json().path("detail").asText()).isEqualTo("Es gibt keine Gruppe 999999.");
        Response english = s.get("/api/v1/clusters/999999", anna, "X-Case-Reference", "AZ-1");
        assertThat(english.json().path("detail").asText()).isEqualTo("there is no cluster 999999");

        Response noRoute = s.get("/api/v1/nothing-here", anna);
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.key()).isEqualTo("server.no_route");
        Response badId = s.get("/api/v1/clusters/abc", anna, "X-Case-Reference", "AZ-1");
        assertThat(badId.status()).isEqualTo(400);
    }

    private List<Long> members(String token, long cluster) {
        JsonNode view = s.get("/api/v1/clusters/" + cluster, token, "X-Case-Reference", "AZ-API-10").json();
        List<Long> ids = new ArrayList<>();
        view.path("cluster").path("members").forEach(m -> ids.add(m.path("id").asLong()));
        return ids;
    }

    /** "user action detail" of the access log's entries with a case reference. */
    private static List<String> accessLogged(String caseRef) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = s.sql(); var ps = c.prepareStatement(
                "SELECT user_name, action, detail FROM access_log WHERE case_ref = ? ORDER BY id")) {
            ps.setString(1, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return out;
    }
}
