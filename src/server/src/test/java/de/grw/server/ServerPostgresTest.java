package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.server.TestServer.Response;
import de.grw.store.PostgresDatabases;
import de.grw.store.PostgresStore;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over a PostgreSQL store ({@code store = postgresql}, the password from a file): a clerk and a
 * supervisor sign in, the clerk takes a cluster from the queue and proposes a merge, the clerk's own approval is
 * refused, the supervisor approves (four eyes), the journal verifies, and the decision is in the database.
 * Skipped without a PostgreSQL test server ({@code source /tmp/pgenv}), failed under {@code CI=true}.
 */
class ServerPostgresTest {
    @TempDir
    Path dir;

    @Test
    void clerkAndSupervisorWorkOnAPostgresqlBackedServer() throws Exception {
        PostgresDatabases.requireServer();
        String db = PostgresDatabases.copyOf(TestWorkspaces.postgresTemplate());
        try {
            PostgresStore.Config pg = PostgresDatabases.config(db);
            try (TestServer s = TestServer.startPostgres(dir, pg.url(), pg.user(), pg.password(), pg.schema())) {
                String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
                String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);

                Response ws = s.get("/api/v1/workspace", anna);
                assertThat(ws.status()).as(ws.toString()).isEqualTo(200);
                assertThat(ws.json().path("store").asText()).isEqualTo("postgresql");
                assertThat(ws.body()).doesNotContain(pg.url()).doesNotContain(pg.password());

                Response queue = s.get("/api/v1/queue?limit=1&status=OPEN", anna);
                assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
                long cluster = queue.json().path("entries").get(0).path("clusterId").asLong();
                JsonNode view = s.get("/api/v1/clusters/" + cluster, anna, "X-Case-Reference", "AZ-PG-1").json();
                List<Long> members = new ArrayList<>();
                view.path("cluster").path("members").forEach(m -> members.add(m.path("id").asLong()));
                assertThat(members).hasSizeGreaterThanOrEqualTo(2);

                Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", anna, Map.of(
                        "command", Map.of("decision", "MERGE", "members", members, "choices", Map.of()),
                        "comment", "gleiche Person", "caseRef", "AZ-PG-1"));
                assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
                long decision = proposed.json().path("id").asLong();

                Response own = s.post("/api/v1/decisions/" + decision + "/approval", anna, Map.of());
                assertThat(own.status()).as(own.toString()).isEqualTo(403);

                Response approved = s.post("/api/v1/decisions/" + decision + "/approval", bernd,
                        Map.of("comment", "geprüft"));
                assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
                assertThat(approved.json().path("state").asText()).isEqualTo("EFFECTIVE");
                assertThat(approved.json().path("reviewedBy").asText()).isEqualTo("bernd");

                Response verified = s.get("/api/v1/journal/verification", bernd);
                assertThat(verified.json().path("ok").asBoolean()).as(verified.toString()).isTrue();

                try (Connection c = PostgresDatabases.raw(db); var ps = c.prepareStatement(
                        "SELECT proposed_by, reviewed_by FROM decisions WHERE id = ?")) {
                    ps.setLong(1, decision);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("anna");
                        assertThat(rs.getString(2)).isEqualTo("bernd");
                    }
                }
                try (Connection c = PostgresDatabases.raw(db); var ps = c.prepareStatement(
                        "SELECT count(*) FROM access_log WHERE case_ref = 'AZ-PG-1' AND user_name = 'anna'")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).isPositive();
                    }
                }
            }
        } finally {
            PostgresDatabases.drop(db);
        }
    }

    /**
     * With a ledger home set, the server seals every write of its PostgreSQL store: verify reports the ledger; a
     * pending merge's payload edited in the database (as its owner, trigger-free) is named by verify, and the
     * approval is refused (by the ledger before anything is written, and by the journal's proposal besides).
     */
    @Test
    void theLedgerSealsAPostgresqlBackedServer() throws Exception {
        PostgresDatabases.requireServer();
        String db = PostgresDatabases.copyOf(TestWorkspaces.postgresTemplate());
        System.setProperty(de.grw.ledger.Ledger.HOME_PROPERTY, dir.resolve("ledger-home").toString());
        try {
            PostgresStore.Config pg = PostgresDatabases.config(db);
            try (TestServer s = TestServer.startPostgres(dir, pg.url(), pg.user(), pg.password(), pg.schema())) {
                String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
                String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
                Response queue = s.get("/api/v1/queue?limit=1&status=OPEN", anna);
                long cluster = queue.json().path("entries").get(0).path("clusterId").asLong();
                JsonNode view = s.get("/api/v1/clusters/" + cluster, anna, "X-Case-Reference", "AZ-PG-2").json();
                List<Long> members = new ArrayList<>();
                view.path("cluster").path("members").forEach(m -> members.add(m.path("id").asLong()));
                Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", anna, Map.of(
                        "command", Map.of("decision", "MERGE", "members", members, "choices", Map.of()),
                        "comment", "gleiche Person", "caseRef", "AZ-PG-2"));
                assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
                long decision = proposed.json().path("id").asLong();

                Response verified = s.get("/api/v1/journal/verification", bernd);
                assertThat(verified.json().path("ok").asBoolean()).as(verified.toString()).isTrue();
                assertThat(verified.json().path("ledger").asText()).contains("signed by key", "the store matches");

                try (Connection c = PostgresDatabases.raw(db); var st = c.createStatement()) {
                    st.execute("UPDATE decisions SET payload_json = '{\"choices\":{},\"members\":["
                            + members.get(0) + "]}' WHERE id = " + decision);
                }
                Response caught = s.get("/api/v1/journal/verification", bernd);
                assertThat(caught.json().path("ok").asBoolean()).as(caught.toString()).isFalse();
                assertThat(caught.json().path("problem").asText()).contains("table decisions differs",
                        "decisions row [id=" + decision + "] changed");

                Response approval = s.post("/api/v1/decisions/" + decision + "/approval", bernd,
                        Map.of("comment", "geprüft"));
                assertThat(approval.status()).as(approval.toString()).isNotEqualTo(200);
                assertThat(approval.body()).contains("ledger", "table decisions differs");
                try (Connection c = PostgresDatabases.raw(db); var ps = c.prepareStatement(
                        "SELECT state FROM decisions WHERE id = ?")) {
                    ps.setLong(1, decision);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("PENDING");
                    }
                }
            }
        } finally {
            System.clearProperty(de.grw.ledger.Ledger.HOME_PROPERTY);
            PostgresDatabases.drop(db);
        }
    }
}
