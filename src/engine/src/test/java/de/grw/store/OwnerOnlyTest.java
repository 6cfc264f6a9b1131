package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace file, its write-ahead log and shared-memory file, and the folders created for it are readable by
 * their owner only, whatever the umask; a folder that exists already is left as it is.
 */
class OwnerOnlyTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(OwnerOnly.supported(dir), "the file system has no POSIX permissions");
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewWorkspaceAndItsNewFoldersAreTheOwnersOnly() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("amt").resolve("2026").resolve("ws.grw");
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            Session admin = new UserService(w).createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            // while open, SQLite keeps its write-ahead log and shared memory beside the file
            assertThat(Files.exists(dir.resolve("amt/2026/ws.grw-wal"))).isTrue();
            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(permissions(dir.resolve("amt/2026/ws.grw-wal"))).isEqualTo("rw-------");
            assertThat(permissions(dir.resolve("amt/2026/ws.grw-shm"))).isEqualTo("rw-------");
        }
        assertThat(permissions(dir.resolve("amt"))).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("amt/2026"))).isEqualTo("rwx------");
        assertThat(permissions(dir)).as("an existing folder is left alone").isEqualTo("rwxr-xr-x");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void createFileMakesAnEmptyOwnerOnlyFileInOwnerOnlyFolders() throws IOException {
        Path file = dir.resolve("neu").resolve("ws.grw");
        OwnerOnly.createFile(file);
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        assertThat(Files.size(file)).isZero();
    }
}
