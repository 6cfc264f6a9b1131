package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * Attacks on the ledger's row digests ({@link RowDigestRepository}): a write re-hashes only the rows the change log names,
 * so these try to bring a change past that: a row sealed many writes earlier edited while the workbench is open
 * (and then touched by a write of the workbench, which must not seal the edit), the last row of the access log
 * deleted, golden values reordered or their values swapped between rows, the change-log trigger dropped, the
 * change log forged. Each is found; and many writes kept row by row give exactly the digests computed from
 * scratch.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
@ParameterizedClass
@EnumSource(StoreKind.class)
class LedgerRowDigestTamperingTest {
    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private LedgerTestStore at;
    private long approved;
    private List<Long> open;

    @BeforeEach
    void prepare() {
        at = LedgerTestStore.prepare(store, dir, f -> {
            ReviewService review = f.review();
            List<QueueEntry> queue = review.queue(f.clerk(), null, 8);
            approved = merge(review, f.clerk(), queue.get(0).clusterId());
            review.approve(f.supervisor(), approved, "agreed");
            open = queue.subList(1, queue.size()).stream().map(QueueEntry::clusterId).toList();
        });
    }

    @AfterEach
    void drop() {
        at.close();
    }

    private static long merge(ReviewService review, Session clerk, long cluster) {
        return LedgerTestStore.merge(review, clerk, cluster);
    }

    private Workspace openWithLedger() {
        return at.openWithLedger();
    }

    private JournalVerifier.Result verify() {
        return at.verify();
    }

    private void sql(String... statements) throws SQLException {
        at.sql(statements);
    }

    private void attack(String table, String... statements) throws SQLException {
        at.attack(table, statements);
    }

    private void defer(TestWorkspaces.Fixture f, long cluster) {
        f.review().propose(f.clerk(), cluster, new DeferCommand(), "Rückfrage", "AZ-9");
    }

    private void verifyNames(String what) {
        at.verifyNames(what);
    }

