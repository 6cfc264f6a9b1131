package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ledger's tree heads kept in a table of another database as well as in the anchor file: written as signed,
 * proved at verify; an edited row, and an attacker holding the key and the anchor file who starts the ledger anew
 * over a rewritten store, are found only there.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DatabaseAnchorRepositoryTest {
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private Path home;
    private TestStore at;
    private String central;
    private List<Long> clusters;

    @BeforeEach
    void prepare() {
        home = dir.resolve("ledger-home");
        central = "jdbc:sqlite:" + dir.resolve("central-it.db");
        System.setProperty(DatabaseAnchorRepository.URL_PROPERTY, central);
        System.setProperty(Ledger.TREE_HEAD_PROPERTY, "1");
        TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir);
        at = f.store();
        try {
            Ledger.attach(f.workspace(), home);
            ReviewService review = f.review();
            clusters = review.queue(f.clerk(), null, 4).stream().map(QueueEntry::clusterId).toList();
            review.propose(f.clerk(), clusters.get(0), new DeferCommand(), "Rückfrage", "AZ-1");
        } finally {
            f.workspace().close();
        }
    }

    @AfterEach
    void drop() {
        System.clearProperty(DatabaseAnchorRepository.URL_PROPERTY);
        System.clearProperty(Ledger.TREE_HEAD_PROPERTY);
        at.close();
    }

    private JournalVerifier.Result verify() {
        try (Workspace w = at.open()) {
            Ledger.attach(w, home);
            Session admin = new UserService(w).login(TestWorkspaces.ADMIN,
                    TestWorkspaces.ADMIN_PASSWORD.toCharArray());
            return new JournalService(w).verify(admin);
        }
    }

    private long rows() throws Exception {
        try (Connection c = DriverManager.getConnection(central); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + DatabaseAnchorRepository.TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void treeHeadsAreWrittenToTheDatabaseAndProvedAtVerify() throws Exception {
        assertThat(rows()).isPositive();
        JournalVerifier.Result r = verify();
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.ledger()).contains("tree heads in the database anchor").contains("extended by the journal");
    }

    @Test
    void anEditedRowOfTheDatabaseAnchorIsFound() throws Exception {
        try (Connection c = DriverManager.getConnection(central); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + DatabaseAnchorRepository.TABLE + " SET line = replace(line, '\"size\":', "
                    + "'\"size\":1') WHERE n = (SELECT MAX(n) FROM " + DatabaseAnchorRepository.TABLE + ")");
        }
        JournalVerifier.Result r = verify();
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).contains("database anchor").contains("not signed by the ledger's key");
    }

    @Test
    void aLedgerStartedAnewByTheKeysHolderIsFoundByTheDatabaseAnchor() throws Exception {
        // the holder of the key and the anchor file removes the anchor and the store's ledger id, so that the
        // ledger enrols the store again as it is now: the file alone then proves nothing about the past
        try (var files = Files.list(home.resolve("anchors"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (Connection c = at.raw(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM settings WHERE key = 'ledger.id'");
        }
        System.clearProperty(DatabaseAnchorRepository.URL_PROPERTY);
        try (Workspace w = at.open()) {
            Ledger.attach(w, home); // enrols anew (without the database, as the attacker would)
        }
        System.setProperty(DatabaseAnchorRepository.URL_PROPERTY, central);
        JournalVerifier.Result r = verify();
        assertThat(r.ok()).as(r.describe()).isFalse();
        assertThat(r.describe()).contains("database anchor").contains("the ledger was started anew");
    }

    @Test
    void anUnreachableDatabaseRefusesTheWriteThatWouldWriteATreeHead() {
        System.setProperty(DatabaseAnchorRepository.URL_PROPERTY, "jdbc:sqlite:" + dir.resolve("missing/dir/central.db"));
        try (Workspace w = at.open()) {
            Ledger.attach(w, home);
            TestWorkspaces.Fixture f = TestWorkspaces.fixture(w, at);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.review().propose(f.clerk(), clusters.get(1),
                    new DeferCommand(), "Rückfrage", "AZ-2"))
                    .hasMessageContaining("database anchor");
        }
    }
}
