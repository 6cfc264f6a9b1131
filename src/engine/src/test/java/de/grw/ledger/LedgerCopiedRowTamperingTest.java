package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalVerifier;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows copied from another workspace, as the owner of both files does it with {@code ATTACH} (the {@code sqlite3}
 * tool's way): two workspaces of one office, sealed by one ledger home (one key), that began as copies of one
 * file, so that their ids line up. A row of the other workspace is a row its own ledger sealed, under the same key;
 * copied here it is still found and named by table and row: an account's password hash (to sign in with a password
 * known from the other workspace), a decision with the same id, the golden values, an access-log entry.
 */
class LedgerCopiedRowTamperingTest {
    private static final String KNOWN = "Bekanntes-Kennwort-77";

    @TempDir
    Path dir;

    private LedgerTestStore here;
    private LedgerTestStore other;
    private long decisionHere;

    @BeforeEach
    void prepare() throws Exception {
        Path home = dir.resolve("ledger-home");
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        here = LedgerTestStore.prepare(StoreKind.SQLITE, a, home, f -> {
            ReviewService review = f.review();
            List<QueueEntry> queue = review.queue(f.clerk(), null, 2);
            decisionHere = LedgerTestStore.merge(review, f.clerk(), queue.get(0).clusterId());
            review.approve(f.supervisor(), decisionHere, "agreed");
        });
        other = LedgerTestStore.prepare(StoreKind.SQLITE, b, home, f -> {
            ReviewService review = f.review();
            List<QueueEntry> queue = review.queue(f.clerk(), null, 2);
            // the same decision id, on another cluster
            long d = LedgerTestStore.merge(review, f.clerk(), queue.get(1).clusterId());
            review.approve(f.supervisor(), d, "agreed");
            review.show(f.clerk(), queue.get(0).clusterId(), "AZ-OTHER");
            review.show(f.clerk(), queue.get(0).clusterId(), "AZ-OTHER");
            // the other workspace's administrator knows this password of bernd's there
            new UserService(f.workspace()).setPassword(f.admin(), TestWorkspaces.SUPERVISOR, KNOWN.toCharArray());
        });
        assertThat(here.count("SELECT count(*) FROM decisions WHERE id = " + decisionHere)).isEqualTo(1);
    }

    @AfterEach
    void drop() {
        here.close();
        other.close();
    }

    /** SQL on this workspace with the other one attached as {@code b}, the table's triggers dropped. */
    private void copy(String table, String... statements) throws SQLException {
        String[] all = new String[statements.length + 1];
        all[0] = "ATTACH DATABASE '" + dir.resolve("b").resolve("ws.grw") + "' AS b";
        System.arraycopy(statements, 0, all, 1, statements.length);
        here.attack(table, all);
    }

    private String one(String sql) throws SQLException {
        try (Connection c = here.store().raw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void named(String... what) {
        JournalVerifier.Result r = here.verify();
        assertThat(r.ok()).as(r.describe()).isFalse();
        assertThat(r.describe()).contains(what);
    }

    @Test
    void thePasswordHashOfTheSameAccountInAnotherWorkspaceIsNamed() throws SQLException {
        String before = one("SELECT hex(hash) FROM users WHERE name = 'bernd'");
        copy("users", "UPDATE users SET salt = (SELECT salt FROM b.users WHERE name = 'bernd'), hash = (SELECT hash "
                + "FROM b.users WHERE name = 'bernd'), iterations = (SELECT iterations FROM b.users WHERE name = "
                + "'bernd') WHERE name = 'bernd'");
        assertThat(one("SELECT hex(hash) FROM users WHERE name = 'bernd'")).isNotEqualTo(before)
                .isEqualTo(oneOther("SELECT hex(hash) FROM users WHERE name = 'bernd'"));
        named("table users differs", "users row [name=bernd] changed");
    }

    @Test
    void aDecisionWithTheSameIdFromAnotherWorkspaceIsNamed() throws SQLException {
        copy("decisions", "DELETE FROM decisions WHERE id = " + decisionHere,
                "INSERT INTO decisions SELECT * FROM b.decisions WHERE id = " + decisionHere);
        named("table decisions differs", "decisions row [id=" + decisionHere + "] changed");
    }

    @Test
    void goldenValuesOfAnotherWorkspaceAreNamed() throws SQLException {
        String golden = oneOther("SELECT golden_id FROM golden_values WHERE decision_id = " + decisionHere
                + " AND field = 'family_name'");
        assertThat(oneOther("SELECT value FROM golden_values WHERE decision_id = " + decisionHere + " AND field = "
                + "'family_name'")).isNotEqualTo(one("SELECT value FROM golden_values WHERE decision_id = "
                + decisionHere + " AND field = 'family_name'"));
        copy("golden_values", "DELETE FROM golden_values",
                "INSERT INTO golden_values SELECT * FROM b.golden_values");
        // the same keys (the first merge of each, G-000001, decision 1) with the other person's values
        named("table golden_values differs", "[golden_id=" + golden + ", field=family_name, decision_id="
                + decisionHere + "] changed");
    }

    @Test
    void anAccessLogEntryOfAnotherWorkspaceIsNamedAsInserted() throws SQLException {
        long max = here.count("SELECT max(id) FROM access_log");
        assertThat(other.count("SELECT max(id) FROM access_log")).isGreaterThan(max);
        copy("access_log", "INSERT INTO access_log SELECT * FROM b.access_log WHERE id = " + (max + 1));
        named("table access_log differs", "access_log row [id=" + (max + 1) + "] inserted");
    }

    private String oneOther(String sql) throws SQLException {
        try (Connection c = other.store().raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