    @Test
    void aRowSealedManyWritesEarlierEditedWhileOpenIsNotSealedByAWriteThatTouchesIt() throws SQLException {
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            for (int i = 0; i < 4; i++) {
                defer(f, open.get(i)); // the row digests are kept in memory from here on
            }
            // the value the approved merge set, sealed five writes ago, changed with every trigger in place
            sql("UPDATE golden_values SET value = 'Falsch' WHERE decision_id = " + approved + " AND field = "
                    + "(SELECT MIN(field) FROM golden_values WHERE decision_id = " + approved + ")");
            // a write that updates that very row (the revert ends the merge's values) must not seal the edit
            assertThatThrownBy(() -> f.review().revert(f.supervisor(), approved, "zurück", "AZ-1"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("table golden_values differs");
        }
        verifyNames("table golden_values differs");
    }

    @Test
    void aRowEditedWithTheChangeLogTriggerDroppedIsRefusedAtTheNextWrite() throws SQLException {
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            defer(f, open.get(0));
            attack("decisions", "UPDATE decisions SET proposed_by = 'carla' WHERE id = " + approved);
            assertThatThrownBy(() -> defer(f, open.get(1)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("table decisions differs");
        }
        verifyNames("table decisions differs");
    }

    @Test
    void theLastAccessLogRowDeletedWhileOpenIsFound() throws SQLException {
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            f.review().show(f.clerk(), open.get(0), "AZ-5"); // an access-log entry with its records, the last row
            attack("access_log_records", "DELETE FROM access_log_records WHERE access_id = (SELECT MAX(id) FROM "
                    + "access_log)");
            attack("access_log", "DELETE FROM access_log WHERE id = (SELECT MAX(id) FROM access_log)");
            assertThatThrownBy(() -> defer(f, open.get(1)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("tables access_log, access_log_records differ");
        }
        verifyNames("tables access_log, access_log_records differ");
    }

    @Test
    void goldenValuesReorderedAreFound() throws SQLException {
        // the order of a golden record's values is the order they were stored in: SQLite's rowid, PostgreSQL's pos
        String order = store == StoreKind.SQLITE ? "rowid" : "pos";
        // the first value moved behind the last: the same rows in another order
        attack("golden_values", "UPDATE golden_values SET " + order + " = (SELECT MAX(" + order + ") FROM "
                + "golden_values) + 1 WHERE " + order + " = (SELECT MIN(" + order + ") FROM golden_values)");
        verifyNames("table golden_values differs");
    }

    @Test
    void valuesSwappedBetweenTwoRowsAreFound() throws SQLException {
        // every column keeps the same values, only two rows exchange theirs
        attack("golden_values", "UPDATE golden_values SET value = CASE WHEN field = (SELECT MIN(field) FROM "
                + "golden_values WHERE value IS NOT NULL) THEN (SELECT value FROM golden_values WHERE field = (SELECT "
                + "MAX(field) FROM golden_values WHERE value IS NOT NULL) LIMIT 1) ELSE (SELECT value FROM "
                + "golden_values WHERE field = (SELECT MIN(field) FROM golden_values WHERE value IS NOT NULL) LIMIT "
                + "1) END WHERE field IN ((SELECT MIN(field) FROM golden_values WHERE value IS NOT NULL), (SELECT "
                + "MAX(field) FROM golden_values WHERE value IS NOT NULL))");
        verifyNames("table golden_values differs");
    }

    @Test
    void theChangeLogTriggerDroppedAloneIsFoundAndRefusesWrites() throws SQLException {
        try (Connection c = at.store().raw(); Statement s = c.createStatement()) {
            s.execute(store == StoreKind.SQLITE ? "DROP TRIGGER ledger_decisions_upd"
                    : "ALTER TABLE decisions DISABLE TRIGGER ledger_decisions_change");
        }
        verifyNames("change-log trigger of table decisions");
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            assertThatThrownBy(() -> defer(f, open.get(0)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("change-log trigger of table decisions");
        }
    }

    @Test
    void aForgedChangeLogChangesNothing() throws SQLException {
        String ref = store == StoreKind.SQLITE ? "1" : "(0,1)";
        sql("INSERT INTO ledger_changes VALUES ('golden_values', '" + ref + "')",
                "INSERT INTO ledger_changes VALUES ('records', '" + ref + "')",
                "INSERT INTO ledger_changes VALUES ('decisions', '" + (store == StoreKind.SQLITE ? "99999" : "(999,1)")
                        + "')");
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            defer(f, open.get(0));
            sql("INSERT INTO ledger_changes VALUES ('golden_values', '" + ref + "')");
            defer(f, open.get(1));
        }
        JournalVerifier.Result r = verify();
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void manyWritesKeptRowByRowGiveTheDigestsComputedFromScratch() throws Exception {
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            long second = merge(f.review(), f.clerk(), open.get(0));
            f.review().approve(f.supervisor2(), second, "ok");
            defer(f, open.get(1));
            f.review().revert(f.supervisor(), approved, "zurück", "AZ-1");
            assertThatThrownBy(() -> new UserService(w).login(TestWorkspaces.CLERK2, "falsch-falsch".toCharArray()))
                    .isInstanceOf(UserFacingException.class);
            f.review().show(f.clerk(), open.get(2), "AZ-7");
        }
        Path anchor = Files.list(at.home().resolve("anchors")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(anchor, StandardCharsets.UTF_8);
        JsonNode last = null;
        for (String line : lines) {
            JsonNode n = CanonicalJson.parse(line);
            if ("checkpoint".equals(n.path("type").asText())) {
                last = n;
            }
        }
        assertThat(last.path("digest").asText()).isEqualTo(RowDigestRepository.SCHEME);
        try (Connection c = at.store().raw()) {
            StateDigest scratch = StateDigest.of(c);
            for (Map.Entry<String, String> t : scratch.tables().entrySet()) {
                assertThat(last.path("tables").path(t.getKey()).asText()).as(t.getKey()).isEqualTo(t.getValue());
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                    + "ledger_changes")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the change log is emptied by every write").isZero();
            }
        }
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void checkpointsOfTheFirstLedgerAreStillComparedAndTamperingWithThemFound() throws SQLException {
        System.setProperty(Ledger.FULL_DIGEST_PROPERTY, "true");
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            defer(f, open.get(0)); // a checkpoint in the ordered digests of the first ledger
        } finally {
            System.clearProperty(Ledger.FULL_DIGEST_PROPERTY);
        }
        assertThat(verify().ok()).isTrue();
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            defer(f, open.get(1)); // compared in the old scheme, sealed in the new one
        }
        assertThat(verify().ok()).isTrue();
        attack("users", "UPDATE users SET role = 'SUPERVISOR' WHERE name = 'anna'");
        verifyNames("table users differs");
    }

    @Test
    void writesOfOneProcessCheckFromScratchOnlyOnceAndStillFindAnEditBetweenThem() throws SQLException {
        try (Workspace w = at.store().open()) {
            Ledger ledger = Ledger.attach(w, at.home());
            TestWorkspaces.Fixture f = at.fixture(w);
            for (int i = 0; i < 3; i++) {
                defer(f, open.get(i));
            }
            // SQLite: nobody else wrote the file (data_version); PostgreSQL: only the rows changed were re-read
            long checks = ledger.fullChecks();
            assertThat(checks).isLessThanOrEqualTo(1);
            // past the workbench, the same values written again: a new row version, nothing changed
            at.sql("UPDATE decisions SET comment = comment WHERE id = " + approved);
            defer(f, open.get(3));
            if (store == StoreKind.POSTGRESQL) {
                assertThat(ledger.fullChecks()).as("reconciled, not checked from scratch").isEqualTo(checks);
            }
            // a column added past the workbench: the table's digest names its columns
            at.sql("ALTER TABLE decisions ADD COLUMN note TEXT");
            assertThatThrownBy(() -> defer(f, open.get(4)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("table decisions differs");
        }
        verifyNames("table decisions differs");
    }

    @Test
    void anEditBetweenWritesOfOneProcessIsFoundEvenWithTheChangeLogEmptied() throws SQLException {
        try (Workspace w = openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            defer(f, open.get(0));
            defer(f, open.get(1));
            // every trigger in place, then the change log emptied: only the row's new version tells
            sql("UPDATE users SET role = 'SUPERVISOR' WHERE name = 'anna'", "DELETE FROM ledger_changes");
            assertThatThrownBy(() -> defer(f, open.get(2)))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("table users differs");
        }
        verifyNames("table users differs");
    }
}
