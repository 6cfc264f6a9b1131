package de.grw.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the import screen headless: a path typed in, the preview, a changed target, the import. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ImportScreenUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = UiTestSupport.signedInModel(Files.createTempDirectory("grw-import-ui"));
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTypedPathIsPreviewedMappedAndImported(FxRobot robot) throws Exception {
        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-path").write(UiTestSupport.sample("kfz_halter.csv").toString()).type(KeyCode.ENTER);
        TableView<?> mapping = robot.lookup("#import-mapping").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mapping.getItems().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#import-format").queryAs(Label.class).getText())
                .isEqualTo("Text mit Trennzeichen (CSV) · Zeichensatz UTF-8 · Trennzeichen Komma (,)");
        assertThat(robot.lookup("#import-preview").<TableView<?>>query().getItems()).hasSize(20);

        @SuppressWarnings("unchecked")
        ComboBox<TargetOption> ort = robot.lookup("#import-target-7").queryAs(ComboBox.class);
        assertThat(ort.getValue().code()).isEqualTo("city");
        robot.interact(() -> ort.setValue(TargetOption.find(ort.getItems(), "birth_place")));
        ColumnRow row = (ColumnRow) mapping.getItems().get(7);
        assertThat(row.target().code()).isEqualTo("birth_place");
        assertThat(row.reasonProperty().get()).isEqualTo("von Hand gewählt");

        robot.doubleClickOn("#import-source").eraseText(20).write("kfz-maerz");
        robot.clickOn("#import-run");
        Label result = robot.lookup("#import-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        assertThat(result.getText()).isEqualTo("Quelle „kfz-maerz“ eingelesen – Datensätze: 121 · abgewiesene "
                + "Zeilen: 0 · nicht verwendbare Werte: 0");
        assertThat(robot.lookup("#import-problems").<ListView<?>>query().getItems()).isEmpty();
        UiTestSupport.snapshot(robot, "import.png");
        String mappingJson = UiTestSupport.read(model, c -> {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT mapping_json FROM sources WHERE name = 'kfz-maerz'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(mappingJson).contains("\"ort\":\"birth_place\"");
    }

    @Test
    void aDatabaseTableIsChosenFromTheListPreviewedAndImported(FxRobot robot) throws Exception {
        Path db = Files.createTempDirectory("grw-import-db").resolve("register.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("CREATE TABLE halter (nachname TEXT, vorname TEXT, geburtsdatum TEXT, ort TEXT)");
            s.execute("INSERT INTO halter VALUES ('Müller', 'Hans', '03.04.1971', 'Berlin'), "
                    + "('Schulz', 'Eva', '1980-12-01', 'Hamburg')");
        }
        robot.clickOn("#nav-nav-import");
        assertThat(shown(robot.lookup("#import-db-url").query())).isFalse();
        robot.clickOn("#import-database");
        assertThat(shown(robot.lookup("#import-path").query())).isFalse();
        assertThat(shown(robot.lookup("#import-db-url").query())).isTrue();
        robot.clickOn("#import-db-url").write("jdbc:sqlite:" + db);
        robot.clickOn("#import-db-tables");
        @SuppressWarnings("unchecked")
        ComboBox<String> tables = robot.lookup("#import-db-table").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tables.getItems().contains("halter"));
        robot.interact(() -> tables.setValue("halter"));
        robot.clickOn("#import-db-load");
        TableView<?> mapping = robot.lookup("#import-mapping").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mapping.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#import-format").queryAs(Label.class).getText())
                .isEqualTo("Datenbank · SQLite-Tabelle halter");
        robot.clickOn("#import-run");
        Label result = robot.lookup("#import-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        assertThat(result.getText()).startsWith("Quelle „halter“ eingelesen – Datensätze: 2 ");
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
