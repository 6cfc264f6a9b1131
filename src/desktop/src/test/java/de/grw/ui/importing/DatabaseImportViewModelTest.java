package de.grw.ui.importing;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.UiTestSupport;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import view model reading a database (SQLite here; PostgreSQL is the engine's tests' business). */
class DatabaseImportViewModelTest {
    @TempDir
    Path dir;
    private WorkbenchModel model;
    private UiTestSupport.Recorded recorded;
    private ImportViewModel vm;
    private String url;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() throws Exception {
        model = UiTestSupport.signedInModel(dir);
        recorded = new UiTestSupport.Recorded();
        vm = new ImportViewModel(UiTestSupport.context(model, recorded));
        Path db = dir.resolve("meldewesen.db");
        url = "jdbc:sqlite:" + db;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE personen (kennung INTEGER PRIMARY KEY, familienname TEXT, vorname TEXT, "
                    + "geburtsdatum DATE, plz TEXT, wohnort TEXT)");
            s.execute("INSERT INTO personen VALUES (1, 'Müller', 'Hans', '1971-04-03', '10115', 'Berlin'), "
                    + "(2, 'Mueller', 'Hans', '1971-04-03', '10115', 'Berlin'), "
                    + "(3, 'Schmidt', 'Anna', '1985-02-30', 'unbekannt', 'Köln')");
            s.execute("CREATE VIEW berliner AS SELECT * FROM personen WHERE wohnort = 'Berlin'");
        }
        onFx(() -> {
            vm.refresh();
            vm.fromDatabaseProperty().set(true);
            vm.database().urlProperty().set(url);
        });
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @Test
    void aTableIsPreviewedMappedProfiledAndImported() {
        onFx(() -> {
            vm.database().tableProperty().set("personen");
            vm.loadPreview();
        });
        assertThat(recorded.errors).isEmpty();
        assertThat(vm.columns()).as(vm.messageProperty().get()).hasSize(6);
        assertThat(vm.formatTextProperty().get()).isEqualTo("Datenbank · SQLite-Tabelle personen");
        assertThat(vm.sourceNameProperty().get()).isEqualTo("personen");
        assertThat(vm.previewRows()).hasSize(3);
        assertThat(vm.previewRows().get(0)).containsExactly("1", "Müller", "Hans", "1971-04-03", "10115", "Berlin");
        assertThat(vm.column("familienname").target().code()).isEqualTo("family_name");
        assertThat(vm.column("geburtsdatum").target().code()).isEqualTo("birth_date");
        assertThat(vm.column("geburtsdatum").quality().invalid()).isEqualTo(1);
        assertThat(vm.column("plz").quality().invalid()).isEqualTo(1);

        onFx(vm::runImport);
        assertThat(recorded.errors).isEmpty();
        ImportViewModel.Outcome outcome = vm.outcomeProperty().get();
        assertThat(outcome).as(vm.messageProperty().get()).isNotNull();
        assertThat(outcome.result().source()).isEqualTo("personen");
        assertThat(outcome.result().imported().recordsImported()).isEqualTo(3);
        assertThat(vm.problems()).anyMatch(p -> p.contains("geburtsdatum"));
        String storedFrom = UiTestSupport.read(model, c -> {
            try (var st = c.createStatement();
                 var rs = st.executeQuery("SELECT file_name FROM sources WHERE name = 'personen'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(storedFrom).contains("jdbc:sqlite:").contains("personen");
    }

    @Test
    void aReadOnlyQueryIsASourceToo() {
        onFx(() -> {
            vm.database().byQueryProperty().set(true);
            vm.database().queryProperty().set("SELECT familienname, vorname FROM personen WHERE kennung < 3");
            vm.loadPreview();
        });
        assertThat(vm.columns()).as(vm.messageProperty().get()).hasSize(2);
        assertThat(vm.formatTextProperty().get()).isEqualTo("Datenbank · SQLite-Abfrage");
        assertThat(vm.sourceNameProperty().get()).isEqualTo("abfrage");
        assertThat(vm.previewRows()).hasSize(2);

        onFx(() -> {
            vm.database().queryProperty().set("DELETE FROM personen");
            vm.loadPreview();
        });
        assertThat(vm.columns()).isEmpty();
        assertThat(vm.messageProperty().get()).isNotBlank().doesNotContain("Exception");
        assertThat(recorded.errors).isEmpty();
    }

    @Test
    void missingTablesAndWrongUrlsAreMessagesNotErrors() {
        onFx(() -> {
            vm.database().tableProperty().set("gibt_es_nicht");
            vm.loadPreview();
        });
        assertThat(vm.messageProperty().get()).contains("gibt_es_nicht").contains("personen");
        onFx(() -> {
            vm.database().urlProperty().set("sqlite:/daten/register.db");
            vm.loadPreview();
        });
        assertThat(vm.messageProperty().get()).contains("keine JDBC-URL");
        onFx(() -> {
            vm.database().urlProperty().set(url);
            vm.database().tableProperty().set("");
            vm.loadPreview();
        });
        assertThat(vm.messageProperty().get()).isEqualTo("Bitte eine Tabelle angeben (oder „Tabellen anzeigen“).");
        assertThat(vm.columns()).isEmpty();
        assertThat(recorded.errors).isEmpty();
    }

    @Test
    void tablesAreListedAndAConnectionIsSavedWithoutItsPassword() throws Exception {
        onFx(vm::listTables);
        assertThat(vm.database().tables()).contains("personen", "berliner");
        assertThat(vm.messageProperty().get()).isEqualTo("2 Tabellen gefunden.");

        onFx(() -> {
            vm.database().tableProperty().set("berliner");
            vm.database().userProperty().set("leser");
            vm.database().passwordProperty().set("Geheim-Kennwort-42");
            vm.database().connectionNameProperty().set("Meldewesen");
            vm.saveConnection();
        });
        assertThat(vm.messageProperty().get()).contains("Meldewesen").contains("gespeichert");
        String saved = Files.readString(UserSettings.home().resolve("connections.json"));
        assertThat(saved).contains("berliner").contains("leser").doesNotContain("Geheim-Kennwort-42");

        ImportViewModel other = new ImportViewModel(UiTestSupport.context(model, recorded));
        assertThat(other.database().savedConnections()).contains("Meldewesen");
        onFx(() -> other.useConnection("Meldewesen"));
        assertThat(other.database().urlProperty().get()).isEqualTo(url);
        assertThat(other.database().tableProperty().get()).isEqualTo("berliner");
        assertThat(other.database().userProperty().get()).isEqualTo("leser");
        assertThat(other.database().passwordProperty().get()).isEmpty();
    }
}
