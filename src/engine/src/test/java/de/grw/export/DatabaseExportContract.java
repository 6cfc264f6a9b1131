package de.grw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.importing.db.DatabaseReader;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.db.SqlNames;
import de.grw.importing.read.RowSink;
import de.grw.journal.JournalEntry;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export of approved golden records into database tables, run against SQLite and PostgreSQL by the subclasses:
 * create, append, one transaction (nothing arrives when anything fails), hostile names, logging.
 */
abstract class DatabaseExportContract {
    static final String HOSTILE_GOLDEN = "x\"; DROP TABLE personen; --";
    static final String HOSTILE_LINEAGE = "a'b";
    static final String HOSTILE_MEMBERS = "Straße \"alt\"";

    @TempDir
    Path dir;

    TestWorkspaces.Fixture fx;
    int merged;

    abstract String url();

    abstract String user();

    abstract char[] password();

    abstract Connection connect() throws SQLException;

    /** Two table names that the database takes for the same table, though they differ as texts. */
    abstract List<String> collidingNames();

    /** Drops the tables a test made, so that the next test starts from an empty database. */
    abstract void dropAll() throws SQLException;

    @BeforeEach
    void approvedGoldenRecords() {
        fx = TestWorkspaces.open(dir);
        List<QueueEntry> queue = fx.review().queue(fx.clerk(), null, 3);
        for (QueueEntry e : queue) {
            List<Long> ids = fx.review().memberIds(fx.clerk(), e.clusterId());
            var proposed = fx.review().propose(fx.clerk(), e.clusterId(), new MergeCommand(ids, Map.of()), "same",
                    "AZ-1");
            fx.review().approve(fx.supervisor(), proposed.id(), "ok");
        }
        merged = queue.size();
        assertThat(merged).isEqualTo(3);
    }

    @AfterEach
    void close() throws SQLException {
        fx.close();
        dropAll();
    }

    DatabaseExporter.Target target(String table, String lineage, String members, DatabaseExporter.Mode mode) {
        return new DatabaseExporter.Target(url(), user(), password(), table, lineage, members, mode, true, "AZ-9");
    }

    DatabaseExporter.Result export(DatabaseExporter.Target target) {
        return new DatabaseExporter(fx.workspace()).export(fx.supervisor(), target);
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + SqlNames.quote(table, "\""))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> tableNames() throws SQLException {
        try (Connection c = connect()) {
            return SqlNames.tables(c).stream().map(SqlNames.TableRef::name).toList();
        }
    }

    List<JournalEntry> journal() {
        return fx.workspace().read(de.grw.journal.Journal::all);
    }

    @Test
    void createWritesGoldenRecordsLineageAndMembersAndLogsTheExport() throws Exception {
        int journalBefore = journal().size();
        DatabaseExporter.Result r = export(target("golden", null, null, DatabaseExporter.Mode.CREATE));

        assertThat(r.goldenRecords()).isEqualTo(merged);
        assertThat(r.tables()).hasSize(3);
        assertThat(r.tables().get(0)).endsWith("golden");
        assertThat(count("golden")).isEqualTo(merged);
        assertThat(count("golden_lineage")).isEqualTo(r.rows().get(1).longValue()).isGreaterThan(merged);
        assertThat(count("golden_members")).isEqualTo(r.records());

        Rows golden = read("golden");
        assertThat(golden.header).startsWith("golden_id", "family_name").endsWith("exported_at")
                .doesNotContain("record_id");
        assertThat(golden.rows).extracting(row -> row.get(0)).containsExactly("G-000001", "G-000002", "G-000003");
        Rows lineage = read("golden_lineage");
        assertThat(lineage.header).containsExactly("golden_id", "field", "value", "origin", "origin_source",
                "origin_record_key", "origin_record_id", "decision_id", "exported_at");
        assertThat(lineage.rows).allSatisfy(row -> assertThat(row.get(3)).isIn("RECORD", "MANUAL"));
        assertThat(read("golden_members").header).containsExactly("golden_id", "source", "record_key", "record_id",
                "exported_at");

        List<JournalEntry> entries = journal();
        assertThat(entries).hasSize(journalBefore + 1);
        JournalEntry last = entries.get(entries.size() - 1);
        assertThat(last.action()).isEqualTo("export");
        assertThat(last.payload()).contains("\"format\":\"database\"", "\"mode\":\"create\"", "golden_lineage",
                "\"golden_records\":" + merged);
        if (password().length > 0) {
            assertThat(last.payload()).doesNotContain(new String(password()));
        }
        assertThat(TestWorkspaces.rows(fx.workspace(), "SELECT detail FROM access_log WHERE action = 'EXPORT'"))
                .singleElement().asString().contains("to database table", "golden");
    }

