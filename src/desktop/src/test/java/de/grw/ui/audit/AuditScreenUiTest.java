package de.grw.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.JournalEntry;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The journal on the audit screen in words, with the stored JSON kept beside it. */
@ExtendWith(ApplicationExtension.class)
class AuditScreenUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = UiTestSupport.signedInModel(Files.createTempDirectory("grw-audit-ui"));
        UiTestSupport.importSamples(model.signedIn(), "kfz_halter.csv");
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
    @SuppressWarnings("unchecked")
    void theJournalIsListedInGermanSentencesWithTheJsonBeside(FxRobot robot) throws Exception {
        robot.clickOn("#nav-nav-audit");
        TableView<JournalEntry> journal = robot.lookup("#audit-journal").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> journal.getItems().size() >= 3);
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<JournalEntry, String> event = (TableColumn<JournalEntry, String>) journal.getColumns().stream()
                .filter(c -> "audit-journal-event".equals(c.getId())).findFirst().orElseThrow();
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < journal.getItems().size(); i++) {
            sentences.add(event.getCellData(i));
        }
        assertThat(sentences).anySatisfy(s -> assertThat(s).matches(
                "system legte am \\d\\d\\.\\d\\d\\.\\d{4} um \\d\\d:\\d\\d den Arbeitsbereich an \\(Profil person-de\\)"));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("admin legte am ")
                .endsWith("das Konto anna mit der Rolle Sachbearbeitung an"));
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("anna las am ")
                .contains("die Quelle kfz_halter aus kfz_halter.csv ein: 121 Datensätze"));
        assertThat(sentences).allSatisfy(s -> assertThat(s).doesNotContain("{", "\""));
        // the stored JSON stays available in its own column
        assertThat(journal.getColumns()).anySatisfy(c -> assertThat(c.getCellData(0)).asString().startsWith("{"));
    }
}
