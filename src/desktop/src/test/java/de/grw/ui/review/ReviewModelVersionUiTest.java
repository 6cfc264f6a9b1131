package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.QueueMode;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.workspace.ClusterStatus;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
 * The review names the model version that proposed the open cluster (version 1, while version 2 is active since a
 * second supervisor activated it), and the queue offers "active learning" beside "most uncertain first", says which
 * it is in, and lists in the engine's order for that mode.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewModelVersionUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;
    private ReviewScreen screen;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private static java.nio.file.Path file;

    /** The workspace, prepared once and outside the FX start (which must be quick): matched, version 2 active. */
    @org.junit.jupiter.api.BeforeAll
    static void prepare() throws Exception {
        UiTestSupport.startToolkit();
        java.nio.file.Path dir = Files.createTempDirectory("grw-review-model-ui");
        WorkbenchModel prep = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(prep.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        prep.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        try (SignedIn admin = prep.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(prep.workbench(), admin, "bernd", Role.SUPERVISOR, "Vorgesetzter-1");
            UiTestSupport.addAccount(prep.workbench(), admin, "carla", Role.SUPERVISOR, "Vorgesetzte-22");
        }
        try (SignedIn bernd = prep.workbench().signIn("bernd", "Vorgesetzter-1".toCharArray());
             SignedIn carla = prep.workbench().signIn("carla", "Vorgesetzte-22".toCharArray())) {
            int v2 = bernd.models().train(ProgressListener.NONE, CancellationToken.NONE).version();
            carla.models().activate(v2, "");
        }
        prep.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        file = java.nio.file.Path.of(prep.info().location());
        WaitForAsyncUtils.asyncFx(prep::close).get(10, TimeUnit.SECONDS);
    }

    @Start
    void start(Stage stage) throws Exception {
        model = new WorkbenchModel();
        model.use(de.grw.api.local.LocalWorkbench.open(file));
        model.signIn(UiTestSupport.CLERK, UiTestSupport.PASSWORD.toCharArray());
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        AppContext ctx = new AppContext(i18n, model, new TaskRunner(executor, i18n), new UserSettings(),
                errors::add, n -> { });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        screen = new ReviewScreen(ctx);
        Scene scene = new Scene(new StackPane(screen.view()), 1024, 700);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        screen.activated();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::deactivated).get(10, TimeUnit.SECONDS);
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !screen.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReviewNamesTheProposingVersionAndTheQueueItsMode(FxRobot robot) throws Exception {
        assertThat(model.signedIn().models().list().get(0).state()).isEqualTo("active"); // version 2
        robot.clickOn("#review-case").write("51.2-2026/4711").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.viewModel().currentProperty().get() != null);
        settle();
        Label version = robot.lookup("#explain-model-version").queryAs(Label.class);
        assertThat(version.getText()).isEqualTo("Vorgeschlagen von Modellversion 1; die Gewichte sind die dieser "
                + "Version");
        assertThat(screen.viewModel().currentProperty().get().modelVersion()).isEqualTo(1);

        @SuppressWarnings("unchecked")
        ComboBox<QueueMode> mode = robot.lookup("#review-mode").queryAs(ComboBox.class);
        assertThat(mode.getValue()).isEqualTo(QueueMode.UNCERTAIN);
        assertThat(robot.lookup("#review-mode").lookup("Unsicherste").tryQuery()).isPresent();
        robot.clickOn("#review-mode").clickOn("Aktiv lernen");
        settle();
        assertThat(mode.getValue()).isEqualTo(QueueMode.ACTIVE_LEARNING);
        assertThat(robot.lookup("#review-mode").lookup("Aktiv lernen").tryQuery()).isPresent();
        List<Long> expected = model.signedIn().review().queue(EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED),
                List.of(), 0, 1, ReviewViewModel.PAGE, QueueMode.ACTIVE_LEARNING).stream()
                .map(QueueEntry::clusterId).toList();
        List<Long> uncertain = model.signedIn().review().queue(EnumSet.of(ClusterStatus.OPEN,
                ClusterStatus.DEFERRED), List.of(), 0, 1, ReviewViewModel.PAGE, QueueMode.UNCERTAIN).stream()
                .map(QueueEntry::clusterId).toList();
        assertThat(expected).isNotEqualTo(uncertain);
        // the screen reads the queue again in the new order
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> screen.viewModel().queue().stream()
                .map(QueueEntry::clusterId).toList().equals(expected));
        UiTestSupport.snapshot(robot, "review-active-learning.png");
        assertThat(errors).isEmpty();
    }
}