    @Test
    void createRefusesAnExistingTableAndAppendAddsRowsWhereTheColumnsFit() throws Exception {
        export(target("golden", null, null, DatabaseExporter.Mode.CREATE));
        int journalBefore = journal().size();
        assertThatThrownBy(() -> export(target("golden", null, null, DatabaseExporter.Mode.CREATE)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("table ")
                .hasMessageContaining("golden' exists already").hasMessageContaining("--mode append");
        assertThatThrownBy(() -> export(target("nirgends", null, null, DatabaseExporter.Mode.APPEND)))
                .hasMessageContaining("table 'nirgends' does not exist");
        assertThat(journal()).as("refused before anything was logged").hasSize(journalBefore);

        DatabaseExporter.Result again = export(target("golden", null, null, DatabaseExporter.Mode.APPEND));
        assertThat(again.goldenRecords()).isEqualTo(merged);
        assertThat(count("golden")).isEqualTo(2L * merged);
        assertThat(count("golden_members")).isEqualTo(2L * again.records());
        assertThat(read("golden").column("exported_at")).hasSize(2 * merged);

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schmal (golden_id TEXT, family_name TEXT)");
            s.execute("CREATE TABLE schmal_lineage (golden_id TEXT)");
            s.execute("CREATE TABLE schmal_members (golden_id TEXT)");
        }
        int before = journal().size();
        assertThatThrownBy(() -> export(target("schmal", null, null, DatabaseExporter.Mode.APPEND)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("the columns of table").hasMessageContaining("do not fit the export")
                .hasMessageContaining("missing: birth_name, given_names,");
        assertThat(journal()).hasSize(before);
        assertThat(count("schmal")).isZero();
    }

    @Test
    void aFailureInTheMiddleOfAnAppendLeavesEveryTableAsItWas() throws Exception {
        export(target("golden", null, null, DatabaseExporter.Mode.CREATE));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // rows of G-000001 and G-000002 go in first, then the members table refuses the last golden record
            s.execute("CREATE TABLE strikt_members (golden_id TEXT CHECK (golden_id <> 'G-000003'), source TEXT, "
                    + "record_key TEXT, record_id BIGINT, exported_at TEXT)");
        }
        long golden = count("golden");
        long lineage = count("golden_lineage");
        assertThatThrownBy(() -> export(target("golden", null, "strikt_members", DatabaseExporter.Mode.APPEND)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("failed and was rolled back, nothing was written")
                .hasMessageContaining("the export was logged");
        assertThat(count("golden")).isEqualTo(golden);
        assertThat(count("golden_lineage")).isEqualTo(lineage);
        assertThat(count("strikt_members")).isZero();
    }

    @Test
    void aFailureInTheMiddleOfACreateLeavesNoTable() throws Exception {
        List<String> names = collidingNames();
        List<String> before = tableNames();
        assertThatThrownBy(() -> export(target(names.get(0), null, names.get(1), DatabaseExporter.Mode.CREATE)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("failed and was rolled back, nothing was written");
        assertThat(tableNames()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void hostileNamesAreQuotedAndDoNoHarm() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE personen (name TEXT)");
            s.execute("INSERT INTO personen VALUES ('Opfer')");
            s.execute("CREATE TABLE " + SqlNames.quote(HOSTILE_MEMBERS + " quelle", "\"") + " ("
                    + SqlNames.quote(HOSTILE_GOLDEN, "\"") + " TEXT, " + SqlNames.quote(HOSTILE_LINEAGE, "\"")
                    + " TEXT, " + SqlNames.quote("Familienname", "\"") + " TEXT)");
            s.execute("INSERT INTO " + SqlNames.quote(HOSTILE_MEMBERS + " quelle", "\"")
                    + " VALUES ('1; DROP TABLE personen', 'x''y', 'Müller')");
        }
        DatabaseExporter.Result r = export(target(HOSTILE_GOLDEN, HOSTILE_LINEAGE, HOSTILE_MEMBERS,
                DatabaseExporter.Mode.CREATE));
        assertThat(r.rows().get(0)).isEqualTo(merged);
        assertThat(tableNames()).contains(HOSTILE_GOLDEN, HOSTILE_LINEAGE, HOSTILE_MEMBERS, "personen");
        assertThat(count("personen")).isEqualTo(1);
        export(target(HOSTILE_GOLDEN, HOSTILE_LINEAGE, HOSTILE_MEMBERS, DatabaseExporter.Mode.APPEND));
        assertThat(count(HOSTILE_GOLDEN)).isEqualTo(2L * merged);

        // import reads them: tables and columns with hostile names, through the same quoting
        assertThat(read(HOSTILE_GOLDEN).rows).hasSize(2 * merged);
        assertThat(read(HOSTILE_LINEAGE).header).contains("origin");
        Rows source = read(HOSTILE_MEMBERS + " quelle");
        assertThat(source.header).containsExactly(HOSTILE_GOLDEN, HOSTILE_LINEAGE, "Familienname");
        assertThat(source.rows).containsExactly(List.of("1; DROP TABLE personen", "x'y", "Müller"));
        assertThat(count("personen")).isEqualTo(1);
    }

    @Test
    void onlyThoseWithTheRightExportAndTheTargetIsCheckedBeforeLogging() {
        assertThatThrownBy(() -> new DatabaseExporter(fx.workspace()).export(fx.clerk(),
                target("golden", null, null, DatabaseExporter.Mode.CREATE)))
                .isInstanceOf(AccessDeniedException.class);
        int before = journal().size();
        assertThatThrownBy(() -> export(target("golden", "golden", null, DatabaseExporter.Mode.CREATE)))
                .hasMessageContaining("three different names");
        assertThat(journal()).hasSize(before);
    }

    Rows read(String table) {
        Rows rows = new Rows();
        new DatabaseReader().read(DatabaseSource.ofTable(url(), user(), password(), table), rows, null, null);
        return rows;
    }

    /** Collects a table. */
    static final class Rows implements RowSink {
        List<String> header;
        final List<List<String>> rows = new ArrayList<>();

        @Override
        public void header(List<String> columns) {
            header = columns;
        }

        @Override
        public void row(long rowNumber, long line, String[] cells) {
            rows.add(java.util.Arrays.asList(cells));
        }

        @Override
        public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
            throw new AssertionError(reason);
        }

        List<String> column(String name) {
            int i = header.indexOf(name);
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }
}
