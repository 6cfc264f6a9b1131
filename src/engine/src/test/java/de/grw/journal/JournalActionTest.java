package de.grw.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's actions are typed, and their stored codes are the ones existing workspaces and exports hold. */
class JournalActionTest {
    @Test
    void theStoredCodesAreTheReleasedOnes() {
        // the codes are sealed into every existing journal and used as text keys: none may change or disappear
        assertThat(Arrays.stream(JournalAction.values()).map(JournalAction::code)).containsExactly(
                "workspace.created", "user.created", "user.password_changed", "user.disabled", "user.enabled",
                "user.role_changed",
                "source.imported", "match.run", "decision.proposed", "decision.taken", "decision.approved",
                "decision.rejected", "decision.reverted", "export", "model.estimated", "source.appended",
                "source.record_stored", "model.activated", "model.reverted", "constraints.exported");
    }

    @Test
    void everyCodeReadsBackIntoItsAction() {
        for (JournalAction a : JournalAction.values()) {
            assertThat(JournalAction.ofCode(a.code())).contains(a);
        }
        assertThat(JournalAction.ofCode("decision.vetoed")).isEmpty();
        assertThat(JournalAction.ofCode("DECISION_PROPOSED")).isEmpty();
    }

    @Test
    void anAppendedEntryStoresTheCodeAndReadsBackAsItsAction() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("CREATE TABLE journal(seq INTEGER, at TEXT, user_name TEXT, action TEXT, "
                    + "payload TEXT, prev_hash TEXT, hash TEXT)");
            JournalEntry e = Journal.append(c, java.time.Instant.parse("2026-01-02T03:04:05Z"), "anna",
                    JournalAction.DECISION_REVERTED, java.util.Map.of("decision", 2));
            List<JournalEntry> all = Journal.all(c);
            assertThat(all).containsExactly(e);
            assertThat(all.get(0).action()).isEqualTo("decision.reverted");
            assertThat(all.get(0).kind()).contains(JournalAction.DECISION_REVERTED);
            assertThat(JournalVerifier.verify(all.iterator()).ok()).isTrue();
        }
    }
}
