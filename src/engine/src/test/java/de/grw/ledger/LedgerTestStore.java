package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tampering tests' store with its ledger: a test workspace (SQLite or PostgreSQL) whose ledger lives in
 * {@code ledger-home} of the test's directory; opened as the workbench opens it with {@code GRW_LEDGER_HOME} set,
 * verified as the administrator, attacked with SQL as the store's owner (its triggers dropped first, or kept).
 */
final class LedgerTestStore implements AutoCloseable {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private final StoreKind kind;
    private final Path home;
    private final TestStore at;

    private LedgerTestStore(StoreKind kind, Path home, TestStore at) {
        this.kind = kind;
        this.home = home;
        this.at = at;
    }

    /**
     * Opens a fresh test workspace in {@code dir}, attaches a new ledger (the workspace enrols) and hands it to
     * {@code prepare} for the writes every test starts from; closes it.
     */
    static LedgerTestStore prepare(StoreKind kind, Path dir, java.util.function.Consumer<TestWorkspaces.Fixture> prepare) {
        return prepare(kind, dir, dir.resolve("ledger-home"), prepare);
    }

    /** As above, with the ledger in {@code home} (an office's ledger home holds the anchors of several workspaces). */
    static LedgerTestStore prepare(StoreKind kind, Path dir, Path home,
                                   java.util.function.Consumer<TestWorkspaces.Fixture> prepare) {
        TestWorkspaces.Fixture f = TestWorkspaces.open(kind, dir);
        try {
            Ledger.attach(f.workspace(), home);
            prepare.accept(f);
        } finally {
            f.workspace().close();
        }
        LedgerTestStore s = new LedgerTestStore(kind, home, f.store());
        JournalVerifier.Result r = s.verify();
        assertThat(r.ok()).as(r.describe()).isTrue();
        return s;
    }

    StoreKind kind() {
        return kind;
    }

    Path home() {
        return home;
    }

    TestStore store() {
        return at;
    }

    /** Opens the workspace with its ledger, as the workbench does with GRW_LEDGER_HOME set. */
    Workspace openWithLedger() {
        Workspace w = at.open();
        Ledger.attach(w, home);
        return w;
    }

    /** The store's fixture (sessions, services) on an open workspace. */
    TestWorkspaces.Fixture fixture(Workspace w) {
        return TestWorkspaces.fixture(w, at);
    }

    /** {@code verify} as the administrator, with the ledger. */
    JournalVerifier.Result verify() {
        try (Workspace w = openWithLedger()) {
            Session admin = new UserService(w).login(TestWorkspaces.ADMIN,
                    TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            return new JournalService(w).verify(admin);
        }
    }

    /** Verify fails naming {@code what}. */
    void verifyNames(String what) {
        JournalVerifier.Result r = verify();
        assertThat(r.ok()).as(r.describe()).isFalse();
        assertThat(r.describe()).contains(what);
    }

    /** A clerk proposes to merge all members of the cluster; returns the decision's id. */
    static long merge(ReviewService review, Session clerk, long cluster) {
        List<Long> ids = review.show(clerk, cluster, "AZ-1").members().stream().map(MemberRecord::id).toList();
        return review.propose(clerk, cluster, new MergeCommand(ids, Map.of()), "dieselbe Person", "AZ-1").id();
    }

    /** SQL as the store's owner on a connection of its own, the ledger's triggers left in place. */
    void sql(String... statements) throws SQLException {
        try (Connection c = at.raw(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** SQL as the store's owner, the table's triggers (the ledger's change log among them) dropped first. */
    void attack(String table, String... statements) throws SQLException {
        try (Connection c = at.raw(); Statement s = c.createStatement()) {
            for (String trigger : triggers(c, table)) {
                s.execute("DROP TRIGGER " + trigger + (kind == StoreKind.POSTGRESQL ? " ON " + table : ""));
            }
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private List<String> triggers(Connection c, String table) throws SQLException {
        String q = kind == StoreKind.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?"
                : "SELECT t.tgname FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid WHERE k.relname = ? "
                + "AND k.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The number of rows the query counts, on a connection of its own. */
    long count(String sql) {
        try (Connection c = at.raw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        at.close();
    }
}
