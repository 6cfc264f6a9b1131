package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 against the server: an administrator alone does not get through four eyes with forged requests (two
 * reviewing accounts for one person, a look-alike name, a reset password used to approve), and the lock after
 * failed sign-ins outlives a restart of the server (it is kept in the store, not in the server's memory).
 */
class ServerAccountsAttackTest extends ServerPerTest {
    private Response addAccount(String admin, String name, String role, String person) {
        return s.post("/api/v1/users", admin, Map.of("name", name, "role", role, "person", person, "password",
                "Erstes-Kennwort-42"));
    }

    @Test
    void anAdministratorCannotMakeOnePersonClerkAndSupervisorNorALookAlike() {
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        assertThat(addAccount(admin, "eva.clerk", "clerk", "P-4711").status()).isEqualTo(201);
        Response second = addAccount(admin, "eva.super", "supervisor", "P 4711");
        assertThat(second.status()).as(second.toString()).isBetween(400, 499);
        assertThat(second.key()).isEqualTo("users.person_has_account");
        Response own = addAccount(admin, "admin.pruef", "supervisor", TestWorkspaces.ADMIN);
        assertThat(own.key()).isEqualTo("users.person_admin_reviewer");
        Response like = addAccount(admin, "Anna.", "clerk", "P-1");
        assertThat(like.key()).isEqualTo("users.look_alike");
        assertThat(s.get("/api/v1/users", admin).body()).doesNotContain("eva.super", "admin.pruef", "Anna.");
    }

    @Test
    void aPersonWrittenAnotherWayIsStillThePerson() {
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        assertThat(addAccount(admin, "eva.clerk", "clerk", "P-4711").status()).isEqualTo(201);
        // dashes that look like a hyphen, invisible characters, other separators, a Cyrillic letter
        List<String> others = List.of("P\u20104711", "P\u20134711", "P\u22124711", "P-4711\u200B", "P\u00AD-4711",
                "P\u2060-4711", "P.4711", "P/4711", "P:4711", "\u0420-4711", "\u03A1-4711", "P-4711\u200E");
        List<String> admitted = new java.util.ArrayList<>();
        int n = 0;
        for (String person : others) {
            // names apart from each other (no look-alike letters such as i and l)
            Response r = addAccount(admin, "eva.super" + "abcdefghjkmnpqtuwxyz".charAt(n++), "supervisor", person);
            if (r.status() < 400 || !List.of("users.person_has_account", "users.bad_person").contains(r.key())) {
                admitted.add(person.codePoints().mapToObj(cp -> cp < 128 ? Character.toString(cp)
                        : String.format("U+%04X", cp)).reduce("", String::concat) + " -> " + r);
            }
        }
        assertThat(admitted).as("second reviewing accounts of P-4711").isEmpty();
        // a disabled first account still counts: disabling it and adding another is no way round
        assertThat(s.call("PUT", "/api/v1/users/eva.clerk/disabled", admin, Map.of("disabled", true)).status())
                .isEqualTo(204);
        assertThat(addAccount(admin, "eva.zwei", "supervisor", "p 4711").key()).isEqualTo("users.person_has_account");
        // a person of other letters and digits is another person
        assertThat(addAccount(admin, "fritz.super", "supervisor", "P-4712").status()).isEqualTo(201);
    }

    @Test
    void twoAccountsStoredForOnePersonWrittenTwoWaysCannotApproveEachOthersMerges() throws Exception {
        // as a workspace from before the person key has them, or as an edit of the store gives them
        try (java.sql.Connection c = s.sql(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET person = 'p\u20104711' WHERE name = '" + TestWorkspaces.SUPERVISOR + "'");
            st.executeUpdate("UPDATE users SET person = 'p.4711' WHERE name = '" + TestWorkspaces.SUPERVISOR2 + "'");
        }
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        String carla = s.token(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD);
        long cluster = s.get("/api/v1/queue?status=OPEN&limit=1", bernd).json().path("entries").get(0)
                .path("clusterId").asLong();
        List<Long> members = new java.util.ArrayList<>();
        s.get("/api/v1/clusters/" + cluster + "/members", bernd).json().forEach(m -> members.add(m.asLong()));
        Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", bernd, Map.of("command",
                Map.of("decision", "MERGE", "members", members), "comment", "gleiche Person", "caseRef", "AZ-X"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        Response approval = s.post("/api/v1/decisions/" + proposed.json().path("id").asLong() + "/approval", carla,
                Map.of("comment", "ok"));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(403);
        assertThat(approval.key()).isEqualTo("review.four_eyes_person");
    }

    @Test
    void aPasswordResetByTheAdministratorCannotBeUsedToApprove() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        long cluster = s.get("/api/v1/queue?status=OPEN&limit=1", anna).json().path("entries").get(0)
                .path("clusterId").asLong();
        List<Long> members = new java.util.ArrayList<>();
        s.get("/api/v1/clusters/" + cluster, anna, "X-Case-Reference", "AZ-X").json().path("cluster")
                .path("members").forEach(m -> members.add(m.path("id").asLong()));
        Response proposed = s.post("/api/v1/clusters/" + cluster + "/decisions", anna, Map.of("command",
                Map.of("decision", "MERGE", "members", members), "comment", "gleiche Person", "caseRef", "AZ-X"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long decision = proposed.json().path("id").asLong();

        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        assertThat(s.call("PUT", "/api/v1/users/" + TestWorkspaces.SUPERVISOR + "/password", admin,
                Map.of("password", "Zurueckgesetzt-99")).status()).isEqualTo(204);
        String asBernd = s.token(TestWorkspaces.SUPERVISOR, "Zurueckgesetzt-99");
        Response approval = s.post("/api/v1/decisions/" + decision + "/approval", asBernd, Map.of("comment", "ok"));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(403);
        assertThat(approval.key()).isEqualTo("users.must_change");
        String carla = s.token(TestWorkspaces.SUPERVISOR2, TestWorkspaces.SUPERVISOR2_PASSWORD);
        assertThat(s.post("/api/v1/decisions/" + decision + "/approval", carla, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theLockAfterFailedSignInsOutlivesARestartAndTheFailuresAreInTheAccessLog() {
        for (int i = 0; i < 5; i++) {
            assertThat(s.signIn(TestWorkspaces.CLERK, "falsch-" + i + "-Passwort").status()).isEqualTo(401);
        }
        s.close();
        s = TestServer.startWith(dir, s.workspaceFile); // a new server: its own limit starts empty
        Response locked = s.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(401);
        assertThat(locked.key()).isEqualTo("users.locked");
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        Response log = s.get("/api/v1/access-log?user=" + TestWorkspaces.CLERK + "&limit=0", bernd);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("SIGN_IN_FAILED", "locked until");
        s.clock.advance(Duration.ofMinutes(1));
        assertThat(s.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aRoleChangeThroughTheServerKeepsThePersonRulesAndTheListShowsALock() {
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        assertThat(addAccount(admin, "eva.api", "api", "P-4711").status()).isEqualTo(201);
        assertThat(addAccount(admin, "eva.clerk", "clerk", "P-4711").status()).isEqualTo(201);
        // the API account of the same person may not become her second reviewing account
        Response second = s.call("PUT", "/api/v1/users/eva.api/role", admin, Map.of("role", "supervisor"));
        assertThat(second.status()).as(second.toString()).isBetween(400, 499);
        assertThat(second.key()).isEqualTo("users.person_has_account");
        Response own = s.call("PUT", "/api/v1/users/" + TestWorkspaces.ADMIN + "/role", admin,
                Map.of("role", "clerk"));
        assertThat(own.key()).isEqualTo("users.role_self");
        Response byClerk = s.call("PUT", "/api/v1/users/eva.api/role", anna, Map.of("role", "administrator"));
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(s.call("PUT", "/api/v1/users/eva.api/role", admin, Map.of()).status()).isEqualTo(400);
        assertThat(s.call("PUT", "/api/v1/users/eva.clerk/role", admin, Map.of("role", "supervisor")).status())
                .isEqualTo(204);
        com.fasterxml.jackson.databind.JsonNode list = s.get("/api/v1/users", admin).json();
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new java.util.HashMap<>();
        list.forEach(a -> byName.put(a.path("name").asText(), a));
        assertThat(byName.get("eva.api").path("role").asText()).isEqualTo("API");
        assertThat(byName.get("eva.clerk").path("role").asText()).isEqualTo("SUPERVISOR");

        for (int i = 0; i < 5; i++) {
            s.signIn("eva.clerk", "falsch-" + i + "-Passwort");
        }
        list = s.get("/api/v1/users", admin).json();
        list.forEach(a -> byName.put(a.path("name").asText(), a));
        assertThat(byName.get("eva.clerk").path("lockedUntil").asText()).isNotBlank();
        assertThat(byName.get("eva.api").path("lockedUntil").isNull()).isTrue();
        s.clock.advance(Duration.ofMinutes(1));
        list = s.get("/api/v1/users", admin).json();
        list.forEach(a -> byName.put(a.path("name").asText(), a));
        assertThat(byName.get("eva.clerk").path("lockedUntil").isNull()).as("the lock is over").isTrue();
    }
}
