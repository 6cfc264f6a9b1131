package de.grw.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A clerk whose account the administrator created (a one-time password) signs in at the desktop: she is asked for
 * her own password at once, a weak one is refused with the engine's reason, a good one lets her in and she can
 * decide; cancelling the question signs her out.
 */
@ExtendWith(ApplicationExtension.class)
class OneTimePasswordUiTest {
    private static final String ONE_TIME = "Erstes-Kennwort-42";
    private WorkbenchModel model;
    private ExecutorService executor;
    private TaskRunner tasks;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(UiTestSupport.newWorkspace(Files.createTempDirectory("grw-otp"))));
        try (SignedIn anna = model.workbench().signIn(UiTestSupport.CLERK, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.importSamples(anna, "melderegister.csv", "sozialamt.csv");
            anna.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        }
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            admin.users().add("carla", Role.CLERK, "4711", ONE_TIME.toCharArray());
            admin.users().add("dieter", Role.CLERK, "4712", ONE_TIME.toCharArray());
        }
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        tasks = new TaskRunner(executor, i18n);
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, tasks, stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        // the screens' loading after the sign-in ends before the window goes
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private void signInWithOneTimePassword(FxRobot robot, String user) throws Exception {
        TextField name = robot.lookup("#start-user").queryAs(TextField.class);
        robot.interact(() -> name.setText(user));
        robot.clickOn("#start-password").write(ONE_TIME);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#password-new").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing() && n.isVisible()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aClerkWithAOneTimePasswordSetsHerOwnAndThenDecides(FxRobot robot) throws Exception {
        signInWithOneTimePassword(robot, "carla");
        // asked before any work screen: nobody is signed in yet
        assertThat(model.signedIn()).isNull();
        assertThat(robot.lookup("#password-rules").queryAs(Label.class).getText()).contains("10 Zeichen");

        robot.clickOn("#password-new").write("abcdefghijk");
        robot.clickOn("#password-repeat").write("abcdefghijk");
        robot.clickOn("#password-save");
        Label message = robot.lookup("#password-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).contains("zu einfach");
        assertThat(model.signedIn()).isNull();

        TextField first = robot.lookup("#password-new").queryAs(TextField.class);
        TextField repeat = robot.lookup("#password-repeat").queryAs(TextField.class);
        robot.interact(() -> {
            first.clear();
            repeat.clear();
        });
        robot.clickOn("#password-new").write("Eigenes-Kennwort-7391");
        robot.clickOn("#password-repeat").write("Eigenes-Kennwort-7391");
        robot.clickOn("#password-save");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> model.signedIn() != null
                && model.signedIn().user().equals("carla"));
        assertThat(robot.lookup("#password-new").tryQuery()).isEmpty();
        assertThat(model.signedIn().users().mustChangeOwnPassword()).isFalse();

        // she may decide now: a proposal is accepted
        SignedIn carla = model.signedIn();
        var queued = carla.review().queue(null, 0).get(0);
        List<Long> members = carla.review().memberIds(queued.clusterId());
        carla.review().propose(queued.clusterId(), new de.grw.review.MergeCommand(members, Map.of()), "",
                "51.2-2026/4711");
        // and the one-time password no longer signs in
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.workbench().signIn("carla",
                ONE_TIME.toCharArray())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void cancellingTheQuestionSignsOut(FxRobot robot) throws Exception {
        signInWithOneTimePassword(robot, "dieter");
        robot.clickOn("#password-cancel");
        Label message = robot.lookup("#start-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Abgemeldet"));
        assertThat(model.signedIn()).isNull();
        try (SignedIn dieter = model.workbench().signIn("dieter", ONE_TIME.toCharArray())) {
            assertThat(dieter.users().mustChangeOwnPassword()).isTrue();
        }
    }
}
