package de.grw.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.WorkbenchModel;
import de.grw.versions.ModelVersionView;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The supervisors' model versions dialog: it lists the versions with trainer, decisions and estimated quality; the
 * supervisor who trained a version is refused by the engine (four eyes, the refusal shown in the dialog), another
 * supervisor activates it with a comment and goes back to the earlier one; a clerk sees no activate button.
 */
@ExtendWith(ApplicationExtension.class)
class ModelVersionsDialogUiTest {
    private static final String BERND_PW = "Vorgesetzter-1";
    private static final String CARLA_PW = "Vorgesetzte-22";
    private WorkbenchModel model;
    private Stage stage;
    private final UiTestSupport.Recorded recorded = new UiTestSupport.Recorded();

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        this.stage = stage;
        model = UiTestSupport.signedInModel(Files.createTempDirectory("grw-models-ui"));
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "bernd", Role.SUPERVISOR, BERND_PW);
            UiTestSupport.addAccount(model.workbench(), admin, "carla", Role.SUPERVISOR, CARLA_PW);
        }
        try (SignedIn bernd = model.workbench().signIn("bernd", BERND_PW.toCharArray())) {
            assertThat(bernd.models().train(ProgressListener.NONE, CancellationToken.NONE).version()).isEqualTo(2);
        }
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(new Label("Abgleich")), 1024, 700);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private ModelVersionsDialog open(String user, String password) {
        AtomicReference<ModelVersionsDialog> d = new AtomicReference<>();
        UiTestSupport.onFx(() -> {
            model.signIn(user, password.toCharArray());
            AppContext ctx = UiTestSupport.context(model, recorded);
            d.set(ModelVersionsDialog.open(ctx, stage));
        });
        return d.get();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ModelVersionView> table(FxRobot robot) {
        return robot.lookup("#models-table").queryAs(TableView.class);
    }

    private static void select(FxRobot robot, int version) {
        TableView<ModelVersionView> table = table(robot);
        UiTestSupport.onFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(v -> v.version() == version).findFirst().orElseThrow()));
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#models-message").queryAs(Label.class).getText();
    }

    @Test
    void theTrainerIsRefusedAnotherSupervisorActivatesAndGoesBack(FxRobot robot) throws Exception {
        ModelVersionsDialog own = open("bernd", BERND_PW);
        TableView<ModelVersionView> table = table(robot);
        assertThat(table.getItems()).extracting(ModelVersionView::version).containsExactly(2, 1);
        assertThat(table.getItems().get(0).trainedBy()).isEqualTo("bernd");
        assertThat(robot.lookup("wartet auf Aktivierung").tryQuery()).isPresent();
        assertThat(robot.lookup("aktiv").tryQuery()).isPresent();
        select(robot, 2);
        Button activate = robot.lookup("#models-activate").queryButton();
        assertThat(activate.isDisabled()).isFalse();
        assertThat(robot.lookup("#models-revert").queryButton().isDisabled()).isTrue();
        robot.clickOn(activate);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message(robot).isEmpty());
        assertThat(message(robot)).contains("Vier-Augen-Prinzip", "bernd darf Modellversion 2 nicht aktivieren");
        assertThat(model.signedIn().models().list().get(0).state()).isEqualTo("candidate");
        UiTestSupport.onFx(() -> own.dialog().close());

        ModelVersionsDialog other = open("carla", CARLA_PW);
        select(robot, 2);
        robot.clickOn("#models-comment").write("geprüft, besser bei Zwillingen");
        robot.clickOn("#models-activate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message(robot).contains("Version 2 ist aktiv"));
        // the table is read again: version 2 active, version 1 active before
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().get(0).state().equals("active"));
        assertThat(table(robot).getItems()).extracting(ModelVersionView::state).containsExactly("active", "earlier");
        List<ModelVersionView> now = model.signedIn().models().list();
        assertThat(now.get(0).state()).isEqualTo("active");
        assertThat(now.get(0).activatedBy()).isEqualTo("carla");
        String last = UiTestSupport.read(model, c -> de.grw.store.Sql.first(c, "SELECT activated_by, comment FROM "
                + "model_activations ORDER BY id DESC LIMIT 1", rs -> rs.getString(1) + ": " + rs.getString(2))
                .orElseThrow());
        assertThat(last).isEqualTo("carla: geprüft, besser bei Zwillingen");
        UiTestSupport.snapshot(robot, "models-dialog.png");

        select(robot, 1);
        assertThat(robot.lookup("#models-revert").queryButton().isDisabled()).isFalse();
        robot.clickOn("#models-revert");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message(robot).contains("Version 1 ist wieder aktiv"));
        assertThat(model.signedIn().models().list()).extracting(ModelVersionView::state)
                .containsExactly("earlier", "active");
        UiTestSupport.onFx(() -> other.dialog().close());

        ModelVersionsDialog clerk = open(UiTestSupport.CLERK, UiTestSupport.PASSWORD);
        assertThat(robot.lookup("#models-activate").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#models-revert").queryButton().isVisible()).isFalse();
        assertThat(table(robot).getItems()).hasSize(2);
        UiTestSupport.onFx(() -> clerk.dialog().close());
        assertThat(recorded.errors).isEmpty();
    }
}
