package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.rights.Role;
import de.grw.server.TestServer.Response;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server builds the link index in the background at its start, and {@code GET /api/v1/status} (no session) says
 * where it stands: ready without any link call having been made, so the first link call does not pay for it; a
 * workspace without a model cannot link, and its status says none.
 */
class LinkIndexAtStartTest {
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-2026";

    @TempDir
    Path dir;

    /** Polls the status until it is no longer "building" (at most a minute); returns the last answer. */
    private static JsonNode settled(TestServer s) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        JsonNode status;
        do {
            Response r = s.get("/api/v1/status", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            status = r.json();
            assertThat(status.path("status").asText()).isEqualTo("ok");
            assertThat(status.path("linkIndex").asText()).isIn("none", "building", "ready");
            if (!status.path("linkIndex").asText().equals("building")) {
                return status;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return status;
    }

    private static long linkCalls(TestServer s) throws Exception {
        try (Connection c = s.sql(); var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM access_log WHERE action IN ('LINK', 'SEARCH')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theIndexIsReadyWithoutALinkCallAndTheFirstCallIsAnsweredFromIt() throws Exception {
        try (TestServer s = TestServer.startWith(dir, new TestServer.Account(API, Role.API, API_PASSWORD))) {
            JsonNode status = settled(s);
            assertThat(status.path("linkIndex").asText()).as(status.toString()).isEqualTo("ready");
            assertThat(linkCalls(s)).as("no link call was made: the server built the index itself").isZero();

            String token = s.token(API, API_PASSWORD);
            Response r = s.post("/api/v1/link", token, Map.of("record", Map.of("family_name", "Müller",
                    "given_names", "Anna", "birth_date", "1980-01-01"), "caseRef", "AZ-START-1"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().has("suggestion")).as(r.toString()).isTrue();
            assertThat(linkCalls(s)).isEqualTo(1);
            assertThat(s.get("/api/v1/status", null).json().path("linkIndex").asText()).isEqualTo("ready");
        }
    }

    @Test
    void aWorkspaceWithoutAModelHasNoIndexAndSaysSo() throws Exception {
        Path ws = dir.resolve("leer.grw");
        try (Workspace w = WorkspaceSetup.create(ws, Clock.systemUTC(), "person-de")) {
            new UserService(w).createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
        }
        assertThat(Files.exists(ws)).isTrue();
        try (TestServer s = TestServer.startWith(dir, ws)) {
            JsonNode status = settled(s);
            assertThat(status.path("linkIndex").asText()).as(status.toString()).isEqualTo("none");
        }
    }
}
