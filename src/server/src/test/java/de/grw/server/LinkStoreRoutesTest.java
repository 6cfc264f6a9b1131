package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.UserFacingException;
import de.grw.linking.LinkViews.LinkAnswer;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.server.TestServer.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storing a linked record over HTTPS ({@code POST /api/v1/link} with {@code "store"}), attacked: an API account
 * without the right forging the field (403, nothing stored, no source named back), a blank or unknown source, a bad
 * record (400), a key the source holds (409); an account of the role API_STORE stores, directly and through the
 * remote client, and the stored record and queued cluster are in the store.
 */
class LinkStoreRoutesTest {
    private static final String API = "auskunft";
    private static final String API_PASSWORD = "Schnittstelle-2026";
    private static final String STORE = "fachverfahren";
    private static final String STORE_PASSWORD = "Speichern-2026-x";
    private static final String SOURCE = "melderegister";

    @TempDir
    static Path dir;
    static TestServer s;
    static String api;
    static String store;

    @BeforeAll
    static void start() {
        s = TestServer.startWith(dir, new TestServer.Account(API, Role.API, API_PASSWORD),
                new TestServer.Account(STORE, Role.API_STORE, STORE_PASSWORD));
        api = s.token(API, API_PASSWORD);
        store = s.token(STORE, STORE_PASSWORD);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = s.sql(); ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    private static Map<String, String> person(String key) {
        return person(key, "Quendelbrink");
    }

    private static Map<String, String> person(String key, String familyName) {
        Map<String, String> r = new LinkedHashMap<>();
        if (key != null) {
            r.put("record_id", key);
        }
        r.put("family_name", familyName);
        r.put("given_names", "Xaveria");
        r.put("birth_date", "05.03.1961");
        r.put("city", "Berlin");
        return r;
    }

    private static Map<String, Object> body(Map<String, String> record, String caseRef, Object storeIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("record", record);
        body.put("caseRef", caseRef);
        body.put("store", storeIn);
        return body;
    }

    @Test
    void anApiAccountForgingTheStoreFieldIsRefusedAndNothingIsStored() throws Exception {
        long records = count("SELECT count(*) FROM records");
        long journal = count("SELECT count(*) FROM journal");
        long logged = count("SELECT count(*) FROM access_log WHERE user_name = '" + API + "'");
        Response r = s.post("/api/v1/link", api, body(person("FV-X-1"), "AZ-9/2026", SOURCE));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.key()).isEqualTo("access.denied");
        // the right is checked before the source: no source names for an account that may not store
        Response unknown = s.post("/api/v1/link", api, body(person("FV-X-1"), "AZ-9/2026", "einwohner"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
        assertThat(unknown.body()).doesNotContain(SOURCE);
        // a differently spelled field is no way around it
        Map<String, Object> sneaky = body(person("FV-X-1"), "AZ-9/2026", null);
        sneaky.remove("store");
        sneaky.put("Store", SOURCE);
        assertThat(s.post("/api/v1/link", api, sneaky).status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
        assertThat(count("SELECT count(*) FROM journal")).isEqualTo(journal);
        assertThat(count("SELECT count(*) FROM access_log WHERE user_name = '" + API + "'")).isEqualTo(logged);
        // linking alone still works for it
        Response only = s.post("/api/v1/link", api, body(person(null), "AZ-9/2026", null));
        assertThat(only.status()).as(only.toString()).isEqualTo(200);
        assertThat(only.json().path("storedRecord").isNull()).isTrue();
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
    }

    @Test
    void badRequestsToStoreAreRefusedWithTheirReason() throws Exception {
        long records = count("SELECT count(*) FROM records");
        Response blank = s.post("/api/v1/link", store, body(person("FV-B-1"), "AZ-10/2026", " "));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        Response unknown = s.post("/api/v1/link", store, body(person("FV-B-1"), "AZ-10/2026", "einwohner"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.key()).isEqualTo("link.store_no_source");
        assertThat(unknown.json().path("detail").asText()).contains("einwohner");
        Map<String, String> bad = person("FV-B-1");
        bad.put("birth_date", "31.02.1961");
        Response badDate = s.post("/api/v1/link", store, body(bad, "AZ-10/2026", SOURCE));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
        assertThat(badDate.key()).isEqualTo("link.bad_value");
        Response notAName = s.post("/api/v1/link", store, body(person("FV-B-1"), "AZ-10/2026", Map.of("a", 1)));
        assertThat(notAName.status()).as(notAName.toString()).isEqualTo(400);
        Response noCase = s.post("/api/v1/link", store, body(person("FV-B-1"), null, SOURCE));
        assertThat(noCase.status()).as(noCase.toString()).isEqualTo(400);
        String present;
        try (Connection c = s.sql(); ResultSet rs = c.createStatement().executeQuery("SELECT r.record_key FROM "
                + "records r JOIN sources s ON s.id = r.source_id WHERE s.name = '" + SOURCE + "' ORDER BY r.id")) {
            rs.next();
            present = rs.getString(1);
        }
        Response conflict = s.post("/api/v1/link", store, body(person(present), "AZ-10/2026", SOURCE));
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.key()).isEqualTo("link.store_key_present");
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records);
    }

    @Test
    void anApiStoreAccountStoresAndTheSecondRecordOfThePersonIsQueued() throws Exception {
        long records = count("SELECT count(*) FROM records");
        Response first = s.post("/api/v1/link", store, body(person("FV-S-1", "Wendelgrund"), "AZ-11/2026", SOURCE));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode a = first.json();
        assertThat(a.path("suggestion").asText()).isEqualTo("new");
        long stored = a.path("storedRecord").asLong();
        assertThat(a.path("queuedCluster").isNull()).isTrue();
        assertThat(count("SELECT count(*) FROM records")).isEqualTo(records + 1);
        assertThat(count("SELECT count(*) FROM records WHERE id = " + stored + " AND record_key = 'FV-S-1'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM journal WHERE action = 'source.record_stored' AND user_name = '"
                + STORE + "'")).isGreaterThanOrEqualTo(1);

        Response second = s.post("/api/v1/link", store, body(person("FV-S-2", "Wendelgrund"), "AZ-12/2026", SOURCE));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode b = second.json();
        assertThat(b.path("suggestion").asText()).isIn("link", "review");
        long cluster = b.path("queuedCluster").asLong();
        assertThat(cluster).isPositive();
        assertThat(count("SELECT count(*) FROM clusters WHERE id = " + cluster + " AND status = 'OPEN'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cluster_members WHERE cluster_id = " + cluster + " AND record_id IN ("
                + stored + ", " + b.path("storedRecord").asLong() + ")")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM golden_members WHERE record_id = " + stored)).isZero();
    }

    @Test
    void theRemoteClientPassesTheSourceThrough() throws Exception {
        try (RemoteWorkbench w = s.remote()) {
            try (SignedIn auskunft = w.signIn(API, API_PASSWORD.toCharArray())) {
                assertThatThrownBy(() -> auskunft.link().link(person("FV-R-0"), "AZ-13/2026", SOURCE))
                        .isInstanceOf(AccessDeniedException.class);
                assertThat(auskunft.link().link(person(null), "AZ-13/2026").storedRecord()).isNull();
            }
            try (SignedIn fv = w.signIn(STORE, STORE_PASSWORD.toCharArray())) {
                assertThatThrownBy(() -> fv.link().link(person("FV-R-1"), "AZ-14/2026", "einwohner"))
                        .isInstanceOf(UserFacingException.class).hasMessageContaining("einwohner");
                LinkAnswer answer = fv.link().link(person("FV-R-1"), "AZ-14/2026", SOURCE);
                assertThat(answer.storedRecord()).isNotNull();
                assertThat(count("SELECT count(*) FROM records WHERE id = " + answer.storedRecord()
                        + " AND record_key = 'FV-R-1'")).isEqualTo(1);
            }
        }
    }
}
