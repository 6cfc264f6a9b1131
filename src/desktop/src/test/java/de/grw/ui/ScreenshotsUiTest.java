package de.grw.ui;

import de.grw.api.local.SampleWorkbench;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test but the screenshot tool for README: runs the application on the sample workspace and writes a picture
 * of each main screen. Runs only when asked:
 * {@code mvn -q test -Dtest=ScreenshotsUiTest -Dgrw.screenshots=docs/screenshots}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsUiTest {
    private static final String TARGET = System.getProperty("grw.screenshots");
    private WorkbenchModel model;
    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        UiTestSupport.startToolkit();
        model = new WorkbenchModel();
        if (TARGET == null) {
            return;
        }
        Path file = Files.createTempDirectory("grw-shots").resolve("beispiel.grw");
        model.use(SampleWorkbench.build(file, (p, d, t) -> { }, () -> false));
        I18n i18n = new I18n(Locale.forLanguageTag(System.getProperty("grw.screenshots.language", "de")));
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private void shot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot, stage.getScene(), Path.of(TARGET, name));
    }

    private void signIn(FxRobot robot, String user) throws Exception {
        TextField name = robot.lookup("#start-user").queryAs(TextField.class);
        robot.interact(() -> name.setText(user));
        robot.clickOn("#start-password").write(SampleWorkbench.PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.signedIn() != null);
    }

    /** A weight of -1 or less at the end of an explanation line ("verschieden −7,8", "different −7.8"). */
    private static final java.util.regex.Pattern AGAINST = java.util.regex.Pattern.compile("[−-][1-9][0-9]*[,.][0-9]$");

    /**
     * Pages through the queue to the first cluster whose explanation weighs the pair against one household and holds
     * a line that speaks against it
     * ("gleicher Haushalt: Vornamen verschieden −7,8").
     */
    private void householdCluster(FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.screenshots.language", "de"));
        String household = de.grw.review.ExplanationText.versus("household", locale) + ":";
        javafx.scene.layout.Pane pane = robot.lookup("#review-explanation").queryAs(javafx.scene.layout.Pane.class);
        for (int i = 0; i < 100; i++) {
            // the waterfall's lines: words on the label, the line with its weight as the label's accessible text
            if (robot.from(pane).lookup((javafx.scene.control.Label l) -> l.getAccessibleText() != null
                    && l.getAccessibleText().startsWith(household) && AGAINST.matcher(l.getAccessibleText()).find())
                    .tryQuery().isPresent()) {
                System.out.println("screenshots: a cluster weighed against one household after " + i + " pages");
                return;
            }
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("no cluster of the sample is weighed against one household");
    }

    @Test
    void mainScreens(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(TARGET != null, "screenshots only with -Dgrw.screenshots=DIR");
        shot(robot, "01-start.png");
        signIn(robot, SampleWorkbench.CLERK);
        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-path").write(UiTestSupport.sample("sozialamt.csv").toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#import-mapping")
                .<javafx.scene.control.TableView<?>>query().getItems().isEmpty());
        shot(robot, "02-import.png");
        robot.clickOn("#nav-nav-match");
        robot.clickOn("#match-start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#match-summary").query().isVisible());
        shot(robot, "03-match.png");
        robot.clickOn("#nav-nav-review");
        robot.clickOn("#review-case").write(SampleWorkbench.CASE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#side-by-side").tryQuery().isPresent());
        shot(robot, "04-review.png");
        robot.type(KeyCode.F1);
        shot(robot, "05-review-help.png");
        robot.type(KeyCode.ESCAPE);
        householdCluster(robot);
        shot(robot, "10-review-household.png");
        robot.clickOn("#status-sign-out");
        signIn(robot, SampleWorkbench.SUPERVISOR);
        robot.clickOn("#nav-nav-approval");
        WaitForAsyncUtils.waitForFxEvents();
        shot(robot, "06-approval.png");
        robot.clickOn("#nav-nav-audit");
        robot.clickOn("#audit-verify");
        shot(robot, "07-journal.png");
        robot.clickOn("#audit-access-tab");
        shot(robot, "08-access-log.png");
        robot.clickOn("#nav-nav-export");
        shot(robot, "09-export.png");
    }
}
