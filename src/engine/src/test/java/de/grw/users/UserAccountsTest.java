package de.grw.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.common.UserFacingException;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.workspace.TestWorkspaces;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Local accounts: the first administrator, log-in, disabled accounts and salted PBKDF2 hashes. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class UserAccountsTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String SHARED_PASSWORD = "Gleiches-Passwort-7";

    @TempDir
    Path dir;

    private TestStore at;
    private Workspace w;
    private UserService users;

    @BeforeEach
    void create() {
        at = TestStore.of(store, dir);
        w = at.create("person-de");
        users = new UserService(w);
    }

    @AfterEach
    void close() {
        try {
            w.close();
        } finally {
            at.close();
        }
    }

    @Test
    void theFirstStartCreatesTheAdministratorOnlyOnce() {
        assertThat(users.hasUsers()).isFalse();
        Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
        assertThat(admin.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(users.hasUsers()).isTrue();
        assertThatThrownBy(() -> users.createFirstAdministrator("eve", "Uebernahme-2026".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("has accounts already");
        assertThat(users.list(admin)).extracting(UserService.UserInfo::name).containsExactly("admin");
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        Session admin = TestWorkspaces.createWithUsers(w);
        Session clerk = users.login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
        Session supervisor = users.login(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
        for (Session s : List.of(clerk, supervisor)) {
            assertThatThrownBy(() -> users.addUser(s, "eve", Role.SUPERVISOR, "Uebernahme-2026".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("may not manage accounts");
            assertThatThrownBy(() -> users.setDisabled(s, TestWorkspaces.CLERK2, true))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.setPassword(s, TestWorkspaces.ADMIN, "Uebernahme-2026".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> users.setDisabled(admin, TestWorkspaces.ADMIN, true))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("your own account");
        // a user changes their own password
        users.setPassword(clerk, TestWorkspaces.CLERK, "Neues-Passwort-1".toCharArray());
        assertThat(users.login(TestWorkspaces.CLERK, "Neues-Passwort-1".toCharArray()).role()).isEqualTo(Role.CLERK);
        assertThatThrownBy(() -> users.login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDisabledUserCannotLogIn() {
        Session admin = TestWorkspaces.createWithUsers(w);
        assertThat(users.login(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray()).role())
                .isEqualTo(Role.CLERK);
        users.setDisabled(admin, TestWorkspaces.CLERK2, true);
        assertThatThrownBy(() -> users.login(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("disabled");
        assertThat(users.list(admin)).filteredOn(u -> u.name().equals(TestWorkspaces.CLERK2))
                .singleElement().extracting(UserService.UserInfo::disabled).isEqualTo(true);
        users.setDisabled(admin, TestWorkspaces.CLERK2, false);
        assertThat(users.login(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray()).user())
                .isEqualTo(TestWorkspaces.CLERK2);
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameMessage() {
        TestWorkspaces.createWithUsers(w);
        Throwable wrong = catchThrowable(() -> users.login(TestWorkspaces.CLERK, "Falsches-Passwort".toCharArray()));
        Throwable unknown = catchThrowable(() -> users.login("niemand", "Falsches-Passwort".toCharArray()));
        Throwable nothing = catchThrowable(() -> users.login(TestWorkspaces.CLERK, null));
        assertThat(wrong).isInstanceOf(AccessDeniedException.class);
        assertThat(unknown).isExactlyInstanceOf(wrong.getClass()).hasMessage(wrong.getMessage());
        assertThat(nothing).isExactlyInstanceOf(wrong.getClass()).hasMessage(wrong.getMessage());
        assertThat(wrong.getMessage()).doesNotContain(TestWorkspaces.CLERK);
    }

    private static Throwable catchThrowable(Runnable r) {
        return org.assertj.core.api.Assertions.catchThrowable(r::run);
    }

    @Test
    void passwordsAreStoredSaltedWithTheirIterationCount() throws Exception {
        Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
        users.addUser(admin, "erika", Role.CLERK, SHARED_PASSWORD.toCharArray());
        users.addUser(admin, "fritz", Role.CLERK, SHARED_PASSWORD.toCharArray());
        List<List<Object>> rows = TestWorkspaces.rows(w, "SELECT name, salt, hash, iterations FROM users WHERE name IN "
                + "('erika', 'fritz') ORDER BY name");
        assertThat(rows).hasSize(2);
        byte[] saltE = (byte[]) rows.get(0).get(1);
        byte[] saltF = (byte[]) rows.get(1).get(1);
        byte[] hashE = (byte[]) rows.get(0).get(2);
        byte[] hashF = (byte[]) rows.get(1).get(2);
        assertThat(saltE).hasSize(16).isNotEqualTo(saltF);
        assertThat(hashE).hasSize(32).isNotEqualTo(hashF);
        for (List<Object> row : rows) {
            assertThat(((Number) row.get(3)).intValue()).isEqualTo(PasswordHasher.ITERATIONS)
                    .isGreaterThanOrEqualTo(10_000);
        }
        // the stored hash is PBKDF2 over the salt with the recorded count, and nothing else
        assertThat(PasswordHasher.matches(SHARED_PASSWORD.toCharArray(), saltE, hashE, PasswordHasher.ITERATIONS))
                .isTrue();
        assertThat(PasswordHasher.matches(SHARED_PASSWORD.toCharArray(), saltE, hashE, PasswordHasher.ITERATIONS + 1))
                .isFalse();
        assertThat(PasswordHasher.matches(SHARED_PASSWORD.toCharArray(), saltF, hashE, PasswordHasher.ITERATIONS))
                .isFalse();
        // neither the password nor its hex form is anywhere in the store
        w.close();
        if (store == StoreKind.SQLITE) {
            byte[] bytes = Files.readAllBytes(dir.resolve("ws.grw"));
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(latin).doesNotContain(SHARED_PASSWORD);
        } else {
            try (var c = at.raw(); var s = c.createStatement(); var rs = s.executeQuery("SELECT string_agg(t::text, "
                    + "' ') FROM (SELECT name, role, encode(salt, 'escape'), encode(hash, 'escape') FROM users) t")) {
                rs.next();
                assertThat(rs.getString(1)).contains("erika").doesNotContain(SHARED_PASSWORD);
            }
        }
        w = at.open();
        users = new UserService(w);
        assertThat(users.login("erika", SHARED_PASSWORD.toCharArray()).role()).isEqualTo(Role.CLERK);
    }

    @Test
    void weakPasswordsAndBadNamesAreRefused() {
        assertThatThrownBy(() -> users.createFirstAdministrator("admin", "kurz".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> users.createFirstAdministrator("admin", "aaaaaaaaaaaa".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> users.createFirstAdministrator("a b", "Verwaltung-2026".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("user name");
        assertThat(users.hasUsers()).isFalse();
    }
}
