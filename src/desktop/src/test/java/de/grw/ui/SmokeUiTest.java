package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class SmokeUiTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private WorkbenchModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("grw-ui-home");
        System.setProperty("grw.home", home.toString());
        model = new WorkbenchModel();
        I18n i18n = I18n.german();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model,
                new TaskRunner(Executors.newSingleThreadExecutor(), i18n), stage));
        stage.show();
    }

    @Test
    void sampleWorkspaceOpensAndTheClerkSeesTheQueue(FxRobot robot) throws Exception {
        robot.clickOn("#start-sample");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> model.workbench() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#start-password").write("Beispiel-2026");
        robot.clickOn("#start-sign-in");
        // the sign-in runs in the background (the password's key derivation): waited for, not raced
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> model.signedIn() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.signedIn()).isNotNull();
        robot.clickOn("#review-case").write("AZ-4711").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        assertThat(queue.getItems()).isNotEmpty();
        assertThat(robot.lookup("#side-by-side").tryQuery()).isPresent();
        if (System.getProperty("grw.snapshot") != null) {
            Snapshots.write(robot, robot.lookup("#review-queue").query().getScene(), Path.of(System.getProperty(
                    "grw.snapshot")));
        }
        Label remaining = robot.lookup("#review-remaining").queryAs(Label.class);
        assertThat(remaining.getText()).startsWith("noch");
    }
}
