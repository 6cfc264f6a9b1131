package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ledger's anchor: an append-only file of signed lines outside the store ({@code anchors/<id>.jsonl} in the
 * ledger's home), each canonical JSON with its number {@code n}, the SHA-256 of the line before ({@code prev}) and
 * the Ed25519 signature ({@code sig}) of the line without it. Lines are checkpoints of the store's state, the marks
 * that a checkpoint's transaction committed, and signed tree heads of the journal. Every line is written with an
 * fsync before the transaction it seals commits.
 */
final class Anchor {
    static final String GENESIS = "0".repeat(64);

    private final Path file;
    private long length = -1;
    private long count;
    private String lastHash = GENESIS;
    private JsonNode lastCheckpoint;
    private JsonNode lastCommitted;
    private JsonNode lastLine;
    private JsonNode lastTreeHead;

    Anchor(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Re-reads the file when it changed since this process last read or wrote it (another process wrote). */
    void refresh() {
        try {
            long now = Files.exists(file) ? Files.size(file) : 0;
            if (now == length) {
                return;
            }
            count = 0;
            lastHash = GENESIS;
            lastCheckpoint = null;
            lastCommitted = null;
            lastLine = null;
            lastTreeHead = null;
            if (now > 0) {
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        take(line, CanonicalJson.parse(line));
                    }
                }
            }
            length = now;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(file + ": the ledger's anchor cannot be read: " + e.getMessage(), e);
        }
    }

    private void take(String text, JsonNode line) {
        count++;
        lastHash = StateDigest.sha256Hex(text);
        lastLine = line;
        if ("tree_head".equals(line.path("type").asText())) {
            lastTreeHead = line;
        } else if ("checkpoint".equals(line.path("type").asText())) {
            lastCheckpoint = line;
        } else if ("committed".equals(line.path("type").asText()) && lastCheckpoint != null
                && line.path("of").asLong() == lastCheckpoint.path("n").asLong()) {
            lastCommitted = lastCheckpoint;
        }
    }

    /** The file's length as this process last read or wrote it (call {@link #refresh} first). */
    long length() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    long count() {
        return count;
    }

    JsonNode lastCheckpoint() {
        return lastCheckpoint;
    }

    /** The last checkpoint whose transaction is known to have committed. */
    JsonNode lastCommitted() {
        return lastCommitted;
    }

    /** The last tree head written to the anchor, or null. */
    JsonNode lastTreeHead() {
        return lastTreeHead;
    }

    JsonNode lastLine() {
        return lastLine;
    }

    /** Appends a signed line (its {@code n}, {@code prev} and {@code sig} added here), fsynced; returns it. */
    JsonNode append(Map<String, Object> fields, LedgerKey key) {
        return append(fields, key, true);
    }

    /**
     * Appends a signed line; {@code force}: forced to the disk before returning (every line but the mark that a
     * checkpoint's transaction committed, which may be lost in a crash: the checkpoint before it is then still
     * accepted, as README "The ledger" says).
     */
    JsonNode append(Map<String, Object> fields, LedgerKey key, boolean force) {
        refresh();
        Map<String, Object> m = new TreeMap<>(fields);
        m.put("n", count + 1);
        m.put("prev", lastHash);
        m.put("key", key.fingerprint());
        String unsigned = CanonicalJson.write(m);
        m.put("sig", key.sign(unsigned));
        String text = CanonicalJson.write(m);
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (force) {
                    ch.force(false); // fdatasync: an append's new length is flushed with the data
                }
            }
        } catch (IOException e) {
            throw new UserFacingException(file + ": the ledger's anchor cannot be written: " + e.getMessage(), e);
        }
        length += bytes.length;
        JsonNode line = CanonicalJson.parse(text);
        take(text, line);
        return line;
    }

    /**
     * Checks every line: the numbers run 1, 2, 3, each {@code prev} is the hash of the line before, each signature
     * is the key's. Returns the first problem, or null.
     */
    String verifyLines(PublicKey key) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String prev = GENESIS;
            long n = 0;
            String text;
            while ((text = r.readLine()) != null) {
                n++;
                JsonNode line;
                try {
                    line = CanonicalJson.parse(text);
                } catch (IllegalArgumentException e) {
                    return "line " + n + " of the anchor " + file + " is not JSON";
                }
                if (line.path("n").asLong() != n) {
                    return "line " + n + " of the anchor " + file + " is numbered " + line.path("n").asLong()
                            + " (lines removed or inserted)";
                }
                if (!prev.equals(line.path("prev").asText())) {
                    return "line " + n + " of the anchor " + file + " does not follow the line before it "
                            + "(lines removed, inserted or changed)";
                }
                ObjectNode unsigned = ((ObjectNode) line).deepCopy();
                unsigned.remove("sig");
                if (!LedgerKey.verify(key, CanonicalJson.write(unsigned), line.path("sig").asText())) {
                    return "line " + n + " of the anchor " + file + " is not signed by the ledger's key "
                            + LedgerKey.fingerprint(key).substring(0, 16) + "… (it names key "
                            + abbreviate(line.path("key").asText()) + "): the key was replaced or the anchor edited";
                }
                prev = StateDigest.sha256Hex(text);
            }
            return n == 0 ? "the anchor " + file + " is empty" : null;
        } catch (IOException e) {
            return "the anchor " + file + " cannot be read: " + e.getMessage();
        }
    }

    static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    /** All lines, parsed; for reports and tests. */
    List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(CanonicalJson.parse(l));
        }
        return out;
    }

    /** Hex of bytes. */
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
