package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.server.WorkspaceServer;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A session the server ends (here its idle timeout of two seconds) leads the desktop back to the sign-in with the
 * server's reason, still connected: the clerk signs in again and goes on.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteSessionUiTest {
    private static WorkspaceServer server;
    private WorkbenchModel model;
    private ExecutorService executor;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(Files.createTempDirectory("grw-remote-session"), "session.idleTimeout = 2s");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = new WorkbenchModel();
        executor = Executors.newSingleThreadExecutor();
        model.closeWith(executor);
        I18n i18n = I18n.german();
        UserSettings settings = new UserSettings();
        settings.rememberServer(TestServers.url(server), server.certificate().fingerprint());
        settings.lastWasServer = true;
        stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void signIn(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#start-user").queryAs(TextField.class).setText(TestWorkspaces.CLERK));
        robot.clickOn("#start-password").write(TestWorkspaces.CLERK_PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anEndedSessionLeadsBackToTheSignInWithTheReason(FxRobot robot) throws Exception {
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.workbench() != null);
        signIn(robot);
        // the next request is refused by the server (the review asks for changes every 3 s, longer than the idle
        // timeout of 2 s here): the desktop returns to the sign-in by itself, saying why
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#start-message").queryAs(Label.class).getText())
                .contains("Sitzung ist abgelaufen");
        assertThat(robot.lookup("#start-sign-in").query().isVisible()).isTrue();
        assertThat(model.workbench()).isNotNull();

        signIn(robot);
        assertThat(model.endedProperty().get()).isEmpty();
        // the new session works: the review's queue comes from the server (an idle timeout of 2 s is shorter than
        // the review's polling, so the session would end again before a case reference is typed)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#review-queue")
                .queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
    }
}
