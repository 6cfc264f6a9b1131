package de.grw.ui.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The desktop's log folder ({@code ~/.golden-record-workbench/logs}), prepared before anything logs: the profile
 * folder and the log folder readable by their owner only ({@code rwx------}), the log files in it {@code rw-------}
 * (a log names accounts, case references and record ids). A file the logger creates later by rolling over lies in
 * that folder, which nobody else may enter. Where the file system has no POSIX permissions (Windows), the profile's
 * own access rules apply and nothing is changed.
 */
public final class LogFolder {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private LogFolder() {
    }

    /**
     * Creates the folder (and the profile folder above it) owner-only, narrows an existing one and its log files,
     * and creates {@code workbench.log} owner-only if it is missing. Logging must not stop the start: a failure is
     * returned for the launcher to print, not thrown.
     *
     * @return {@code null}, or why the folder could not be made private
     */
    public static String prepare(Path logs) {
        try {
            Path absolute = logs.toAbsolutePath();
            if (!absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(absolute);
                return null;
            }
            Path profile = absolute.getParent();
            if (profile != null && !Files.exists(profile)) {
                Files.createDirectories(profile, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(profile, DIRECTORY);
            }
            if (!Files.exists(absolute)) {
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(absolute, DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(absolute, "*.log")) {
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        Files.setPosixFilePermissions(f, FILE);
                    }
                }
            }
            Path log = absolute.resolve("workbench.log");
            if (!Files.exists(log)) {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(log, FILE);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "grw: the log folder " + logs + " could not be made private: " + e.getMessage();
        }
        return null;
    }
}
