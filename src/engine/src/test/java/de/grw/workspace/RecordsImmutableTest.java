package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each record is kept exactly as imported: the database refuses to change or delete it, and the same file cannot be
 * imported twice.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RecordsImmutableTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final Path MELDEREGISTER = Path.of("samples", "melderegister.csv");

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture f;
    private Workspace w;

    @BeforeEach
    void open() {
        f = TestWorkspaces.open(store, dir);
        w = f.workspace();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void recordsAreStoredExactlyAsReadWithTheirSource() throws Exception {
        List<String> lines = Files.readAllLines(MELDEREGISTER, StandardCharsets.UTF_8);
        String[] header = lines.get(0).replace("\uFEFF", "").split(";", -1);
        String[] first = lines.get(1).replace("\r", "").split(";", -1);
        ObjectMapper json = new ObjectMapper();
        List<Object> row = TestWorkspaces.rows(w, "SELECT r.cells_json, s.columns_json, r.line, r.record_key FROM "
                + "records r JOIN sources s ON s.id = r.source_id WHERE s.name = 'melderegister' ORDER BY r.id LIMIT 1")
                .get(0);
        assertThat(json.readValue((String) row.get(0), String[].class)).containsExactly(first);
        assertThat(json.readValue((String) row.get(1), String[].class)).containsExactly(header);
        assertThat(((Number) row.get(2)).intValue()).isEqualTo(2);
        assertThat(row.get(3)).isEqualTo(first[0]);
        List<Object> source = TestWorkspaces.rows(w, "SELECT file_name, sha256, imported_by, rows_read, mapping_json "
                + "FROM sources WHERE name = 'melderegister'").get(0);
        assertThat(source.subList(0, 4)).containsExactly("melderegister.csv", WorkspaceImporter.sha256(MELDEREGISTER),
                TestWorkspaces.ADMIN, lines.size() - 1);
        assertThat((String) source.get(4)).contains("Familienname");
    }

    private void assertRefused(ThrowingCallable call, String message) {
        List<List<Object>> records = TestWorkspaces.rows(w, "SELECT * FROM records ORDER BY id");
        assertThatThrownBy(call).isInstanceOf(UserFacingException.class).hasMessageContaining(message);
        assertThat(TestWorkspaces.rows(w, "SELECT * FROM records ORDER BY id")).isEqualTo(records);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecords() throws SQLException {
        assertRefused(() -> w.write(c -> c.createStatement().executeUpdate("UPDATE records SET cells_json = '[]' "
                + "WHERE id = 1")), "records are kept exactly as imported and cannot be changed");
        assertRefused(() -> w.write(c -> c.createStatement().executeUpdate("UPDATE records SET blocked = 1")),
                "records are kept exactly as imported and cannot be changed");
        assertRefused(() -> w.write(c -> c.createStatement().executeUpdate("DELETE FROM records WHERE id = 1")),
                "records cannot be deleted");
        w.close();
        // past the engine, as the owner of the file or of the database
        try (Connection c = f.store().raw(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE records SET normalised_json = '[]'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be changed");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM records"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("records cannot be deleted");
        }
        f = TestWorkspaces.fixture(f.store().open(), f.store());
        w = f.workspace();
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM records")).isEqualTo(600);
    }

    @Test
    void theSameFileCannotBeImportedTwice() throws Exception {
        long sources = TestWorkspaces.count(w, "SELECT count(*) FROM sources");
        long records = TestWorkspaces.count(w, "SELECT count(*) FROM records");
        long journal = TestWorkspaces.count(w, "SELECT count(*) FROM journal");
        assertThatThrownBy(() -> TestWorkspaces.importFile(w, f.admin(), MELDEREGISTER, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(MELDEREGISTER + ": this file was imported already, as source 'melderegister'");
        // also under another file name and source name: the content decides
        Path copy = dir.resolve("meldedaten_2026.csv");
        Files.copy(MELDEREGISTER, copy);
        assertThatThrownBy(() -> TestWorkspaces.importFile(w, f.admin(), copy, "meldedaten"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(copy + ": this file was imported already, as source 'melderegister'");
        // a different file under a name in use
        Path other = dir.resolve("other.csv");
        List<String> lines = Files.readAllLines(MELDEREGISTER, StandardCharsets.UTF_8);
        Files.write(other, lines.subList(0, 3), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TestWorkspaces.importFile(w, f.admin(), other, "sozialamt"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("the workspace has a source named 'sozialamt' already");
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM sources")).isEqualTo(sources);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM records")).isEqualTo(records);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal")).isEqualTo(journal);
    }
}
