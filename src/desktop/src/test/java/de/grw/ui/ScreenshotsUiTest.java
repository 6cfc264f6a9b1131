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
 * {@code mvn -q test -Dtest=ScreenshotsUiTest -Dgrw.screenshots=docs/screenshots}
 * ({@code -Dgrw.screenshots.language=en}, {@code -Dgrw.screenshots.size=1920x1080} by default). Besides the screens it
 * pages the queue to a chain of three or more records (the cluster graph) and to a pair weighed against one
 * household, tries a threshold that changes the run's pairs, and ends with the review in a 1024x700 window.
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
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.screenshots.language", "de"));
        I18n i18n = new I18n(locale);
        // the settings say the same language, so the start screen's language box shows it
        UserSettings settings = new UserSettings();
        settings.language = locale.getLanguage();
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage));
        String[] size = System.getProperty("grw.screenshots.size", "1920x1080").split("x");
        stage.setWidth(Integer.parseInt(size[0]));
        stage.setHeight(Integer.parseInt(size[1]));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    /**
     * Waits until the queue shows the persons' names, read again with the case reference (under load the picture
     * was taken before, with "Gruppe 167" in every row).
     */
    private static void waitForNames(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<?> queue = robot.lookup("#review-queue")
                .queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !queue.getItems()
                .isEmpty() && queue.getItems().get(0) instanceof de.grw.review.ReviewViews.QueueEntry e
                && e.name() != null && !e.name().isBlank()).get());
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
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

    /**
     * Pages on through the queue to the first cluster of three or more records that is a chain (a pair of it not
     * linked, or not scored at all) or whose weakest link is clearly weaker than 1, so that the picture shows the
     * cluster as a graph and the waterfall of its weakest pair.
     */
    private void clusterOfThree(FxRobot robot) throws Exception {
        for (int i = 0; i < 200; i++) {
            java.util.Optional<de.grw.ui.review.ClusterGraphView> graph = robot.lookup("#cluster-graph")
                    .tryQuery().filter(n -> n instanceof de.grw.ui.review.ClusterGraphView)
                    .map(n -> (de.grw.ui.review.ClusterGraphView) n);
            if (graph.isPresent() && isChain(graph.get().graph())) {
                System.out.println("screenshots: a cluster of " + graph.get().graph().nodes().size()
                        + " records after " + i + " pages");
                return;
            }
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("no cluster of three or more records in the sample's queue");
    }

    private static boolean isChain(de.grw.ui.review.ClusterGraph g) {
        int n = g.nodes().size();
        if (n < 3 || g.edges().stream().noneMatch(e -> e.weakest())) {
            return false;
        }
        long linked = g.edges().stream().filter(e -> e.linked()).count();
        boolean weak = g.edges().stream().anyMatch(e -> e.weakest() && e.pair().probability() < 0.99);
        return linked < (long) n * (n - 1) / 2 || weak;
    }

    /** Tries a threshold other than the run's, so the match screen shows what it would change. */
    private void tryThreshold(FxRobot robot) throws Exception {
        de.grw.ui.shell.MainWindow w = (de.grw.ui.shell.MainWindow) stage.getScene().getProperties()
                .get(de.grw.ui.shell.MainWindow.class);
        de.grw.ui.matching.MatchViewModel vm = ((de.grw.ui.matching.MatchScreen) w.screen("nav.match")).viewModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.whatIf().figuresProperty().get() != null);
        robot.interact(() -> {
            de.grw.api.ThresholdFigures f = vm.whatIf().figuresProperty().get();
            de.grw.api.ThresholdFigures.Step own = f.nearest(f.threshold());
            double tried = f.threshold() > 0.6 ? f.threshold() - 0.3 : f.threshold() + 0.2;
            // the first of these that would change the groups or pairs, so the picture shows what the threshold does
            for (double p : new double[] {0.99, 0.95, 0.9, 0.3, 0.2, 0.1, 0.05}) {
                de.grw.api.ThresholdFigures.Step s = f.nearest(p);
                if (s != null && own != null && (s.pairs() != own.pairs() || s.clusters() != own.clusters())) {
                    tried = p;
                    break;
                }
            }
            vm.thresholdProperty().set(Math.round(tried * 100) / 100.0);
        });
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The review as on a small screen: the clerk's first cluster with the window at 1024x700. The last picture: the
     * headless screen does not grow back after the window shrank ("Too small int buffer size").
     */
    private void smallScreen(FxRobot robot, String name) throws Exception {
        robot.clickOn("#status-sign-out");
        signIn(robot, SampleWorkbench.CLERK);
        robot.clickOn("#nav-nav-review");
        TextField caseRef = robot.lookup("#review-case").queryAs(TextField.class);
        robot.interact(() -> {
            caseRef.setText(SampleWorkbench.CASE);
            caseRef.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#side-by-side").tryQuery().isPresent());
        waitForNames(robot);
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        shot(robot, name);
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
        tryThreshold(robot);
        shot(robot, "03-match.png");
        robot.clickOn("#nav-nav-review");
        robot.clickOn("#review-case").write(SampleWorkbench.CASE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#side-by-side").tryQuery().isPresent());
        waitForNames(robot);
        shot(robot, "04-review.png");
        robot.type(KeyCode.F1);
        shot(robot, "05-review-help.png");
        robot.type(KeyCode.ESCAPE);
        // the queue starts at the weakest clusters: past the first one (04-review) to a chain of three or more
        robot.type(KeyCode.PAGE_DOWN);
        clusterOfThree(robot);
        shot(robot, "11-review-explained-pair.png");
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
        smallScreen(robot, "12-review-1024x700.png");
    }
}
