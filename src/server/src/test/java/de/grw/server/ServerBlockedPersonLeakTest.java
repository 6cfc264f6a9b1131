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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person under a blocking notice (Auskunftssperre), merged by two supervisors into a golden record with a value
 * one of them typed, then looked for by everyone who may not see blocked persons — another clerk and an application
 * account — along every route that answers with records, decisions or the journal: the golden record by its id (both
 * routes), the decisions, the journal and its changes, the review queue with names, the cluster, a search by name
 * and birth date and a link of the person's own values. None answers a value of the blocked record nor the typed
 * one; a supervisor, who may, sees them (so the check is no accident of the data).
 */
class ServerBlockedPersonLeakTest {
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";
    private static final String TYPED = "geheim.gesperrt@example.org";

    @TempDir
    static Path dir;
    static TestServer s;
    static long cluster;
    static long blockedRecord;
    static long decision;
    static String golden;
    static Map<String, String> blockedValues;

    @BeforeAll
    static void mergeABlockedPerson() throws Exception {
        s = TestServer.startWith(dir, new TestServer.Account(API, Role.API, API_PASSWORD));
        List<Object> found = row("SELECT m.cluster_id, r.id FROM cluster_members m JOIN records r ON r.id = "
                + "m.record_id WHERE r.blocked = 1 ORDER BY m.cluster_id LIMIT 1");
        assertThat(found).as("the sample has a cluster with a record under a blocking notice").hasSize(2);
        cluster = ((Number) found.get(0)).longValue();
        blockedRecord = ((Number) found.get(1)).longValue();
        blockedValues = values(blockedRecord);

        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        List<Long> members = new ArrayList<>();
        s.get("/api/v1/clusters/" + cluster + "/members", bernd).json().forEach(m -> members.add(m.asLong()));
        assertThat(members).contains(blockedRecord).hasSizeGreaterThan(1);
        Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", bernd, Map.of("command", Map.of(
                "decision", "MERGE", "members", members, "choices", Map.of("email", Map.of("value", TYPED),
                        "family_name", Map.of("record", blockedRecord))),
                "comment", "gleiche Person", "caseRef", "AZ-SPERRE-1"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        decision = proposed.json().path("id").asLong();
        String carla = s.token(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD);
        Response approved = s.post("/api/v1/decisions/" + decision + "/approval", carla, Map.of("comment", "ok"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        golden = s.get("/api/v1/decisions/" + decision + "/golden", bernd).json().path("goldenId").asText();
        assertThat(golden).startsWith("G-");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static List<Object> row(String sql) throws SQLException {
        return s.row(sql);
    }

    /** The values of the blocked record that identify the person (the longer ones: no accidental matches). */
    private static Map<String, String> values(long record) throws Exception {
        Map<String, String> all = s.recordValues("id = " + record);
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : List.of("family_name", "given_names", "birth_date", "street", "tax_id", "email",
                "phone")) {
            if (all.get(f) != null && all.get(f).length() >= 6) {
                out.put(f, all.get(f));
            }
        }
        assertThat(out).containsKeys("family_name", "birth_date");
        return out;
    }

    /** Every answer a reader gets about the person, by route. */
    private Map<String, Response> lookEverywhere(String token) {
        Map<String, Response> answers = new LinkedHashMap<>();
        String az = "AZ-SPERRE-2";
        answers.put("golden record (review)", s.get("/api/v1/golden-records/" + golden, token, "X-Case-Reference", az));
        answers.put("golden record (link)", s.get("/api/v1/golden/" + golden, token, "X-Case-Reference", az));
        answers.put("decisions", s.get("/api/v1/decisions", token));
        answers.put("decision", s.get("/api/v1/decisions/" + decision, token));
        answers.put("journal", s.get("/api/v1/journal", token));
        answers.put("changes", s.get("/api/v1/changes?wait=0", token));
        answers.put("queue with names", s.get("/api/v1/queue?limit=500&names=true&status=OPEN,DEFERRED,AWAITING_APPROVAL,MERGED,NOT_DUPLICATE,SPLIT,"
                + "SUPERSEDED", token, "X-Case-Reference", az));
        answers.put("cluster", s.get("/api/v1/clusters/" + cluster, token, "X-Case-Reference", az));
        answers.put("prefetch", s.get("/api/v1/clusters/" + cluster + "/prefetch", token, "X-Case-Reference", az));
        answers.put("search", s.get("/api/v1/golden?familyName=" + URLEncoder.encode(blockedValues.get(
                "family_name"), StandardCharsets.UTF_8) + "&birthDate=" + blockedValues.get("birth_date"), token,
                "X-Case-Reference", az));
        Map<String, String> own = new LinkedHashMap<>(blockedValues);
        answers.put("link", s.post("/api/v1/link", token, Map.of("record", own, "caseRef", az)));
        return answers;
    }

    @Test
    void nobodyWithoutTheRightSeesTheBlockedPersonAnywhere() {
        String dora = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        String api = s.token(API, API_PASSWORD);
        List<String> leaks = new ArrayList<>();
        int answered = 0;
        for (Map.Entry<String, String> reader : Map.of("clerk dora", dora, "application", api).entrySet()) {
            for (Map.Entry<String, Response> a : lookEverywhere(reader.getValue()).entrySet()) {
                Response r = a.getValue();
                String what = reader.getKey() + ", " + a.getKey() + " -> " + r.status();
                assertThat(r.status()).as(what + " " + r).isIn(200, 403);
                answered += r.status() == 200 ? 1 : 0;
                for (Map.Entry<String, String> v : blockedValues.entrySet()) {
                    if (r.body().contains(v.getValue())) {
                        leaks.add(what + " shows the blocked person's " + v.getKey());
                    }
                }
                if (r.body().contains(TYPED)) {
                    leaks.add(what + " shows the value typed for the blocked person");
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(answered).as("routes that answered at all").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aSupervisorWhoMaySeesThePerson() {
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        Map<String, Response> answers = lookEverywhere(bernd);
        Response shown = answers.get("golden record (review)");
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.body()).contains(blockedValues.get("family_name")).contains(TYPED);
        assertThat(answers.get("cluster").body()).contains(blockedValues.get("family_name"));
        JsonNode journal = answers.get("journal").json();
        assertThat(journal.size()).isPositive();
    }
}
