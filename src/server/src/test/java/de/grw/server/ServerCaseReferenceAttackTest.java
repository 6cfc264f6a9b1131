package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Personal data through the server without a case reference, or with one that names no case: every route that shows
 * a person (a cluster, its prefetch, a golden record by both routes, the search, a link, the queue with names) and a
 * merge is called with none, a blank one, punctuation only, control characters, a right-to-left override, one
 * too long, and two different ones at once. Each is refused with 400 and leaves the access log as it was; the queue
 * without a case reference answers without names. With a real case reference the same calls answer and the access
 * log carries it.
 */
class ServerCaseReferenceAttackTest extends ServerPerTest {
    String anna;
    long cluster;

    @BeforeEach
    void firstOpenCluster() {
        anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        cluster = s.get("/api/v1/queue?status=OPEN&limit=1", anna).json().path("entries").get(0).path("clusterId")
                .asLong();
    }

    private long accessLog() throws SQLException {
        try (Connection c = s.sql(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM access_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String lastCaseRef() throws SQLException {
        try (Connection c = s.sql(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT case_ref FROM access_log ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Each call that shows a person, with {@code caseRef} as the parameter (null: none at all). */
    private Map<String, Response> calls(String caseRef, String... headers) {
        String q = caseRef == null ? "" : "caseRef=" + URLEncoder.encode(caseRef, StandardCharsets.UTF_8);
        String amp = q.isEmpty() ? "" : "&" + q;
        String ask = q.isEmpty() ? "" : "?" + q;
        Map<String, Response> r = new LinkedHashMap<>();
        r.put("cluster", s.get("/api/v1/clusters/" + cluster + ask, anna, headers));
        r.put("prefetch", s.get("/api/v1/clusters/" + cluster + "/prefetch" + ask, anna, headers));
        r.put("golden record (review)", s.get("/api/v1/golden-records/G-000001" + ask, anna, headers));
        r.put("golden record (link)", s.get("/api/v1/golden/G-000001" + ask, anna, headers));
        r.put("search", s.get("/api/v1/golden?familyName=M%C3%BCller" + amp, anna, headers));
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("record", Map.of("family_name", "Meier", "given_names", "Hans"));
        if (caseRef != null) {
            link.put("caseRef", caseRef);
        }
        r.put("link", s.post("/api/v1/link", anna, link, headers));
        // a merge needs a case reference (the governance default; a deferral does not)
        List<Long> members = new ArrayList<>();
        s.get("/api/v1/clusters/" + cluster + "/members", anna).json().forEach(m -> members.add(m.asLong()));
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("command", Map.of("decision", "MERGE", "members", members));
        merge.put("comment", "gleiche Person");
        if (caseRef != null) {
            merge.put("caseRef", caseRef);
        }
        r.put("merge", s.post("/api/v1/clusters/" + cluster + "/decisions", anna, merge, headers));
        return r;
    }

    @Test
    void noCaseReferenceOrOneThatNamesNoCaseIsRefusedAndNotLogged() throws SQLException {
        long log = accessLog();
        List<String> bad = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        tried.add(null);
        tried.addAll(List.of(" ", ".", "-", "/", "...", "a\u0007b", "AZ\u202E1", "\u200B", "x".repeat(101),
                "AZ-1\nAZ-2"));
        for (String caseRef : tried) {
            calls(caseRef).forEach((what, r) -> {
                if (r.status() != 400) {
                    bad.add(what + " with " + (caseRef == null ? "none" : caseRef.codePoints().mapToObj(cp -> cp < 32
                            || cp > 126 ? String.format("U+%04X", cp) : Character.toString(cp))
                            .reduce("", String::concat)) + " -> " + r.status() + " " + r.body());
                }
            });
        }
        assertThat(bad).isEmpty();
        assertThat(accessLog()).as("refused calls leave no access-log entry").isEqualTo(log);
        // two different case references at once: which one would the log keep?
        calls("AZ-1", "X-Case-Reference", "AZ-2").forEach((what, r) ->
                assertThat(r.status()).as(what + " " + r).isEqualTo(400));
        assertThat(accessLog()).isEqualTo(log);
    }

    @Test
    void theQueueWithoutACaseReferenceHasNoNamesAndWithOneItIsLogged() throws SQLException {
        long log = accessLog();
        JsonNode plain = s.get("/api/v1/queue?status=OPEN&limit=5&names=true", anna).json();
        plain.path("entries").forEach(e -> assertThat(e.path("name").isNull()).as(e.toString()).isTrue());
        assertThat(accessLog()).isEqualTo(log);
        JsonNode named = s.get("/api/v1/queue?status=OPEN&limit=5&names=true", anna, "X-Case-Reference",
                "51.2-2026/77").json();
        assertThat(named.path("entries").get(0).path("name").asText()).isNotBlank();
        assertThat(accessLog()).isEqualTo(log + 1);
        assertThat(lastCaseRef()).isEqualTo("51.2-2026/77");
    }

    @Test
    void aRealCaseReferenceIsAnsweredAndLogged() throws SQLException {
        long log = accessLog();
        Response shown = s.get("/api/v1/clusters/" + cluster, anna, "X-Case-Reference", "51.2-2026/78");
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(accessLog()).isEqualTo(log + 1);
        assertThat(lastCaseRef()).isEqualTo("51.2-2026/78");
    }
}
