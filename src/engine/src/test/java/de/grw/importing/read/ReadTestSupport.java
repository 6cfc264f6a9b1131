package de.grw.importing.read;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers shared by the reader tests. */
final class ReadTestSupport {
    private ReadTestSupport() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static CollectingSink read(Path file) {
        return read(file, ReadOptions.DEFAULTS);
    }

    static CollectingSink read(Path file, ReadOptions options) {
        CollectingSink sink = new CollectingSink();
        new TabularReader().read(file, options, sink, CancellationToken.NONE, ProgressListener.NONE);
        return sink;
    }

    /** The string as ISO-8859-1 bytes: one byte per char, so {@code "\u0096"} gives byte 0x96. */
    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
