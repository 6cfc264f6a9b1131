package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in against a real LDAP server: UnboundID's in-memory directory server, started by the test on a free port of
 * this machine, with people, groups (groupOfNames) and a service account. Both ways to find a user are tested: a DN
 * pattern, and a search with the service account.
 */
class DirectorySignInTest {
    private static final String BASE = "dc=musterstadt,dc=example";
    private static final String PEOPLE = "ou=people," + BASE;
    private static final String GROUPS = "ou=groups," + BASE;
    private static final String CLERKS = "cn=grw-sachbearbeitung," + GROUPS;
    private static final String SUPERVISORS = "cn=grw-vorgesetzte," + GROUPS;
    private static final String SERVICE = "cn=grw-dienst,ou=services," + BASE;

    @TempDir
    Path dir;
    InMemoryDirectoryServer ldap;
    TestServer s;

    @BeforeEach
    void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getLoopbackAddress(),
                0, null));
        config.setEnforceSingleStructuralObjectClass(false);
        ldap = new InMemoryDirectoryServer(config);
        ldap.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: musterstadt");
        for (String ou : List.of("people", "groups", "services")) {
            ldap.add("dn: ou=" + ou + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + ou);
        }
        person("lena", "Lena Krüger", "Verzeichnis-Lena1");
        person("tom", "Tom Wagner", "Verzeichnis-Tom22");
        person("ute", "Ute Schulz", "Verzeichnis-Ute333");
        ldap.add("dn: " + SERVICE, "objectClass: top", "objectClass: person", "cn: grw-dienst", "sn: Dienst",
                "userPassword: Dienstkonto-2026");
        ldap.add("dn: " + CLERKS, "objectClass: top", "objectClass: groupOfNames", "cn: grw-sachbearbeitung",
                "member: uid=lena," + PEOPLE, "member: uid=tom," + PEOPLE);
        ldap.add("dn: " + SUPERVISORS, "objectClass: top", "objectClass: groupOfNames", "cn: grw-vorgesetzte",
                "member: uid=tom," + PEOPLE);
        ldap.add("dn: cn=kantine," + GROUPS, "objectClass: top", "objectClass: groupOfNames", "cn: kantine",
                "member: uid=ute," + PEOPLE);
        ldap.startListening();
    }

    private void person(String uid, String cn, String password) throws Exception {
        ldap.add("dn: uid=" + uid + "," + PEOPLE, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn,
                "sn: " + cn.substring(cn.indexOf(' ') + 1), "userPassword: " + password);
    }

    private String url() {
        return "ldap://127.0.0.1:" + ldap.getListenPort();
    }

    private void startServer(boolean search) {
        List<String> conf = new ArrayList<>(List.of("ldap.url = " + url(),
                "ldap.groupSearchBase = " + GROUPS,
                "ldap.group.clerk = " + CLERKS,
                "ldap.group.supervisor = " + SUPERVISORS.toUpperCase(java.util.Locale.ROOT), // DNs compare normalised
                "ldap.timeout = 2s"));
        if (search) {
            conf.add("ldap.userSearchBase = " + PEOPLE);
            conf.add("ldap.userSearchFilter = (&(objectClass=inetOrgPerson)(uid={user}))");
            conf.add("ldap.bindDn = " + SERVICE);
            conf.add("ldap.bindPassword = Dienstkonto-2026");
        } else {
            conf.add("ldap.userDnPattern = uid={user}," + PEOPLE);
        }
        s = TestServer.start(dir, conf.toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        if (s != null) {
            s.close();
        }
        ldap.shutDown(true);
    }

    @Test
    void aDirectoryUserSignsInWithTheMappedRoleAndIsProvisionedOnce() throws Exception {
        startServer(false);
        Response r = s.signIn("lena", "Verzeichnis-Lena1");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("role").asText()).isEqualTo("CLERK");
        assertThat(r.json().path("directory").asBoolean()).isTrue();
        String token = r.json().path("token").asText();
        assertThat(s.get("/api/v1/queue?limit=1", token).status()).isEqualTo(200);
        assertThat(s.signIn("Lena", "Verzeichnis-Lena1").json().path("user").asText()).isEqualTo("lena");

        assertThat(journal("lena")).containsExactly(
                "user.created {\"directory\":\"" + url() + "\",\"name\":\"lena\",\"role\":\"CLERK\"}");
        assertThat(verified(token)).isTrue();
    }

    @Test
    void aWrongOrEmptyPasswordOrAnUnknownUserIsRefusedWithOneMessage() throws Exception {
        startServer(false);
        for (String[] attempt : new String[][] {{"lena", "falsch-falsch-1"}, {"lena", ""}, {"niemand", "egal-egal-1"},
            {"uid=lena,ou=people", "Verzeichnis-Lena1"}, {"*", "Verzeichnis-Lena1"}}) {
            Response r = s.signIn(attempt[0], attempt[1]);
            assertThat(r.status()).as(String.join("/", attempt)).isEqualTo(401);
            assertThat(r.key()).isEqualTo("users.wrong_login");
        }
        assertThat(journal("lena")).isEmpty();
    }

    @Test
    void aDirectoryUserWithoutAMappedGroupIsRefused() throws Exception {
        startServer(false);
        Response r = s.signIn("ute", "Verzeichnis-Ute333");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.key()).isEqualTo("server.no_role");
        assertThat(journal("ute")).isEmpty();
    }

    @Test
    void aSupervisorGroupGivesSupervisorAndLeavingItTakesTheRoleAtTheNextSignIn() throws Exception {
        startServer(true); // by search with the service account
        Response first = s.signIn("tom", "Verzeichnis-Tom22");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("role").asText()).isEqualTo("SUPERVISOR");
        String supervisorToken = first.json().path("token").asText();
        assertThat(s.get("/api/v1/approvals", supervisorToken).status()).isEqualTo(200);

        ldap.modify(SUPERVISORS, new Modification(ModificationType.DELETE, "member", "uid=tom," + PEOPLE));
        Response next = s.signIn("tom", "Verzeichnis-Tom22");
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("role").asText()).isEqualTo("CLERK");
        // the session signed in as a supervisor has ended with the role
        Response old = s.get("/api/v1/approvals", supervisorToken);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.key()).isEqualTo("server.session_ended");
        assertThat(journal("tom")).containsExactly(
                "user.created {\"directory\":\"" + url() + "\",\"name\":\"tom\",\"role\":\"SUPERVISOR\"}",
                "user.role_changed {\"directory\":\"" + url() + "\",\"name\":\"tom\",\"previous\":\"SUPERVISOR\","
                        + "\"role\":\"CLERK\"}");

        // out of every mapped group: refused, and the clerk session ends too
        String clerkToken = next.json().path("token").asText();
        ldap.modify(CLERKS, new Modification(ModificationType.DELETE, "member", "uid=tom," + PEOPLE));
        assertThat(s.signIn("tom", "Verzeichnis-Tom22").key()).isEqualTo("server.no_role");
        assertThat(s.get("/api/v1/queue", clerkToken).status()).isEqualTo(401);
    }

    @Test
    void theDirectoryDownIsAClearRefusalAndLocalAccountsStillSignIn() throws Exception {
        startServer(false);
        assertThat(s.signIn("lena", "Verzeichnis-Lena1").status()).isEqualTo(201);
        String url = url();
        ldap.shutDown(true);
        Response r = s.signIn("lena", "Verzeichnis-Lena1");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.key()).isEqualTo("server.directory_unavailable");
        assertThat(r.json().path("args").get(0).asText()).isEqualTo(url);
        assertThat(r.json().path("detail").asText()).contains("cannot be reached");
        // not counted as a failed sign-in: five outages do not lock lena out
        for (int i = 0; i < 5; i++) {
            assertThat(s.signIn("lena", "Verzeichnis-Lena1").status()).isEqualTo(503);
        }
        assertThat(s.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aLocalAccountIsNeverSignedInByTheDirectory() throws Exception {
        // the directory knows an "anna" too, with another password and a supervisor group
        person("anna", "Anna Fremd", "Verzeichnis-Anna1");
        ldap.modify(SUPERVISORS, new Modification(ModificationType.ADD, "member", "uid=anna," + PEOPLE));
        startServer(false);
        Response viaDirectory = s.signIn(TestWorkspaces.CLERK, "Verzeichnis-Anna1");
        assertThat(viaDirectory.status()).isEqualTo(401);
        Response local = s.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        assertThat(local.json().path("role").asText()).isEqualTo("CLERK");
        assertThat(local.json().path("directory").asBoolean()).isFalse();
    }

    private boolean verified(String token) {
        return s.get("/api/v1/journal/verification", token).json().path("ok").asBoolean();
    }

    private List<String> journal(String user) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = s.sql(); var ps = c.prepareStatement(
                "SELECT action, payload FROM journal WHERE user_name = ? ORDER BY seq")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }
}
