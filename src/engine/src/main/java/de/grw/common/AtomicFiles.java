package de.grw.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Writes a file completely to a temporary sibling, then moves it into place, so readers never see half a file; and
 * durably: the file's content is forced to the disk before the move, and the directory after it, so that after a
 * power cut the name points either at the old content or at the whole new one.
 */
public final class AtomicFiles {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private AtomicFiles() {
    }

    /** Body of a write, allowed to throw {@link IOException}. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            writeDurably(temp, body);
            move(temp, absolute);
            if (dir != null) {
                syncDirectory(dir);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes a new file (or replaces the content of an existing one) and forces its content to the disk before
     * returning; not atomic by itself (see {@link #write} and {@link AtomicDirectory}). A new file is readable by its
     * owner only (where the file system has POSIX permissions).
     */
    public static void writeDurably(Path file, Writer body) throws IOException {
        if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // readable by its owner only, as the temporary files of write() are: exports hold personal data
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            body.write(out);
            out.flush();
            channel.force(true);
        }
    }

    /** Moves atomically where the file system can, replacing the target. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a file's content (written by others) to the disk. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (names created, renamed or deleted in it) to the disk. On Windows a directory
     * cannot be opened for this; NTFS journals its metadata, so there is nothing to do.
     */
    public static void syncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
