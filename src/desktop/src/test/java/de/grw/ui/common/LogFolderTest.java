package de.grw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: the desktop's log is created readable by its owner only, and an older, readable one is narrowed. */
class LogFolderTest {
    @TempDir
    Path dir;

    @Test
    void theProfileTheLogFolderAndTheLogAreOwnerOnly() throws Exception {
        Path logs = dir.resolve("profile").resolve("logs");
        LogFolder.prepare(logs);
        assertThat(Files.getPosixFilePermissions(dir.resolve("profile"))).isEqualTo(LogFolder.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(logs)).isEqualTo(LogFolder.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(logs.resolve("workbench.log"))).isEqualTo(LogFolder.FILE);
    }

    @Test
    void aLogFolderReadableByOthersIsNarrowed() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(logs.resolve("workbench-2026-12-01.0.log"), "anna sah Gruppe 18");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        LogFolder.prepare(logs);
        assertThat(Files.getPosixFilePermissions(logs)).isEqualTo(LogFolder.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(old)).isEqualTo(LogFolder.FILE);
        assertThat(Files.readString(old)).isEqualTo("anna sah Gruppe 18");
    }
}
