package de.grw.api;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file handed to an import: its name and a way to read its bytes, as often as the import needs (the guard against
 * importing twice hashes them before they are read as records). The name is a plain file name, never a path: it
 * names the source by default and the file in messages. A workspace server receives the bytes; a local workspace
 * reads a file of this machine in place ({@link #localFile()}) instead of copying it.
 */
public final class Upload {
    /** Opens the bytes anew; each stream is read once and closed by the reader. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final String name;
    private final Content content;
    private final Path localFile;

    private Upload(String name, Content content, Path localFile) {
        this.name = checkName(name);
        this.content = Objects.requireNonNull(content, "content");
        this.localFile = localFile;
    }

    /** A file of this machine, read in place by a local workspace. */
    public static Upload of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            throw new UserFacingException(Text.of("file.not_found", file));
        }
        return new Upload(name.toString(), () -> Files.newInputStream(file), file);
    }

    /** Bytes in memory under a file name. */
    public static Upload of(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Upload(name, () -> new ByteArrayInputStream(copy), null);
    }

    /** Bytes from a stream that can be opened again, under a file name. */
    public static Upload of(String name, Content content) {
        return new Upload(name, content, null);
    }

    /** The file name, e.g. {@code melderegister.csv}. */
    public String name() {
        return name;
    }

    /** A new stream over the bytes. */
    public InputStream open() throws IOException {
        return content.open();
    }

    /** The file itself, when the bytes are a file of this machine. */
    public Optional<Path> localFile() {
        return Optional.ofNullable(localFile);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
            throw new UserFacingException(Text.of("upload.bad_name", String.valueOf(name)));
        }
        return name;
    }

    @Override
    public String toString() {
        return "Upload[" + name + (localFile == null ? "" : ", " + localFile) + "]";
    }
}
