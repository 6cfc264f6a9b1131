package de.grw.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported journal is verified standalone; every kind of damage names the first bad entry or line. */
class JournalFileTest {
    @TempDir
    Path dir;

    /** A valid chain of n entries, built as Journal.append builds them. */
    static List<JournalEntry> chain(int n) {
        List<JournalEntry> out = new ArrayList<>();
        String prev = Journal.GENESIS;
        for (int i = 1; i <= n; i++) {
            JournalEntry draft = new JournalEntry(i, "2026-01-0" + Math.min(i, 9) + "T10:00:00Z", "anna",
                    "decision.taken", CanonicalJson.write(Map.of("decision", i, "comment", "Nr. " + i + " für Öl")),
                    prev, "");
            JournalEntry e = new JournalEntry(i, draft.at(), draft.user(), draft.action(), draft.payload(), prev,
                    draft.computeHash());
            out.add(e);
            prev = e.hash();
        }
        return out;
    }

    private Path write(List<String> lines) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> lines(List<JournalEntry> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JournalFile.write(out, entries);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anEmptyExportFails() throws Exception {
        JournalVerifier.Result r = JournalFile.verify(write(List.of()));
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).contains("the journal is empty");
        assertThat(JournalVerifier.verify(Collections.emptyIterator()).ok()).isFalse();
    }

    @Test
    void theEntriesOfAnExportAreReadBack() throws Exception {
        List<JournalEntry> entries = chain(4);
        assertThat(JournalFile.read(write(lines(entries)))).isEqualTo(entries);
        List<String> broken = new ArrayList<>(lines(entries));
        broken.set(1, "{kein json");
        assertThatThrownBy(() -> JournalFile.read(write(broken))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("journal.jsonl: line 2 is not valid JSON");
    }

    @Test
    void anIntactExportVerifies() throws Exception {
        List<JournalEntry> entries = chain(5);
        JournalVerifier.Result r = JournalFile.verify(write(lines(entries)));
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.entries()).isEqualTo(5);
        assertThat(r.headHash()).isEqualTo(entries.get(4).hash());
        assertThat(r.describe()).isEqualTo("journal intact: 5 entries, head " + entries.get(4).hash());
    }

    @Test
    void aModifiedEntryIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(5)));
        lines.set(2, lines.get(2).replace("Nr. 3", "Nr. 8"));
        JournalVerifier.Result r = JournalFile.verify(write(lines));
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).isEqualTo("journal damaged at entry 3: its content was changed (hash does not "
                + "match)");
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(5)));
        lines.remove(1);
        assertThat(JournalFile.verify(write(lines)).describe()).startsWith("journal damaged at entry 2: sequence "
                + "number 3 where 2 was expected");
    }

    @Test
    void anInsertedEntryIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(5)));
        lines.add(3, lines.get(1));
        assertThat(JournalFile.verify(write(lines)).describe()).startsWith("journal damaged at entry 4: sequence "
                + "number 2 where 4 was expected");
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(5)));
        Collections.swap(lines, 1, 2);
        assertThat(JournalFile.verify(write(lines)).describe()).startsWith("journal damaged at entry 2: sequence "
                + "number 3 where 2 was expected");
    }

    @Test
    void aRenumberedForgeryBreaksTheChain() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(chain(5));
        JournalEntry third = entries.get(2);
        JournalEntry forged = new JournalEntry(3, third.at(), "mallory", third.action(), third.payload(),
                third.prev(), "");
        entries.set(2, new JournalEntry(3, forged.at(), forged.user(), forged.action(), forged.payload(),
                forged.prev(), forged.computeHash()));
        assertThat(JournalFile.verify(write(lines(entries))).describe()).isEqualTo("journal damaged at entry 4: it "
                + "does not follow the entry before it (previous hash differs)");
    }

    @Test
    void unreadableLinesAreNamedByNumber() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(5)));
        List<String> broken = new ArrayList<>(lines);
        broken.set(3, lines.get(3).substring(0, 40));
        JournalVerifier.Result r = JournalFile.verify(write(broken));
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBad()).isEqualTo(4);
        assertThat(r.describe()).isEqualTo("journal damaged at entry 4: line 4 is not valid JSON");
        assertThat(r.headHash()).isEqualTo(chain(5).get(2).hash());

        broken = new ArrayList<>(lines);
        broken.add(2, "");
        assertThat(JournalFile.verify(write(broken)).describe()).endsWith("line 3 is empty");

        broken = new ArrayList<>(lines);
        broken.set(0, lines.get(0).replace("\"hash\":", "\"hsah\":"));
        assertThat(JournalFile.verify(write(broken)).describe()).endsWith("line 1 is not a journal entry (no text "
                + "'hash')");

        broken = new ArrayList<>(lines);
        broken.set(1, "[1,2,3]");
        assertThat(JournalFile.verify(write(broken)).describe()).endsWith("line 2 is not a journal entry (not a JSON "
                + "object)");
    }

    @Test
    void aLineThatIsNotUtf8IsNamed() throws Exception {
        List<String> lines = lines(chain(5));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 3) {
                bytes.write(line.getBytes(StandardCharsets.UTF_8));
                bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28});
            } else {
                bytes.write(line.getBytes(StandardCharsets.UTF_8));
            }
            bytes.write('\n');
        }
        Path file = dir.resolve("latin.jsonl");
        Files.write(file, bytes.toByteArray());
        assertThat(JournalFile.verify(file).describe()).isEqualTo("journal damaged at entry 4: line 4 is not UTF-8 "
                + "text");
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreTolerated() throws Exception {
        List<String> lines = new ArrayList<>(lines(chain(3)));
        Path file = dir.resolve("crlf.jsonl");
        Files.writeString(file, "\uFEFF" + String.join("\r\n", lines) + "\r\n");
        assertThat(JournalFile.verify(file).ok()).isTrue();
    }

    @Test
    void aMissingFileIsAUserFacingError() {
        assertThatThrownBy(() -> JournalFile.verify(dir.resolve("gibt-es-nicht.jsonl")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("file not found");
    }
}
