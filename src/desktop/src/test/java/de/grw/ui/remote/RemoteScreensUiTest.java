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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * Every screen over a server that does not offer everything yet: an administrator connected to a running server
 * uses import, match, audit and export; what the server lacks is said in a localised sentence on the screen (never
 * an error dialog or a stack trace), what it offers works beside it (the journal's verification), and each screen
 * can be used again afterwards. Operations the server offers later turn these sentences into results; the test
 * then fails at the assertion on the sentence and is to be updated, not the other way round.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteScreensUiTest {
    private static Path dir;
    private static WorkspaceServer server;

    private final List<Throwable> dialogs = new CopyOnWriteArrayList<>();
    private WorkbenchModel model;
    private ExecutorService executor;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("grw-remote-screens");
        server = TestServers.start(dir);
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
        I18n i18n = I18n.german();
        UserSettings settings = new UserSettings();
        // this workstation confirmed the server's certificate before
        settings.rememberServer(TestServers.url(server), server.certificate().fingerprint());
        settings.lastWasServer = true;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> dialogs.add(e));
        stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        return t == null ? "" : t;
    }

    private static boolean says(FxRobot robot, String id, String text) {
        return robot.lookup(id).queryAs(Label.class).getText().contains(text);
    }

    @Test
    void everyScreenWorksOverTheServer(FxRobot robot) throws Exception {
        // the last server is preselected with its pinned fingerprint: one click connects
        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.workbench() != null);
        robot.interact(() -> robot.lookup("#start-user").queryAs(TextField.class).setText(TestWorkspaces.ADMIN));
        robot.clickOn("#start-password").write(TestWorkspaces.ADMIN_PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // import: the preview reads the file on this machine; the import itself is the server's
        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-path").write(UiTestSupport.sample("melderegister.csv").toString())
                .type(KeyCode.ENTER);
        TableView<?> mapping = robot.lookup("#import-mapping").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !mapping.getItems().isEmpty()
                && !robot.lookup("#import-run").query().isDisabled());
        robot.clickOn("#import-run");
        // the samples are in the server's workspace already: the server refuses the same content again, in words
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#import-message").isBlank()
                && !robot.lookup("#import-run").query().isDisabled());
        assertThat(text(robot, "#import-message")).doesNotContain("noch nicht an");

        // matching runs on the server
        robot.clickOn("#nav-nav-match");
        robot.clickOn("#match-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#match-message")
                .contains("Abgleich abgeschlossen"));

        // audit: the journal's entries and its verification come from the server
        robot.clickOn("#nav-nav-audit");
        robot.clickOn("#audit-verify");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> says(robot, "#audit-verification",
                "Journal unversehrt"));
        assertThat(text(robot, "#audit-message")).doesNotContain("noch nicht an");

        // export: the server exports, the files arrive in the folder on this machine
        robot.clickOn("#nav-nav-export");
        robot.interact(() -> robot.lookup("#export-directory").queryAs(TextField.class)
                .setText(dir.resolve("export").toString()));
        robot.clickOn("#export-case").write("51.2-2026/0815");
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#export-summary").contains("exportiert"));
        assertThat(Files.exists(dir.resolve("export"))).isTrue();

        // still signed in and connected; signed out, a clerk signs in over the same connection and reviews
        assertThat(model.signedIn()).isNotNull();
        robot.clickOn("#status-sign-out");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.signedIn() == null);
        robot.interact(() -> robot.lookup("#start-user").queryAs(TextField.class).setText(TestWorkspaces.CLERK));
        robot.clickOn("#start-password").write(TestWorkspaces.CLERK_PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null
                && robot.lookup("#review-case").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#review-case").write("51.2-2026/0815").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#side-by-side").tryQuery().isPresent());
        assertThat(dialogs).isEmpty();
    }
}
