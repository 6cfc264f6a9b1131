package de.grw.journal;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * An exported journal: JSON Lines, one entry per line ({@link JournalEntry#toJsonLine()}), in journal order, UTF-8.
 * It can be verified standalone, without the workspace it came from: the hashes need nothing but the entries.
 * A line that is not a journal entry (not JSON, a field missing, an empty line) stops the check and is named by its
 * line number.
 */
public final class JournalFile {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> TEXT_FIELDS = List.of("at", "user", "action", "prev", "hash");

    private JournalFile() {
    }

    /** Writes entries as JSON Lines (LF after every line). */
    public static void write(OutputStream out, List<JournalEntry> entries) throws IOException {
        for (JournalEntry e : entries) {
            out.write(e.toJsonLine().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    /**
     * Verifies an exported journal file. A damaged chain or an unreadable line gives a result that is not ok and
     * names the first bad entry (for an unreadable line: its line number, which is also its position).
     *
     * @throws UserFacingException if the file cannot be read at all
     */
    public static JournalVerifier.Result verify(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Lines lines = new Lines(in);
            try {
                return JournalVerifier.verify(lines);
            } catch (Unreadable e) {
                return new JournalVerifier.Result(false, e.line, e.line, e.getMessage(), lines.lastHash);
            }
        } catch (NoSuchFileException e) {
            throw new UserFacingException(de.grw.common.Text.of("file.not_found", file));
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(file + ": cannot read the journal: " + e.getMessage(), e);
        }
    }

    /**
     * The entries of an exported journal file, in order (for a file that {@link #verify} found intact).
     *
     * @throws UserFacingException if the file cannot be read or a line is not an entry
     */
    public static List<JournalEntry> read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Lines lines = new Lines(in);
            List<JournalEntry> out = new java.util.ArrayList<>();
            while (lines.hasNext()) {
                out.add(lines.next());
            }
            return out;
        } catch (Unreadable e) {
            throw new UserFacingException(file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserFacingException(de.grw.common.Text.of("file.not_found", file));
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(file + ": cannot read the journal: " + e.getMessage(), e);
        }
    }

    /** Parses one line; the message of the exception says what is wrong with it. */
    static JournalEntry parse(String line, long number) {
        String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (text.isBlank()) {
            throw new Unreadable(number, "line " + number + " is empty");
        }
        JsonNode n;
        try {
            n = CanonicalJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(number, "line " + number + " is not valid JSON");
        }
        if (!n.isObject()) {
            throw new Unreadable(number, "line " + number + " is not a journal entry (not a JSON object)");
        }
        if (!n.path("seq").canConvertToExactIntegral()) {
            throw new Unreadable(number, "line " + number + " is not a journal entry (no whole-number 'seq')");
        }
        for (String f : TEXT_FIELDS) {
            if (!n.path(f).isTextual()) {
                throw new Unreadable(number, "line " + number + " is not a journal entry (no text '" + f + "')");
            }
        }
        if (!n.has("payload")) {
            throw new Unreadable(number, "line " + number + " is not a journal entry (no 'payload')");
        }
        if (!HASH.matcher(n.path("hash").asText()).matches() || !HASH.matcher(n.path("prev").asText()).matches()) {
            throw new Unreadable(number, "line " + number + " is not a journal entry ('hash' and 'prev' must be "
                    + "64 lower-case hex digits)");
        }
        if (n.has("redacted") && !HASH.matcher(n.path("redacted").path("leaf").asText()).matches()) {
            throw new Unreadable(number, "line " + number + " is not a journal entry ('redacted' must hold the "
                    + "stored entry's 'leaf' as 64 lower-case hex digits)");
        }
        return JournalEntry.fromJsonLine(text);
    }

    /** An unreadable line; carries its number. */
    private static final class Unreadable extends RuntimeException {
        private final long line;

        Unreadable(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * The file's lines as entries, read lazily (so the verifier stops at the first bad one) and decoded line by line
     * (so a line that is not UTF-8 is named exactly).
     */
    private static final class Lines implements Iterator<JournalEntry> {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private String next;
        private boolean ended;
        private long number;
        private String lastHash = Journal.GENESIS;

        Lines(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                next = readLine();
                ended = next == null;
            }
            return next != null;
        }

        private String readLine() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                while (b >= 0 && b != '\n') {
                    bytes.write(b);
                    b = in.read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] line = bytes.toByteArray();
            int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
            try {
                return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
            } catch (CharacterCodingException e) {
                throw new Unreadable(number + 1, "line " + (number + 1) + " is not UTF-8 text");
            }
        }

        @Override
        public JournalEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            number++;
            String line = next;
            next = null;
            JournalEntry entry = parse(line, number);
            // the verifier asks for another entry only after this one passed
            lastHash = entry.hash();
            return entry;
        }
    }
}
