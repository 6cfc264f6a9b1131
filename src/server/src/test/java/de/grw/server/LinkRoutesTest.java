package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.rights.Role;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time linking over HTTPS, attacked: no case reference, the wrong role (an API account or a clerk on a decision
 * or approval route), a blocked person, bad input; every answered call is in the access log with its case reference.
 */
class LinkRoutesTest {
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";

    @TempDir
    static Path dir;
    static TestServer s;
    static String api;

    @BeforeAll
    static void start() {
        // one merge approved, so that the workspace has a golden record
        Path ws = TestServer.workspace(dir, f -> TestServer.approveMerge(f, f.review().queue(f.clerk(),
                java.util.EnumSet.of(de.grw.workspace.ClusterStatus.OPEN), 1).get(0).clusterId()),
                new TestServer.Account(API, Role.API, API_PASSWORD));
        s = TestServer.startWith(dir, ws);
        api = s.token(API, API_PASSWORD);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static List<Object> row(String sql) throws SQLException {
        return s.row(sql);
    }

    /** A stored record's values by field name (record_id left out). */
    private static Map<String, String> values(String where) throws Exception {
        return s.recordValues(where);
    }

    private static long accessLogEntries(String action) throws SQLException {
        return ((Number) row("SELECT count(*) FROM access_log WHERE user_name = '" + API + "' AND action = '"
                + action + "'").get(0)).longValue();
    }

    private static Map<String, Object> request(Map<String, String> record, String caseRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("record", record);
        if (caseRef != null) {
            body.put("caseRef", caseRef);
        }
        return body;
    }

    @Test
    void anApiAccountLinksAndEveryCallIsLoggedWithItsCaseReference() throws Exception {
        long member = ((Number) row("SELECT min(record_id) FROM cluster_members").get(0)).longValue();
        long before = accessLogEntries("LINK");
        Response r = s.post("/api/v1/link", api, request(values("id = " + member), "51.2-2026/77"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("suggestion").asText()).isIn("link", "review");
        assertThat(answer.path("candidates").size()).isPositive();
        JsonNode first = answer.path("candidates").get(0);
        assertThat(first.path("records").get(0).path("explanation").size()).isPositive();
        assertThat(first.path("records").get(0).path("explanation").get(0).path("text").asText()).isNotBlank();
        assertThat(r.body()).contains("\"record\":" + member);
        assertThat(accessLogEntries("LINK")).isEqualTo(before + 1);
        assertThat(row("SELECT case_ref FROM access_log WHERE user_name = '" + API + "' ORDER BY id DESC LIMIT 1"))
                .containsExactly("51.2-2026/77");
        assertThat(((Number) row("SELECT count(*) FROM access_log_records WHERE record_id = " + member
                + " AND access_id = (SELECT max(id) FROM access_log)").get(0)).longValue()).isEqualTo(1);
        // the case reference in the header does as well
        Response header = s.post("/api/v1/link", api, request(values("id = " + member), null),
                "X-Case-Reference", "51.2-2026/78");
        assertThat(header.status()).isEqualTo(200);
        assertThat(accessLogEntries("LINK")).isEqualTo(before + 2);
    }

    @Test
    void withoutACaseReferenceNothingIsAnsweredOrLogged() throws Exception {
        long before = accessLogEntries("LINK") + accessLogEntries("SEARCH") + accessLogEntries("SHOW");
        Response link = s.post("/api/v1/link", api, request(Map.of("family_name", "Müller"), null));
        assertThat(link.status()).isEqualTo(400);
        assertThat(link.key()).isEqualTo("link.needs_case");
        Response search = s.get("/api/v1/golden?familyName=M%C3%BCller", api);
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.key()).isEqualTo("link.needs_case");
        String golden = (String) row("SELECT id FROM golden_records WHERE status = 'ACTIVE' LIMIT 1").get(0);
        Response show = s.get("/api/v1/golden/" + golden, api);
        assertThat(show.status()).isEqualTo(400);
        assertThat(accessLogEntries("LINK") + accessLogEntries("SEARCH") + accessLogEntries("SHOW"))
                .isEqualTo(before);
    }

    @Test
    void badInputGetsAMessageNeverAStackTrace() {
        Response unknown = s.post("/api/v1/link", api, request(Map.of("nachname", "Müller"), "AZ-1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.key()).isEqualTo("link.unknown_field");
        assertThat(unknown.body()).contains("nachname").contains("family_name").doesNotContain("at de.grw");
        Response date = s.post("/api/v1/link", api, request(Map.of("family_name", "Müller",
                "birth_date", "31.02.1980"), "AZ-1"));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.key()).isEqualTo("link.bad_value");
        assertThat(date.body()).contains("31.02.1980").doesNotContain("Exception");
        Response noRecord = s.post("/api/v1/link", api, "{\"caseRef\":\"AZ-1\"}");
        assertThat(noRecord.status()).isEqualTo(400);
        Response notJson = s.post("/api/v1/link", api, "{\"record\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("at com.fasterxml");
    }

    @Test
    void anApiAccountCannotDecideApproveOrReadTheQueueAndAClerkCannotApprove() throws Exception {
        long cluster = ((Number) row("SELECT min(cluster_id) FROM cluster_members").get(0)).longValue();
        long journal = ((Number) row("SELECT count(*) FROM journal").get(0)).longValue();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("command", Map.of("decision", "DEFER"));
        decision.put("comment", "später");
        decision.put("caseRef", "AZ-1");
        Response decide = s.post("/api/v1/clusters/" + cluster + "/decisions", api, decision);
        assertThat(decide.status()).as(decide.toString()).isEqualTo(403);
        assertThat(s.get("/api/v1/queue?limit=1", api).status()).isEqualTo(403);
        assertThat(s.get("/api/v1/clusters/" + cluster + "?caseRef=AZ-1", api).status()).isEqualTo(403);
        assertThat(s.get("/api/v1/approvals", api).status()).isEqualTo(403);
        long pending = ((Number) row("SELECT coalesce(max(id), 1) FROM decisions").get(0)).longValue();
        assertThat(s.post("/api/v1/decisions/" + pending + "/approval", api, "{}").status()).isEqualTo(403);
        String clerk = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        assertThat(s.post("/api/v1/decisions/" + pending + "/approval", clerk, "{}").status()).isEqualTo(403);
        assertThat(((Number) row("SELECT count(*) FROM journal").get(0)).longValue()).isEqualTo(journal);
        // an administrator has no right to link
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        Response adminLink = s.post("/api/v1/link", admin, request(Map.of("family_name", "Müller"), "AZ-1"));
        assertThat(adminLink.status()).isEqualTo(403);
        // and no session, no answer
        assertThat(s.post("/api/v1/link", null, request(Map.of("family_name", "Müller"), "AZ-1")).status())
                .isEqualTo(401);
    }

    @Test
    void aBlockedPersonIsMaskedForTheApiAccount() throws Exception {
        long blocked = ((Number) row("SELECT min(id) FROM records WHERE blocked = 1").get(0)).longValue();
        Map<String, String> values = values("id = " + blocked);
        Response r = s.post("/api/v1/link", api, request(values, "AZ-8"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode person = null;
        for (JsonNode p : r.json().path("candidates")) {
            for (JsonNode rec : p.path("records")) {
                if (rec.path("record").asLong() == blocked) {
                    person = p;
                }
            }
        }
        assertThat(person).as(r.body()).isNotNull();
        assertThat(person.path("masked").asBoolean()).isTrue();
        assertThat(person.path("values").path("family_name").asText()).isEqualTo("***");
        assertThat(r.body()).doesNotContain(values.get("family_name")).doesNotContain(values.get("street"));
        Response search = s.get("/api/v1/golden?familyName=" + URLEncoder.encode(values.get("family_name"),
                StandardCharsets.UTF_8) + "&birthDate=" + values.get("birth_date") + "&caseRef=AZ-8", api);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("\"record\":" + blocked).doesNotContain(values.get("family_name"));
    }

    @Test
    void aGoldenRecordIsShownMaskedAndLogged() throws Exception {
        String golden = (String) row("SELECT id FROM golden_records WHERE status = 'ACTIVE' LIMIT 1").get(0);
        long before = accessLogEntries("SHOW");
        Response r = s.get("/api/v1/golden/" + golden, api, "X-Case-Reference", "AZ-9");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo(golden);
        assertThat(r.json().path("members").size()).isPositive();
        assertThat(accessLogEntries("SHOW")).isEqualTo(before + 1);
        Response none = s.get("/api/v1/golden/G-999999", api, "X-Case-Reference", "AZ-9");
        assertThat(none.status()).isEqualTo(404);
    }
}
