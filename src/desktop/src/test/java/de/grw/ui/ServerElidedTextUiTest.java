package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.server.WorkspaceServer;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.remote.TestServers;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.shell.MainWindow;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start screen and the status bar with a server connection, at 1024x700 and 1920x1080 in German and English
 * ({@link ElidedTextUiTest} walks a local workspace): the server tab, the certificate's fingerprint to confirm, a
 * changed certificate's warning, connected before the sign-in, signed in, the review with a cluster of the server's
 * workspace, and the status bar (server and workspace, user, a task running) — no text a clerk reads cut to "…".
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ServerElidedTextUiTest extends ElidedWalkTest {
    private static Path dir;
    private static WorkspaceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("grw-elided-server");
        server = TestServers.start(dir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void noServerStateCutsTextAt1024x700Or1920x1080InEitherLanguage() throws Exception {
        List<ElidedText.Problem> problems = walkAll();
        assertThat(problems).as("texts cut or out of the window").isEmpty();
    }

    @Override
    protected List<ElidedText.Problem> walk(String language, int width, int height) throws Exception {
        String at = language + " " + width + "x" + height + ", server";
        List<ElidedText.Problem> problems = new ArrayList<>();
        String url = TestServers.url(server);

        // a workstation that pinned another certificate for this address: the warning
        window(language, width, height, pinned(language, url, "AB:".repeat(31) + "AB"));
        UiTestSupport.onFx(() -> node("#connect-button", ButtonBase.class).fire());
        waitFor(() -> node("#connect-warning", Node.class).isVisible());
        check(problems, at, "certificate changed");

        // a new workstation: the server tab, the fingerprint to confirm, connected, signed in
        WorkbenchModel model = window(language, width, height, pinned(language, null, null));
        TaskRunner tasks = (TaskRunner) stage.getScene().getProperties().get(TaskRunner.class);
        UiTestSupport.onFx(() -> node("#start-where", TabPane.class).getSelectionModel().select(1));
        UiTestSupport.onFx(() -> node("#connect-url", TextField.class).setText(url));
        check(problems, at, "server tab");
        UiTestSupport.onFx(() -> node("#connect-button", ButtonBase.class).fire());
        waitFor(() -> node("#connect-confirmation", Node.class).isVisible());
        check(problems, at, "fingerprint to confirm");
        UiTestSupport.onFx(() -> node("#connect-confirm", ButtonBase.class).fire());
        waitFor(() -> model.workbench() != null);
        check(problems, at, "connected");
        UiTestSupport.onFx(() -> {
            node("#start-user", TextField.class).setText(TestWorkspaces.SUPERVISOR);
            node("#start-password", TextField.class).setText(TestWorkspaces.SUPERVISOR_PASSWORD);
            node("#start-sign-in", ButtonBase.class).fire();
        });
        waitFor(() -> model.signedIn() != null && !tasks.runningProperty().get());
        MainWindow window = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
        UiTestSupport.onFx(() -> window.show("nav.start"));
        check(problems, at, "signed in");

        UiTestSupport.onFx(() -> window.show("nav.review"));
        ReviewScreen review = (ReviewScreen) window.screen("nav.review");
        UiTestSupport.onFx(() -> {
            TextField caseRef = node("#review-case", TextField.class);
            caseRef.setText("51.2-2026/0815");
            caseRef.fireEvent(new ActionEvent());
        });
        waitFor(() -> review.viewModel().currentProperty().get() != null && !review.viewModel().busyProperty().get());
        check(problems, at, "review");
        // the status bar with the server, its workspace and the user while a task runs
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        checkWhileRunning(tasks, i18n.get("match.task"), "compare", problems, at, "review, a task running");
        UiTestSupport.onFx(model::signOut);
        return problems;
    }

    /** Settings in this language, with a fingerprint pinned for the address (or none). */
    private static UserSettings pinned(String language, String url, String fingerprint) {
        UserSettings settings = new UserSettings();
        settings.language = language;
        if (url != null) {
            settings.rememberServer(url, fingerprint);
            settings.lastWasServer = true;
        }
        return settings;
    }

    /** The workbench's window, not connected, at this size and in this language. */
    private WorkbenchModel window(String language, int width, int height, UserSettings settings) throws Exception {
        WorkbenchModel model = new WorkbenchModel();
        models.add(model);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        TaskRunner tasks = new TaskRunner(executor, i18n);
        UiTestSupport.onFx(() -> {
            Scene scene = WorkbenchApp.createScene(i18n, settings, model, tasks, stage);
            scene.getProperties().put(TaskRunner.class, tasks);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }
}
