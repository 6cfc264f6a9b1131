package de.grw.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.review.DeferCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.workspace.TestWorkspaces;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal refuses UPDATE and DELETE while its triggers exist; an attacker who drops them and edits the file (or,
 * as the database's owner, the table) directly is caught by {@link JournalVerifier}, which names the first bad
 * entry, also after the workspace is opened again. The exported JSON Lines verify the same way.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
@ParameterizedClass
@EnumSource(StoreKind.class)
class JournalTamperingTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    /** The entry the attacks aim at; the fixture's journal is longer. */
    private static final long K = 6;

    @TempDir
    Path dir;

    private TestStore at;
    private long entries;

    @BeforeEach
    void prepare() {
        TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir);
        at = f.store();
        try {
            List<QueueEntry> queue = f.review().queue(f.clerk(), null, 3);
            for (QueueEntry q : queue) {
                f.review().propose(f.clerk(), q.clusterId(), new DeferCommand(), "Rückfrage", "AZ-7");
            }
        } finally {
            f.workspace().close();
        }
        JournalVerifier.Result intact = verifyReopened();
        assertThat(intact.ok()).as(intact.describe()).isTrue();
        entries = intact.entries();
        assertThat(entries).isGreaterThan(K + 2);
    }

    @AfterEach
    void drop() {
        at.close();
    }

    /** The owner of the file (any SQLite tool) or of the database ({@code psql}), past the engine. */
    private Connection attacker() throws SQLException {
        return at.raw();
    }

    private void dropTriggers(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            String on = store == StoreKind.POSTGRESQL ? " ON journal" : "";
            s.execute("DROP TRIGGER journal_no_update" + on);
            s.execute("DROP TRIGGER journal_no_delete" + on);
        }
    }

    private JournalEntry entry(Connection c, long seq) throws SQLException {
        return Journal.all(c).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    private static void put(Connection c, JournalEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal(seq, at, user_name, action, payload, "
                + "prev_hash, hash) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, e.seq());
            ps.setString(2, e.at());
            ps.setString(3, e.user());
            ps.setString(4, e.action());
            ps.setString(5, e.payload());
            ps.setString(6, e.prev());
            ps.setString(7, e.hash());
            ps.executeUpdate();
        }
    }

    private JournalVerifier.Result verifyRaw() throws SQLException {
        try (Connection c = attacker()) {
            return JournalVerifier.verify(Journal.all(c).iterator());
        }
    }

    private JournalVerifier.Result verifyReopened() {
        try (Workspace w = at.open()) {
            return w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
        }
    }

    private void assertFirstBad(long seq, String problem) throws SQLException {
        for (JournalVerifier.Result r : List.of(verifyRaw(), verifyReopened())) {
            assertThat(r.ok()).isFalse();
            assertThat(r.firstBad()).as(r.describe()).isEqualTo(seq);
            assertThat(r.problem()).contains(problem);
            assertThat(r.describe()).startsWith("journal damaged at entry " + seq + ":");
        }
    }

    @Test
    void triggersRefuseUpdateAndDelete() throws SQLException {
        try (Connection c = attacker(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE journal SET payload = '{}' WHERE seq = " + K))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the journal is append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM journal WHERE seq = " + K))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the journal is append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM journal"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the journal is append-only");
        }
        try (Workspace w = at.open()) {
            assertThatThrownBy(() -> w.write(c -> c.createStatement().executeUpdate(
                    "UPDATE journal SET user_name = 'mallory'")))
                    .isInstanceOf(UserFacingException.class).hasMessageContaining("the journal is append-only");
        }
        JournalVerifier.Result r = verifyReopened();
        assertThat(r.ok()).isTrue();
        assertThat(r.entries()).isEqualTo(entries);
    }

    @Test
    void modifiedEntryIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE journal SET user_name = 'mallory' WHERE seq = " + K)).isEqualTo(1);
            }
        }
        assertFirstBad(K, "its content was changed");
    }

    @Test
    void modifiedPayloadIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            JournalEntry e = entry(c, K);
            try (PreparedStatement ps = c.prepareStatement("UPDATE journal SET payload = ? WHERE seq = ?")) {
                ps.setString(1, e.payload().replaceFirst("\\}$", ",\"x\":1}"));
                ps.setLong(2, K);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertFirstBad(K, "its content was changed");
    }

    @Test
    void modifiedEntryWithRecomputedHashBreaksTheChainAtTheNextEntry() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            JournalEntry e = entry(c, K);
            JournalEntry forged = new JournalEntry(e.seq(), e.at(), "mallory", e.action(), e.payload(), e.prev(), "");
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE journal SET user_name = ?, hash = ? WHERE seq = ?")) {
                ps.setString(1, "mallory");
                ps.setString(2, forged.computeHash());
                ps.setLong(3, K);
                ps.executeUpdate();
            }
        }
        assertFirstBad(K + 1, "does not follow the entry before it");
    }

    @Test
    void deletedEntryIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("DELETE FROM journal WHERE seq = " + K)).isEqualTo(1);
            }
        }
        // the gap is reported at the missing entry's number
        assertFirstBad(K, "sequence number " + (K + 1) + " where " + K + " was expected (entries before it are "
                + "missing)");
    }

    @Test
    void deletedAndRenumberedEntryIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM journal WHERE seq = " + K);
                s.executeUpdate("UPDATE journal SET seq = -(seq - 1) WHERE seq > " + K);
                s.executeUpdate("UPDATE journal SET seq = -seq WHERE seq < 0");
            }
        }
        assertFirstBad(K, "does not follow the entry before it");
    }

    @Test
    void insertedEntryIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            JournalEntry replayed = entry(c, 2);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE journal SET seq = -(seq + 1) WHERE seq >= " + K);
                s.executeUpdate("UPDATE journal SET seq = -seq WHERE seq < 0");
            }
            // an old entry replayed at position K
            put(c, new JournalEntry(K, replayed.at(), replayed.user(), replayed.action(), replayed.payload(),
                    replayed.prev(), replayed.hash()));
        }
        assertFirstBad(K, "does not follow the entry before it");
    }

    @Test
    void insertedEntryChainedByTheAttackerIsCaughtAtTheEntryAfterIt() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            JournalEntry before = entry(c, K - 1);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE journal SET seq = -(seq + 1) WHERE seq >= " + K);
                s.executeUpdate("UPDATE journal SET seq = -seq WHERE seq < 0");
            }
            JournalEntry draft = new JournalEntry(K, before.at(), "mallory", "user.created",
                    CanonicalJson.write(Map.of("name", "mallory", "role", "SUPERVISOR")), before.hash(), "");
            put(c, new JournalEntry(K, draft.at(), draft.user(), draft.action(), draft.payload(), draft.prev(),
                    draft.computeHash()));
        }
        // the forged entry itself is consistent; the original entry after it no longer follows
        assertFirstBad(K + 1, "does not follow the entry before it");
    }

    @Test
    void entryAppendedOutOfSequenceIsNamed() throws SQLException {
        try (Connection c = attacker()) {
            JournalEntry first = entry(c, 1);
            put(c, new JournalEntry(0, first.at(), first.user(), first.action(), first.payload(), first.prev(),
                    first.hash()));
        }
        // the triggers do not stop inserts; a row numbered 0 sorts first and is named by its position
        assertFirstBad(1, "sequence number 0 where 1 was expected (it is out of order or inserted)");
    }

    @Test
    void reorderedEntriesAreNamed() throws SQLException {
        try (Connection c = attacker()) {
            dropTriggers(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE journal SET seq = -1 WHERE seq = " + K);
                s.executeUpdate("UPDATE journal SET seq = " + K + " WHERE seq = " + (K + 1));
                s.executeUpdate("UPDATE journal SET seq = " + (K + 1) + " WHERE seq = -1");
            }
        }
        assertFirstBad(K, "does not follow the entry before it");
    }

    @Test
    void truncatedTailLeavesAValidChainWithAnotherHead() throws SQLException {
        String head = verifyReopened().headHash();
        try (Connection c = attacker()) {
            dropTriggers(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM journal WHERE seq = " + entries);
            }
        }
        JournalVerifier.Result r = verifyReopened();
        assertThat(r.ok()).isTrue();
        assertThat(r.entries()).isEqualTo(entries - 1);
        assertThat(r.headHash()).as("only a head hash kept elsewhere reveals a cut tail").isNotEqualTo(head);
    }

    @Test
    void exportedLinesRoundTripAndVerify() {
        List<JournalEntry> all;
        try (Workspace w = at.open()) {
            all = w.read(Journal::all);
        }
        List<String> lines = all.stream().map(JournalEntry::toJsonLine).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
        List<JournalEntry> read = lines.stream().map(JournalEntry::fromJsonLine).toList();
        assertThat(read).isEqualTo(all);
        JournalVerifier.Result r = JournalVerifier.verify(read.iterator());
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.entries()).isEqualTo(entries);
        assertThat(r.headHash()).isEqualTo(all.get(all.size() - 1).hash());

        List<String> edited = new ArrayList<>(lines);
        edited.set((int) K - 1, lines.get((int) K - 1).replace("\"user\":\"", "\"user\":\"x"));
        assertThat(verifyLines(edited).firstBad()).isEqualTo(K);

        List<String> swapped = new ArrayList<>(lines);
        Collections.swap(swapped, (int) K - 1, (int) K);
        JournalVerifier.Result r2 = verifyLines(swapped);
        assertThat(r2.firstBad()).isEqualTo(K);
        assertThat(r2.problem()).contains("sequence number " + (K + 1) + " where " + K + " was expected");

        List<String> missing = new ArrayList<>(lines);
        missing.remove((int) K - 1);
        assertThat(verifyLines(missing).firstBad()).isEqualTo(K);

        List<String> extra = new ArrayList<>(lines);
        extra.add((int) K - 1, lines.get(1));
        assertThat(verifyLines(extra).firstBad()).isEqualTo(K);
    }

    private static JournalVerifier.Result verifyLines(List<String> lines) {
        JournalVerifier.Result r = JournalVerifier.verify(lines.stream().map(JournalEntry::fromJsonLine).iterator());
        assertThat(r.ok()).isFalse();
        return r;
    }
}
