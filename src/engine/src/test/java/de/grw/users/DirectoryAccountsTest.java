package de.grw.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts of the office's directory (provisioned by a workspace server at sign-in), role changes by an
 * administrator, and the account state a server compares at every request.
 */
class DirectoryAccountsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String LDAP = "ldaps://dc1.musterstadt.example:636";

    @TempDir
    Path dir;

    private Workspace w;
    private UserService users;
    private Session admin;

    @BeforeEach
    void create() {
        w = WorkspaceSetup.create(dir.resolve("users.grw"), Clock.systemUTC(), "person-de");
        users = new UserService(w);
        admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
    }

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void aDirectoryAccountIsCreatedAtItsFirstSignInAndGetsTheMappedRoleLater() {
        Session first = users.provisionDirectoryAccount("anna", Role.SUPERVISOR, LDAP);
        assertThat(first.user()).isEqualTo("anna");
        assertThat(first.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(users.provisionDirectoryAccount("anna", Role.SUPERVISOR, LDAP).role()).isEqualTo(Role.SUPERVISOR);
        assertThat(users.provisionDirectoryAccount("anna", Role.CLERK, LDAP).role()).isEqualTo(Role.CLERK);

        List<JournalEntry> journal = journal();
        List<JournalEntry> anna = journal.stream().filter(e -> e.user().equals("anna")).toList();
        assertThat(anna).extracting(JournalEntry::action).containsExactly("user.created", "user.role_changed");
        assertThat(anna.get(0).payload()).isEqualTo(
                "{\"directory\":\"" + LDAP + "\",\"name\":\"anna\",\"role\":\"SUPERVISOR\"}");
        assertThat(anna.get(1).payload()).isEqualTo(
                "{\"directory\":\"" + LDAP + "\",\"name\":\"anna\",\"previous\":\"SUPERVISOR\",\"role\":\"CLERK\"}");
        assertThat(JournalVerifier.verify(journal.iterator()).ok()).isTrue();
        assertThat(users.list(admin)).extracting(UserService.UserInfo::name, UserService.UserInfo::role)
                .contains(org.assertj.core.groups.Tuple.tuple("anna", Role.CLERK));
    }

    @Test
    void aDirectoryAccountHasNoLocalPassword() {
        users.provisionDirectoryAccount("anna", Role.CLERK, LDAP);
        // not with an empty password, nor with anything else: the directory checks it, not the workspace
        for (String attempt : new String[] {"", "irgendein-Passwort", "\0"}) {
            assertThatThrownBy(() -> users.login("anna", attempt.toCharArray()))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("unknown user or wrong password");
        }
        assertThatThrownBy(() -> users.setPassword(admin, "anna", "Neues-Passwort-1".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("directory");
        assertThat(users.accountState("anna").orElseThrow().directory()).isTrue();
    }

    @Test
    void aLocalAccountIsNeverTakenOverByTheDirectoryAndADisabledOneStaysDisabled() {
        users.addUser(admin, "bernd", Role.CLERK, "Sachbearbeitung1".toCharArray());
        assertThatThrownBy(() -> users.provisionDirectoryAccount("bernd", Role.SUPERVISOR, LDAP))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.login("bernd", "Sachbearbeitung1".toCharArray()).role()).isEqualTo(Role.CLERK);

        users.provisionDirectoryAccount("carla", Role.CLERK, LDAP);
        users.setDisabled(admin, "carla", true);
        assertThatThrownBy(() -> users.provisionDirectoryAccount("carla", Role.CLERK, LDAP))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("disabled");
        assertThatThrownBy(() -> users.provisionDirectoryAccount("x", Role.CLERK, LDAP))
                .isInstanceOf(UserFacingException.class);
    }

    @Test
    void anAdministratorChangesRolesButNotTheirOwn() {
        users.addUser(admin, "bernd", Role.CLERK, "Sachbearbeitung1".toCharArray());
        Session bernd = users.login("bernd", "Sachbearbeitung1".toCharArray());
        assertThatThrownBy(() -> users.setRole(bernd, "bernd", Role.SUPERVISOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setRole(admin, "admin", Role.SUPERVISOR))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("own role");
        users.setRole(admin, "bernd", Role.SUPERVISOR);
        assertThat(users.login("bernd", "Sachbearbeitung1".toCharArray()).role()).isEqualTo(Role.SUPERVISOR);
        JournalEntry last = journal().get(journal().size() - 1);
        assertThat(last.action()).isEqualTo("user.role_changed");
        assertThat(last.user()).isEqualTo("admin");
        assertThat(last.payload()).isEqualTo("{\"name\":\"bernd\",\"previous\":\"CLERK\",\"role\":\"SUPERVISOR\"}");
    }

    @Test
    void theAccountStateChangesWithRoleDisablingAndPassword() {
        users.addUser(admin, "bernd", Role.CLERK, "Sachbearbeitung1".toCharArray());
        UserService.AccountState before = users.accountState("bernd").orElseThrow();
        assertThat(before.role()).isEqualTo(Role.CLERK);
        assertThat(before.disabled()).isFalse();
        assertThat(before.directory()).isFalse();
        assertThat(users.accountState("bernd")).contains(before);

        users.setPassword(admin, "bernd", "Sachbearbeitung1".toCharArray()); // the same password, a new salt
        UserService.AccountState newPassword = users.accountState("bernd").orElseThrow();
        assertThat(newPassword.credentials()).isNotEqualTo(before.credentials());
        users.setDisabled(admin, "bernd", true);
        assertThat(users.accountState("bernd").orElseThrow().disabled()).isTrue();
        assertThat(users.accountState("nobody")).isEmpty();
    }

    @Test
    void aDirectoryAccountBelongsToThePersonTheDirectoryNames() {
        Session anna = users.provisionDirectoryAccount("anna", Role.CLERK, LDAP,
                "uid=anna.meier,ou=People,dc=musterstadt,dc=example");
        assertThat(anna.person()).isEqualTo("directory:uid=anna.meier,ou=people,dc=musterstadt,dc=example");
        // the same person under a second directory name gets no second reviewing account
        assertThatThrownBy(() -> users.provisionDirectoryAccount("ameier", Role.SUPERVISOR, LDAP,
                "UID=anna.meier,OU=People,DC=musterstadt,DC=example"))
                .hasMessageContaining("second reviewing account of the person who has anna");
        // a local account cannot claim a directory person
        assertThatThrownBy(() -> users.addUser(admin, "anna2", Role.SUPERVISOR,
                "directory:uid=anna.meier,ou=People,dc=musterstadt,dc=example", "Erstes-Kennwort-42".toCharArray()))
                .hasMessageContaining("personnel number");
        assertThat(users.list(admin)).filteredOn(u -> u.name().equals("anna")).extracting(UserService.UserInfo::person)
                .containsExactly("directory:uid=anna.meier,ou=people,dc=musterstadt,dc=example");
    }

    private List<JournalEntry> journal() {
        return w.read(Journal::all);
    }
}
