package de.grw.store;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders of a store, created readable by their owner only: {@code rw-------} for files,
 * {@code rwx------} for folders, where the file system has POSIX permissions (elsewhere, such as on Windows, the
 * folder's access rules apply). SQLite creates its {@code -wal} and {@code -shm} files with the database file's
 * permissions, so they follow. Existing files and folders are left as they are; a workspace readable by others is
 * reported in the log when it is opened.
 */
public final class OwnerOnly {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OwnerOnly.class);
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private OwnerOnly() {
    }

    /** Whether the file system of a path keeps POSIX permissions. */
    public static boolean supported(Path path) {
        FileSystem fs = path.getFileSystem();
        return fs.supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folders up to {@code dir} that do not exist yet, each owner-only. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        if (supported(absolute)) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(absolute, DIRECTORY); // whatever the umask
        } else {
            Files.createDirectory(absolute);
        }
    }

    /** Creates a new, empty file owner-only (and its missing folders); fails if it exists. */
    public static void createFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        if (supported(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(file, FILE);
        } else {
            Files.createFile(file);
        }
    }

    /** Logs a warning when a store file may be read or written by others than its owner. */
    static void warnIfShared(Path file) {
        try {
            if (supported(file)) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.stream().anyMatch(OTHERS::contains)) {
                    LOG.warn("workspace {} can be read or written by others than its owner ({}); chmod 600 keeps "
                            + "the personal data in it to its owner", file, PosixFilePermissions.toString(p));
                }
            }
        } catch (IOException e) {
            LOG.debug("permissions of {} not readable", file, e);
        }
    }
}
