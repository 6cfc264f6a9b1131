package de.grw.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.rights.AccessDeniedException;
import de.grw.store.Workspace;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in lock is kept in the workspace: another process opening the same file sees it, and it runs out. */
class SignInLockAcrossProcessesTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void aLockSetInOneProcessHoldsInAnotherAndEndsAfterItsTime() {
        Path file = TestWorkspaces.copyTo(dir);
        try (Workspace first = Workspace.open(file, Clock.systemUTC())) {
            UserService users = new UserService(first);
            for (int i = 0; i < SignInLock.FREE_FAILURES; i++) {
                assertThatThrownBy(() -> users.login("anna", "Falsch-geraten-1".toCharArray()))
                        .hasMessageContaining("unknown user or wrong password");
            }
        }
        try (Workspace second = Workspace.open(file, Clock.systemUTC())) {
            assertThatThrownBy(() -> new UserService(second).login("anna",
                    TestWorkspaces.CLERK_PASSWORD.toCharArray())).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("locked");
        }
        Clock later = Clock.offset(Clock.systemUTC(), SignInLock.FIRST.plus(Duration.ofSeconds(1)));
        try (Workspace third = Workspace.open(file, later)) {
            assertThat(new UserService(third).login("anna", TestWorkspaces.CLERK_PASSWORD.toCharArray()).user())
                    .isEqualTo("anna");
        }
    }

    @Test
    void theLockDoublesWithEveryFurtherFailureUpToAnHour() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T10:00:00Z");
        assertThat(SignInLock.lockAfter(4, now)).isNull();
        assertThat(SignInLock.lockAfter(5, now)).isEqualTo(now.plusSeconds(30));
        assertThat(SignInLock.lockAfter(6, now)).isEqualTo(now.plusSeconds(60));
        assertThat(SignInLock.lockAfter(9, now)).isEqualTo(now.plusSeconds(480));
        assertThat(SignInLock.lockAfter(40, now)).isEqualTo(now.plus(Duration.ofHours(1)));
    }
}
