package de.grw.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The journal and the access log at 1920x1080, in English: who acted, what kind of entry, the case are read whole
 * (in a real window "sachbear…", "Model version activ…" and "SIGN_IN…" were cut while the table had room to spare),
 * and the empty lines for the journal's check and messages take no room above the tables.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class AuditColumnsUiTest {
    /** Columns that hold stored data for reference, cut to their width on purpose (the words are beside them). */
    private static final Set<String> STORED = Set.of("Content (JSON)", "Hash", "What", "Records");
    private WorkbenchModel model;
    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        this.stage = stage;
        model = new WorkbenchModel();
        model.use(de.grw.api.local.LocalWorkbench.of(UiTestSupport.newWorkspace(
                Files.createTempDirectory("grw-audit-columns"))));
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "sachbearbeitung", Role.SUPERVISOR,
                    UiTestSupport.PASSWORD);
        }
        try {
            model.workbench().signIn("sachbearbeitung", "not-the-password".toCharArray()).close();
        } catch (RuntimeException refused) {
            // a failed sign-in, for the access log
        }
        model.signIn("sachbearbeitung", UiTestSupport.PASSWORD.toCharArray());
        UiTestSupport.importSamples(model.signedIn(), "kfz_halter.csv");
        I18n i18n = new I18n(Locale.ENGLISH);
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void whoWhatAndTheCaseAreReadWholeAndNothingEmptyTakesRoom(FxRobot robot) throws Exception {
        robot.clickOn("#nav-nav-audit");
        TableView<?> journal = robot.lookup("#audit-journal").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> journal.getItems().size() >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>(cut(journal));

        robot.clickOn("Access log");
        TableView<?> access = robot.lookup("#audit-access").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> access.getItems().size() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        cut.addAll(cut(access));
        assertThat(cut).as("cells cut at 1920x1080").isEmpty();
        assertThat(robot.lookup("#audit-verification").queryAs(Label.class).isManaged()).isFalse();
        assertThat(robot.lookup("#audit-message").queryAs(Label.class).isManaged()).isFalse();
    }

    /** The cells shown cut to "…" outside the columns of stored data: "column: text shown as …". */
    private static List<String> cut(TableView<?> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            table.applyCss();
            table.layout();
            List<String> out = new ArrayList<>();
            for (Node n : table.lookupAll(".table-cell")) {
                if (!(n instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getText() == null
                        || cell.getTableColumn() == null || STORED.contains(cell.getTableColumn().getText())) {
                    continue;
                }
                for (Node child : cell.getChildrenUnmodifiable()) {
                    if (child instanceof Text t && t.getStyleClass().contains("text")
                            && !t.getText().equals(cell.getText())) {
                        out.add(cell.getTableColumn().getText() + ": " + cell.getText() + " shown as " + t.getText());
                    }
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);
    }
}
