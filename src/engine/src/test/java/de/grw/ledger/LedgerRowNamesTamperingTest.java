package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.workspace.TestWorkspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code verify} names the row, not only the table, of every sealed table changed past the workbench (issue 14):
 * the checkpoints keep a keyed hash per row ({@link RowKeys}), replayed by {@link RowNames}. A cell updated, a row
 * deleted or inserted, two rows' values swapped, a password hash recomputed — each is named by table and key, and
 * only by key (no personal value in the message nor in the anchor); the untampered store verifies clean after writes
 * kept row by row over many checkpoints, a revert among them.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
@ParameterizedClass
@EnumSource(StoreKind.class)
class LedgerRowNamesTamperingTest {
    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private LedgerTestStore at;
    private long approved;
    private long reverted;
    private List<Long> open;

    @BeforeEach
    void prepare() {
        at = LedgerTestStore.prepare(store, dir, f -> {
            ReviewService review = f.review();
            List<QueueEntry> queue = review.queue(f.clerk(), null, 8);
            approved = LedgerTestStore.merge(review, f.clerk(), queue.get(0).clusterId());
            review.approve(f.supervisor(), approved, "agreed");
            reverted = LedgerTestStore.merge(review, f.clerk(), queue.get(1).clusterId());
            review.approve(f.supervisor(), reverted, "agreed");
            review.revert(f.supervisor2(), reverted, "doch nicht", "AZ-2");
            open = queue.subList(2, queue.size()).stream().map(QueueEntry::clusterId).toList();
        });
        // a few more writes in one process: keyed row hashes kept in memory, each checkpoint the changed rows only
        try (Workspace w = at.openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            for (int i = 0; i < 3; i++) {
                f.review().show(f.clerk(), open.get(i), "AZ-5");
                f.review().propose(f.clerk(), open.get(i), new DeferCommand(), "Rückfrage", "AZ-9");
            }
        }
        JournalVerifier.Result r = at.verify();
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @AfterEach
    void drop() {
        at.close();
    }

    /** The first value of the approved merge's golden record: golden_id and field. */
    private String[] firstValue() throws SQLException {
        return row("SELECT golden_id, field FROM golden_values WHERE decision_id = " + approved
                + " AND value IS NOT NULL ORDER BY field LIMIT 1");
    }

    private String[] row(String sql) throws SQLException {
        try (Connection c = at.store().raw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getString(i));
            }
            return out.toArray(String[]::new);
        }
    }

    @Test
    void theAnchorKeepsKeyedRowHashesButNoPersonalValue() throws SQLException, IOException {
        String anchor = Files.readString(Files.list(at.home().resolve("anchors")).findFirst().orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(anchor).contains("\"row_keys\"").contains(RowKeys.SCHEME);
        String[] v = firstValue();
        String value = row("SELECT value FROM golden_values WHERE golden_id = '" + v[0] + "' AND field = '" + v[1]
                + "' AND decision_id = " + approved)[0];
        assertThat(value).hasSizeGreaterThan(2);
        assertThat(anchor).doesNotContain(value);
        assertThat(anchor).contains("golden_id=" + v[0] + ", field=" + v[1] + ", decision_id=" + approved);
    }

    @Test
    void aCellUpdatedIsNamedByTableAndRowWithoutItsValue() throws SQLException {
        String[] v = firstValue();
        at.attack("golden_values", "UPDATE golden_values SET value = 'Falschname' WHERE golden_id = '" + v[0]
                + "' AND field = '" + v[1] + "' AND decision_id = " + approved);
        JournalVerifier.Result r = at.verify();
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).contains("table golden_values differs")
                .contains("golden_values row [golden_id=" + v[0] + ", field=" + v[1] + ", decision_id=" + approved
                        + "] changed")
                .doesNotContain("Falschname");
    }

    @Test
    void aRowDeletedIsNamed() throws SQLException {
        String[] m = row("SELECT golden_id, record_id FROM golden_members WHERE added_by = " + approved
                + " ORDER BY record_id LIMIT 1");
        at.attack("golden_members", "DELETE FROM golden_members WHERE golden_id = '" + m[0] + "' AND record_id = "
                + m[1]);
        at.verifyNames("golden_members row [golden_id=" + m[0] + ", record_id=" + m[1] + ", added_by=" + approved
                + "] deleted");
    }

    @Test
    void anAccessLogRowDeletedIsNamed() throws SQLException {
        String id = row("SELECT MIN(id) FROM access_log")[0];
        at.attack("access_log_records", "DELETE FROM access_log_records WHERE access_id = " + id);
        at.attack("access_log", "DELETE FROM access_log WHERE id = " + id);
        at.verifyNames("access_log row [id=" + id + "] deleted");
        at.verifyNames("access_log_records row");
    }

    @Test
    void aRowInsertedIsNamed() throws SQLException {
        at.attack("users", "INSERT INTO users (name, role, salt, hash, iterations, created_at, disabled) SELECT "
                + "'mallory', role, salt, hash, iterations, created_at, 0 FROM users WHERE name = '"
                + TestWorkspaces.ADMIN + "'");
        at.verifyNames("users row [name=mallory] inserted");
    }

    @Test
    void twoRowsValuesSwappedAreBothNamed() throws SQLException {
        String[] a = row("SELECT golden_id, field FROM golden_values WHERE decision_id = " + approved
                + " AND value IS NOT NULL ORDER BY field LIMIT 1");
        String[] b = row("SELECT golden_id, field FROM golden_values WHERE decision_id = " + approved
                + " AND value IS NOT NULL ORDER BY field DESC LIMIT 1");
        assertThat(b[1]).isNotEqualTo(a[1]);
        String where = " WHERE decision_id = " + approved + " AND field = '";
        String va = row("SELECT value FROM golden_values" + where + a[1] + "'")[0].replace("'", "''");
        String vb = row("SELECT value FROM golden_values" + where + b[1] + "'")[0].replace("'", "''");
        at.attack("golden_values", "UPDATE golden_values SET value = '" + vb + "'" + where + a[1] + "'",
                "UPDATE golden_values SET value = '" + va + "'" + where + b[1] + "'");
        JournalVerifier.Result r = at.verify();
        assertThat(r.ok()).isFalse();
        assertThat(r.describe())
                .contains("[golden_id=" + a[0] + ", field=" + a[1] + ", decision_id=" + approved + "] changed")
                .contains("[golden_id=" + b[0] + ", field=" + b[1] + ", decision_id=" + approved + "] changed");
    }

    @Test
    void aPasswordHashRecomputedIsNamed() throws SQLException {
        // the clerk's password made the administrator's: salt, hash and iterations copied, a valid hash
        at.attack("users", "UPDATE users SET salt = (SELECT salt FROM users WHERE name = '" + TestWorkspaces.ADMIN
                + "'), hash = (SELECT hash FROM users WHERE name = '" + TestWorkspaces.ADMIN + "'), iterations = "
                + "(SELECT iterations FROM users WHERE name = '" + TestWorkspaces.ADMIN + "') WHERE name = '"
                + TestWorkspaces.CLERK + "'");
        at.verifyNames("users row [name=" + TestWorkspaces.CLERK + "] changed");
    }

    @Test
    void aSettingChangedAndADecisionRowAreNamed() throws SQLException {
        String key = row("SELECT MIN(key) FROM settings WHERE key <> 'ledger.id'")[0];
        at.attack("settings", "UPDATE settings SET value = value || 'x' WHERE key = '" + key + "'");
        at.verifyNames("settings row [key=" + key + "] changed");
    }

    @Test
    void keptPatternCountsChangedAreNamed() throws SQLException {
        // schema 20: the counts training estimates from are sealed too
        String id = row("SELECT MAX(id) FROM kept_patterns")[0];
        assertThat(id).isNotNull();
        at.attack("kept_patterns", "UPDATE kept_patterns SET total_pairs = total_pairs * 2 WHERE id = " + id);
        at.verifyNames("kept_patterns row [id=" + id + "] changed");
    }

    @Test
    void aRevertedMergesValuesTouchedAreNamed() throws SQLException {
        // the reverted merge's values were superseded through the workbench; clearing that is named by row
        String[] v = row("SELECT golden_id, field FROM golden_values WHERE decision_id = " + reverted
                + " ORDER BY field LIMIT 1");
        at.attack("golden_values", "UPDATE golden_values SET superseded_by = NULL WHERE decision_id = " + reverted
                + " AND golden_id = '" + v[0] + "' AND field = '" + v[1] + "'");
        at.verifyNames("golden_values row [golden_id=" + v[0] + ", field=" + v[1] + ", decision_id=" + reverted
                + "] changed");
    }

    @Test
    void aLedgerBegunWithoutRowKeysKeepsEveryRowAtItsNextWriteAndThenNamesRows() throws SQLException, IOException {
        long[] merged = new long[1];
        Files.createDirectories(dir.resolve("old"));
        System.setProperty(Ledger.WITHOUT_ROW_KEYS_PROPERTY, "true");
        LedgerTestStore old;
        try {
            old = LedgerTestStore.prepare(store, dir.resolve("old"), f -> {
                List<QueueEntry> queue = f.review().queue(f.clerk(), null, 2);
                merged[0] = LedgerTestStore.merge(f.review(), f.clerk(), queue.get(0).clusterId());
                f.review().approve(f.supervisor(), merged[0], "agreed");
            });
        } finally {
            System.clearProperty(Ledger.WITHOUT_ROW_KEYS_PROPERTY);
        }
        try (old) {
            Path anchor = Files.list(old.home().resolve("anchors")).findFirst().orElseThrow();
            assertThat(Files.readString(anchor, StandardCharsets.UTF_8)).doesNotContain("row_keys");
            try (Workspace w = old.openWithLedger()) {
                TestWorkspaces.Fixture f = old.fixture(w);
                long cluster = f.review().queue(f.clerk(), null, 1).get(0).clusterId();
                f.review().propose(f.clerk(), cluster, new DeferCommand(), "Rückfrage", "AZ-9");
            }
            assertThat(Files.readString(anchor, StandardCharsets.UTF_8)).contains("row_keys");
            JournalVerifier.Result r = old.verify();
            assertThat(r.ok()).as(r.describe()).isTrue();
            String[] m = row(old, "SELECT golden_id, record_id FROM golden_members WHERE added_by = " + merged[0]
                    + " ORDER BY record_id LIMIT 1");
            old.attack("golden_members", "UPDATE golden_members SET removed_by = " + merged[0] + " WHERE golden_id = '"
                    + m[0] + "' AND record_id = " + m[1]);
            old.verifyNames("golden_members row [golden_id=" + m[0] + ", record_id=" + m[1] + ", added_by="
                    + merged[0] + "] changed");
        }
    }

    private static String[] row(LedgerTestStore s, String sql) throws SQLException {
        try (Connection c = s.store().raw(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }
}
