package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.access.AccessLog;
import de.grw.common.UserFacingException;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14, accounts tied to persons: an administrator alone does not get through four eyes with ordinary commands
 * (a clerk and a supervisor account for one person, an own reviewing account, a reset password), look-alike names
 * are refused, and sign-in locks after repeated failures and records them.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class AccountsOfPersonsTest {
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture f;
    private Workspace w;
    private ReviewService review;
    private UserService users;

    @BeforeEach
    void open() {
        f = TestWorkspaces.open(store, dir);
        w = f.workspace();
        review = f.review();
        users = new UserService(w);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private DecisionView proposeMerge(Session by) {
        long cluster = review.queue(f.clerk(), null, 0).get(0).clusterId();
        return review.propose(by, cluster, new MergeCommand(TestWorkspaces.members(w, cluster), Map.of()),
                "dieselbe Person", "AZ-100");
    }

    @Test
    void anAdministratorCannotCreateAClerkAndASupervisorForOnePerson() {
        users.addUser(f.admin(), "eva.clerk", Role.CLERK, "P-4711", "Erstes-Kennwort-42".toCharArray());
        assertThatThrownBy(() -> users.addUser(f.admin(), "eva.super", Role.SUPERVISOR, "p 4711",
                "Erstes-Kennwort-42".toCharArray())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("second reviewing account of the person who has eva.clerk");
        // nor give an existing account of another person the role by a role change of a second one
        users.addUser(f.admin(), "eva.zwei", Role.API, "P-4711", "Erstes-Kennwort-42".toCharArray());
        assertThatThrownBy(() -> users.setRole(f.admin(), "eva.zwei", Role.SUPERVISOR))
                .hasMessageContaining("second reviewing account");
    }

    @Test
    void anAdministratorCannotGiveTheirOwnPersonAReviewingAccount() {
        // the administrator is their own person ("admin"); a supervisor account for that person is refused
        assertThatThrownBy(() -> users.addUser(f.admin(), "admin.pruef", Role.SUPERVISOR, "admin",
                "Erstes-Kennwort-42".toCharArray())).hasMessageContaining("whoever administers accounts");
        users.addUser(f.admin(), "zweitadmin", Role.ADMINISTRATOR, "P-1", "Erstes-Kennwort-42".toCharArray());
        assertThatThrownBy(() -> users.addUser(f.admin(), "zweit.clerk", Role.CLERK, "P-1",
                "Erstes-Kennwort-42".toCharArray())).hasMessageContaining("whoever administers accounts");
        // and the other way round: an administrator account for a person who reviews
        assertThatThrownBy(() -> users.addUser(f.admin(), "anna.admin", Role.ADMINISTRATOR, "anna",
                "Erstes-Kennwort-42".toCharArray())).hasMessageContaining("whoever administers accounts");
    }

    @Test
    void aPasswordSetByTheAdministratorIsOneTimeAndMayNeitherProposeNorApprove() {
        users.addUser(f.admin(), "emil", Role.CLERK, "P-2", "Erstes-Kennwort-42".toCharArray());
        Session emil = users.login("emil", "Erstes-Kennwort-42".toCharArray());
        assertThatThrownBy(() -> proposeMerge(emil)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("was set by someone else");
        assertThatThrownBy(() -> users.setPassword(emil, "emil", "Erstes-Kennwort-42".toCharArray()))
                .hasMessageContaining("must differ");
        users.setPassword(emil, "emil", "Eigenes-Kennwort-7".toCharArray());
        DecisionView merge = proposeMerge(emil);

        // the administrator resets the supervisor's password and tries to approve as them: refused
        users.setPassword(f.admin(), f.supervisor().user(), "Zurueckgesetzt-99".toCharArray());
        Session asSupervisor = users.login(f.supervisor().user(), "Zurueckgesetzt-99".toCharArray());
        assertThatThrownBy(() -> review.approve(asSupervisor, merge.id(), "passt"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("was set by someone else");
        assertThatThrownBy(() -> review.reject(asSupervisor, merge.id(), "nein"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("was set by someone else");
        assertThat(review.decision(f.supervisor2(), merge.id()).state()).isEqualTo(DecisionState.PENDING);
        assertThat(users.list(f.admin())).filteredOn(u -> u.name().equals(f.supervisor().user()))
                .extracting(UserService.UserInfo::mustChange).containsExactly(true);
    }

    @Test
    void fourEyesComparesPersonsNotAccountsEvenAfterAStoreEdit() {
        DecisionView merge = proposeMerge(f.clerk());
        // someone edits the store so that the supervisor's account belongs to the clerk's person
        w.write(c -> {
            c.createStatement().executeUpdate("UPDATE users SET person = 'anna' WHERE name = 'bernd'");
            return null;
        });
        Session bernd = users.login(f.supervisor().user(), TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
        assertThatThrownBy(() -> review.approve(bernd, merge.id(), "passt")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("belong to one person");
        assertThatThrownBy(() -> review.reject(bernd, merge.id(), "nein")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("belong to one person");
        assertThat(review.approve(f.supervisor2(), merge.id(), "geprüft").state()).isEqualTo(DecisionState.EFFECTIVE);
    }

    @Test
    void lookAlikeNamesAreRefused() {
        for (String like : List.of("Bernd", "bernd.", " bernd ", "ｂｅｒｎｄ", "bemd", "bernd_", "BERND..")) {
            assertThatThrownBy(() -> users.addUser(f.admin(), like, Role.CLERK, "P-" + like.hashCode(),
                    "Erstes-Kennwort-42".toCharArray())).as(like).isInstanceOf(UserFacingException.class)
                    .hasMessageMatching(".*(looks like the existing account bernd|exists already).*");
        }
        users.addUser(f.admin(), "anna.lena", Role.CLERK, "P-3", "Erstes-Kennwort-42".toCharArray());
        assertThatThrownBy(() -> users.addUser(f.admin(), "anna_1ena", Role.CLERK, "P-4",
                "Erstes-Kennwort-42".toCharArray())).hasMessageContaining("looks like the existing account anna.lena");
        // a sign-in with another case finds the account
        assertThat(users.login("Bernd", TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray()).user()).isEqualTo("bernd");
    }

    @Test
    void weakPasswordsAreRefused() {
        for (String weak : List.of("1234567890", "0987654321", "qwertzuiop", "passwort2026!", "Hallo12345",
                "1212121212", "abcdefghijk", "Schalke04!!")) {
            assertThatThrownBy(() -> users.addUser(f.admin(), "gerd", Role.CLERK, "P-5", weak.toCharArray()))
                    .as(weak).isInstanceOf(UserFacingException.class).hasMessageContaining("password");
        }
        assertThatThrownBy(() -> users.addUser(f.admin(), "gerda", Role.CLERK, "P-5",
                "Gerda-im-Amt-7".toCharArray())).hasMessageContaining("must not contain the account name");
        users.addUser(f.admin(), "gerd", Role.CLERK, "P-5", "Wiesenweg-Amt-71".toCharArray());
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndEachFailureIsInTheAccessLog() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> users.login("anna", "Falsch-geraten-1".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> users.login("anna", TestWorkspaces.CLERK_PASSWORD.toCharArray()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("locked");
        List<AccessLog.Entry> failed = w.read(c -> AccessLog.byUser(c, "anna")).stream()
                .filter(e -> e.action().equals(UserService.SIGN_IN_FAILED)).toList();
        assertThat(failed).hasSize(11);
        assertThat(failed).anySatisfy(e -> assertThat(e.detail()).contains("failure 5 in a row", "locked until"));
        // unknown names are recorded too (without telling whether they exist)
        assertThatThrownBy(() -> users.login("niemand", "Falsch-geraten-1".toCharArray()))
                .hasMessageContaining("unknown user or wrong password");
        List<AccessLog.Entry> unknown = w.read(c -> AccessLog.byUser(c, "niemand"));
        assertThat(unknown).extracting(AccessLog.Entry::action)
                .containsExactly(UserService.SIGN_IN_FAILED);
        // when the lock has run out (here: set back in the store) the right password signs in and clears the count
        w.write(c -> c.createStatement().executeUpdate(
                "UPDATE users SET locked_until = '2000-01-01T00:00:00Z' WHERE name = 'anna'"));
        assertThat(users.login("anna", TestWorkspaces.CLERK_PASSWORD.toCharArray()).user()).isEqualTo("anna");
        assertThat(TestWorkspaces.rows(w, "SELECT failed_sign_ins, locked_until FROM users WHERE name = 'anna'"))
                .containsExactly(java.util.Arrays.asList(0, null));
    }

    @Test
    void aSessionCannotBeMadeUpOutsideTheSignIn() {
        assertThat(Session.class.getConstructors()).isEmpty();
        assertThatThrownBy(() -> Session.issue("eve", Role.SUPERVISOR, "eve")).isInstanceOf(SecurityException.class);
    }
}
