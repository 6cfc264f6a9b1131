package de.grw.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.rights.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's configuration file: the shipped example, defaults, and a clear refusal naming file and key. */
class ServerConfigTest {
    @TempDir
    Path dir;

    private ServerConfig read(String... lines) throws IOException {
        Path f = dir.resolve("server.conf");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return ServerConfig.read(f);
    }

    private void refused(String expected, String... lines) throws IOException {
        Path f = dir.resolve("server.conf");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ServerConfig.read(f)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(f + ": ").hasMessageContaining(expected);
    }

    @Test
    void theShippedExampleReadsWithItsDocumentedDefaults() {
        ServerConfig c = ServerConfig.read(Path.of("installer", "server.conf"));
        assertThat(c.address()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(8443);
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/grw"));
        assertThat(c.store()).isEqualTo(new ServerConfig.SqliteStore(Path.of("/var/lib/grw/workspace.grw"),
                "workspace"));
        assertThat(c.tls().keystore()).isNull();
        assertThat(c.tls().hostnames()).contains("localhost", "127.0.0.1");
        assertThat(c.sessions()).isEqualTo(new ServerConfig.Sessions(Duration.ofMinutes(30), Duration.ofHours(10)));
        assertThat(c.signIn()).isEqualTo(new ServerConfig.SignInLimits(5, 20, Duration.ofMinutes(15)));
        assertThat(c.localAccounts()).isTrue();
        assertThat(c.ldap()).isNull();
    }

    @Test
    void theExamplesCommentedDirectorySettingsAreValidWhenSwitchedOn() throws IOException {
        String example = Files.readString(Path.of("installer", "server.conf"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ldap.password"), "geheim-geheim\n", StandardCharsets.UTF_8);
        String on = example.replace("#ldap.url", "ldap.url").replace("#ldap.userSearchBase", "ldap.userSearchBase")
                .replace("#ldap.userSearchFilter", "ldap.userSearchFilter").replace("#ldap.bindDn", "ldap.bindDn")
                .replace("#ldap.bindPasswordFile = /etc/grw/ldap.password", "ldap.bindPasswordFile = ldap.password")
                .replace("#ldap.group.", "ldap.group.").replace("#workspace.name", "workspace.name");
        Path f = dir.resolve("server.conf");
        Files.writeString(f, on, StandardCharsets.UTF_8);
        ServerConfig c = ServerConfig.read(f);
        assertThat(c.ldap().url()).isEqualTo("ldaps://dc1.musterstadt.example:636");
        assertThat(c.ldap().userDnPattern()).isNull();
        assertThat(c.ldap().userSearchFilter()).isEqualTo("(&(objectClass=user)(sAMAccountName={user}))");
        assertThat(new String(c.ldap().bindPassword())).isEqualTo("geheim-geheim");
        assertThat(c.ldap().groups().get(Role.SUPERVISOR))
                .containsExactly("cn=grw-vorgesetzte,ou=groups,dc=musterstadt,dc=example");
        assertThat(c.ldap().toString()).doesNotContain("geheim");
        assertThat(((ServerConfig.SqliteStore) c.store()).name()).isEqualTo("Bürgeramt Musterstadt");
    }

    @Test
    void durationsPathsAndSeveralGroupsPerRole() throws IOException {
        ServerConfig c = read("store.sqlite.file = ws/office.grw", "session.idleTimeout = 45s",
                "session.lifetime = PT8H", "ldap.url = ldap://localhost:10389",
                "ldap.userDnPattern = uid={user},ou=people,dc=x", "ldap.group.clerk = CN=A,DC=X | cn=b, dc=x");
        assertThat(((ServerConfig.SqliteStore) c.store()).file()).isEqualTo(dir.resolve("ws/office.grw"));
        assertThat(((ServerConfig.SqliteStore) c.store()).name()).isEqualTo("office");
        assertThat(c.sessions()).isEqualTo(new ServerConfig.Sessions(Duration.ofSeconds(45), Duration.ofHours(8)));
        assertThat(c.ldap().groups().get(Role.CLERK)).isEqualTo(List.of("cn=a,dc=x", "cn=b,dc=x"));
    }

    @Test
    void mistakesAreNamedWithFileAndKey() throws IOException {
        refused("listen.prot: unknown setting", "listen.prot = 8443", "store.sqlite.file = a.grw");
        refused("store.sqlite.file: missing", "store = sqlite");
        refused("listen.port: 70000 is outside", "listen.port = 70000", "store.sqlite.file = a.grw");
        refused("session.idleTimeout: 'half an hour' is no duration", "session.idleTimeout = half an hour",
                "store.sqlite.file = a.grw");
        refused("session.idleTimeout: longer than session.lifetime", "session.idleTimeout = 11h",
                "store.sqlite.file = a.grw");
        refused("store: 'oracle' is none of", "store = oracle");
        refused("ldap.userDnPattern: set, but ldap.url is not", "store.sqlite.file = a.grw",
                "ldap.userDnPattern = uid={user},dc=x");
        refused("would send passwords unencrypted", "store.sqlite.file = a.grw", "ldap.url = ldap://dc1.example:389",
                "ldap.userDnPattern = uid={user},dc=x", "ldap.group.clerk = cn=a,dc=x");
        refused("holds no {user}", "store.sqlite.file = a.grw", "ldap.url = ldaps://dc1.example",
                "ldap.userDnPattern = uid=anna,dc=x", "ldap.group.clerk = cn=a,dc=x");
        refused("no group is mapped to a role", "store.sqlite.file = a.grw", "ldap.url = ldaps://dc1.example",
                "ldap.userDnPattern = uid={user},dc=x");
        refused("ldap.group.clerk: 'not a dn' is not a DN", "store.sqlite.file = a.grw",
                "ldap.url = ldaps://dc1.example", "ldap.userDnPattern = uid={user},dc=x",
                "ldap.group.clerk = not a dn");
        refused("nobody could sign in", "store.sqlite.file = a.grw", "accounts.local = false");
        refused("tls.keystore.password: missing", "store.sqlite.file = a.grw", "tls.keystore = server.p12");
        assertThatThrownBy(() -> ServerConfig.read(dir.resolve("missing.conf")))
                .hasMessage(dir.resolve("missing.conf") + ": no such configuration file");
    }
}
