package de.grw.importing.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnTarget;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceRecord;
import de.grw.importing.read.DetectedFormat;
import de.grw.importing.read.RowSink;
import de.grw.importing.read.TablePreview;
import de.grw.profile.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SQLite tables and queries like files: types as text, mapping, preview, streaming, clear failures. */
class SqliteReaderTest {
    @TempDir
    Path dir;

    private Path db;
    private String url;

    @BeforeEach
    void createDatabase() throws Exception {
        db = dir.resolve("register.db");
        url = "jdbc:sqlite:" + db;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE personen (Ordnungsmerkmal INTEGER PRIMARY KEY, Familienname TEXT, "
                    + "Vornamen TEXT, Geburtsdatum DATE, Gewicht REAL, Groesse REAL, Wohnort TEXT, Foto BLOB)");
            s.execute("INSERT INTO personen VALUES (1, 'Müller', 'Hans-Peter', '1971-04-03', 81.5, 180.0, "
                    + "'Berlin', x'00ff')");
            s.execute("INSERT INTO personen VALUES (2, 'Schmidt', 'Anna', '1985-08-17', 64.0, NULL, 'München', "
                    + "NULL)");
            s.execute("INSERT INTO personen VALUES (3, 'Przybyszewski', NULL, NULL, 1e-7, 2e20, '', NULL)");
        }
    }

    @Test
    void aTableIsReadWithItsTypesAsText() {
        Rows rows = new Rows();
        DetectedFormat format = new DatabaseReader().read(DatabaseSource.ofTable(url, null, null, "personen"), rows,
                null, null);

        assertThat(format.describe()).isEqualTo("SQLite table personen");
        assertThat(rows.header).containsExactly("Ordnungsmerkmal", "Familienname", "Vornamen", "Geburtsdatum",
                "Gewicht", "Groesse", "Wohnort", "Foto");
        assertThat(rows.rows).hasSize(3);
        assertThat(rows.rows.get(0)).containsExactly("1", "Müller", "Hans-Peter", "1971-04-03", "81.5", "180",
                "Berlin", null);
        assertThat(rows.column("Gewicht")).containsExactly("81.5", "64", "0.0000001");
        assertThat(rows.column("Groesse")).containsExactly("180", null, "200000000000000000000");
        assertThat(rows.column("Vornamen")).containsExactly("Hans-Peter", "Anna", null);
        assertThat(rows.column("Wohnort")).containsExactly("Berlin", "München", "");
        // the BLOB column is announced once and left empty, not a crash and not one problem per row
        assertThat(rows.unreadable).singleElement().asString().startsWith("0/7: column \"Foto\" has the type BLOB")
                .contains("cannot be read as text");
    }

    @Test
    void aQueryIsReadWithItsLabelsAndOrder() {
        Rows rows = new Rows();
        DetectedFormat format = new DatabaseReader().read(DatabaseSource.ofQuery(url, null, null,
                "-- the adults\nSELECT Familienname AS Nachname, Ordnungsmerkmal * 2 AS doppelt, 1.0 / 4 AS viertel,"
                        + " NULL AS leer FROM personen WHERE Ordnungsmerkmal < 3 ORDER BY Ordnungsmerkmal DESC;"),
                rows, null, null);

        assertThat(format.describe()).isEqualTo("SQLite query");
        assertThat(rows.header).containsExactly("Nachname", "doppelt", "viertel", "leer");
        assertThat(rows.rows).containsExactly(Arrays.asList("Schmidt", "4", "0.25", null),
                Arrays.asList("Müller", "2", "0.25", null));
    }

    @Test
    void germanColumnNamesMapAsInFilesAndTheImportCarriesADigest() {
        List<SourceRecord> records = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        SourceImporter importer = new SourceImporter(ProfileLoader.defaultProfile());
        ImportedSource imported = importer.importDatabase(DatabaseSource.ofTable(url, null, null, "personen"),
                "personen", new ImportListener() {
                    @Override
                    public void record(SourceRecord record) {
                        records.add(record);
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                        problems.add(problem);
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);

        assertThat(imported.mapping().targets()).contains(new ColumnTarget.Field("family_name"),
                new ColumnTarget.Field("given_names"), new ColumnTarget.Field("birth_date"),
                new ColumnTarget.Field("city"), new ColumnTarget.Field("record_id"));
        assertThat(records).hasSize(3);
        assertThat(records.get(0).recordId()).isEqualTo("1");
        int birth = ProfileLoader.defaultProfile().fieldIndex("birth_date");
        assertThat(records.get(0).value(birth)).isEqualTo("1971-04-03");
        assertThat(imported.format().describe()).isEqualTo("SQLite table personen");
        assertThat(imported.contentSha256()).hasSize(64);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.INVALID_VALUE);
            assertThat(p.column()).isEqualTo("Foto");
            assertThat(p.describe()).contains("personen", "Foto", "BLOB");
        });

        ImportedSource again = importer.importDatabase(DatabaseSource.ofTable(url, null, null, "personen"),
                "personen", listener(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(again.contentSha256()).isEqualTo(imported.contentSha256());
        ImportedSource other = importer.importDatabase(DatabaseSource.ofQuery(url, null, null,
                "SELECT * FROM personen WHERE Ordnungsmerkmal < 3"), "q", listener(), ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(other.contentSha256()).isNotEqualTo(imported.contentSha256());
    }

    @Test
    void aPreviewShowsTheFirstRowsAndWhetherThereAreMore() {
        TablePreview preview = new DatabaseReader().preview(DatabaseSource.ofTable(url, null, null, "PERSONEN"), 2);
        assertThat(preview.format().describe()).isEqualTo("SQLite table personen");
        assertThat(preview.header()).hasSize(8);
        assertThat(preview.rows()).hasSize(2);
        assertThat(preview.more()).isTrue();
        assertThat(new DatabaseReader().preview(DatabaseSource.ofTable(url, null, null, "personen"), 3).more())
                .isFalse();
        assertThat(new DatabaseReader().tables(url, null, null)).containsExactly("personen");
    }

    @Test
    void aBlobValueInATextColumnIsAProblemOfThatRowAndColumnAndTooLongCellsRejectTheRow() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gemischt (id INTEGER, name TEXT)");
            s.execute("INSERT INTO gemischt VALUES (1, 'Anna'), (2, x'cafe'), (3, 'Bernhard')");
        }
        Rows rows = new Rows();
        new DatabaseReader(5).read(DatabaseSource.ofTable(url, null, null, "gemischt"), rows, null, null);
        assertThat(rows.rows).containsExactly(List.of("1", "Anna"), Arrays.asList("2", null));
        assertThat(rows.unreadable).singleElement().asString()
                .isEqualTo("2/1: the value of column \"name\" (TEXT) cannot be read as text: binary data (BLOB)");
        assertThat(rows.rejected).containsExactly("3: column \"name\" is longer than 5 characters");
    }

    @Test
    void onlyOneReadingStatementIsAllowedAndTheFileStaysUnchanged() throws Exception {
        DatabaseReader reader = new DatabaseReader();
        RowSink ignore = new Rows();
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofQuery(url, null, null, "DELETE FROM personen"), ignore,
                null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("must be a single SELECT statement").hasMessageContaining("DELETE");
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofQuery(url, null, null,
                "SELECT 1; DROP TABLE personen"), ignore, null, null))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofQuery(url, null, null,
                "WITH x AS (SELECT 1) DELETE FROM personen"), ignore, null, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("only read");
        Rows rows = new Rows();
        reader.read(DatabaseSource.ofTable(url, null, null, "personen"), rows, null, null);
        assertThat(rows.rows).hasSize(3);
    }

    @Test
    void missingTablesFilesAndBrokenQueriesAreNamedClearly() throws Exception {
        DatabaseReader reader = new DatabaseReader();
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable(url, null, null, "kunden"), new Rows(), null,
                null)).isInstanceOf(UserFacingException.class)
                .hasMessage(url + ": table 'kunden' not found (tables there: personen)");
        Path missing = dir.resolve("fehlt.db");
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable("jdbc:sqlite:" + missing, null, null, "x"),
                new Rows(), null, null)).hasMessageContaining("the database file " + missing + " does not exist");
        assertThat(missing).doesNotExist();
        Path text = Files.writeString(dir.resolve("notiz.db"), "kein SQLite, nur Text ".repeat(100));
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable("jdbc:sqlite:" + text, null, null, "x"),
                new Rows(), null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("not a SQLite database");
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofQuery(url, null, null, "SELECT nix FROM personen"),
                new Rows(), null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("column not found").hasMessageContaining("nix");
        assertThatThrownBy(() -> reader.read(DatabaseSource.ofTable("jdbc:oracle:thin:@host:1521:x", "u",
                "geheim".toCharArray(), "x"), new Rows(), null, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no database driver for this URL");
    }

    @Test
    void twoHundredThousandRowsStreamWithoutBeingHeld() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE gross (id INTEGER, text TEXT)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gross VALUES (?, ?)")) {
                String filler = "x".repeat(1_000);
                for (int i = 1; i <= 200_000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, filler + i);
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
        }
        HeapWatch watch = new HeapWatch(150_000);
        new DatabaseReader().read(DatabaseSource.ofTable(url, null, null, "gross").withFetchSize(1_000), watch,
                null, null);
        assertThat(watch.count).isEqualTo(200_000);
        // 200,000 rows of 1 KB are 200 MB of text; a streaming read holds a few fetches at a time
        assertThat(watch.growth()).as("heap growth while reading").isLessThan(64L << 20);
    }

    private static ImportListener listener() {
        return new ImportListener() {
            @Override
            public void record(SourceRecord record) {
            }

            @Override
            public void problem(ImportProblem problem) {
            }
        };
    }
}
