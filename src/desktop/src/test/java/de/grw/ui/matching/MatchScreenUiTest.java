package de.grw.ui.matching;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives import and match headless in a fresh workspace and reads the summary. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class MatchScreenUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = UiTestSupport.signedInModel(Files.createTempDirectory("grw-match-ui"));
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The pairs in "Bei 0,85: 12 Gruppen, 1.234 Paare". */
    private static long pairsIn(String whatIf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d.]+) Paare").matcher(whatIf);
        assertThat(m.find()).as(whatIf).isTrue();
        return Long.parseLong(m.group(1).replace(".", ""));
    }

    @Test
    void importThenMatchShowsTheSummaryByBand(FxRobot robot) throws Exception {
        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-path").write(UiTestSupport.sample("kfz_halter.csv").toString()).type(KeyCode.ENTER);
        TableView<?> mapping = robot.lookup("#import-mapping").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mapping.getItems().size() == 8);
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text(robot, "#import-result").isEmpty());
        robot.clickOn("#import-to-match");

        assertThat(robot.lookup("#match-threshold").tryQuery()).isPresent();
        assertThat(robot.lookup("#match-summary").query().isVisible()).isFalse();
        robot.clickOn("#match-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#match-records").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#match-message")).startsWith("Abgleich abgeschlossen");
        assertThat(text(robot, "#match-records")).isEqualTo("121");
        int clusters = Integer.parseInt(text(robot, "#match-clusters"));
        int bands = Integer.parseInt(text(robot, "#match-band-HIGH")) + Integer.parseInt(text(robot,
                "#match-band-MEDIUM")) + Integer.parseInt(text(robot, "#match-band-LOW"));
        assertThat(bands).isEqualTo(clusters);
        assertThat(text(robot, "#match-new")).isEqualTo(Integer.toString(clusters));
        assertThat(text(robot, "#match-unchanged")).isEqualTo("0");
        assertThat(text(robot, "#match-superseded")).isEqualTo("0");
        assertThat(Integer.parseInt(text(robot, "#match-pairs").replace(".", ""))).isPositive();
        for (String phase : MatchViewModel.PHASES) {
            assertThat(robot.lookup("#match-phase-" + phase).queryAs(ProgressBar.class).getProgress())
                    .as(phase).isEqualTo(1.0);
        }
        assertThat(robot.lookup("#match-summary").query().isVisible()).isTrue();
        assertThat(robot.lookup("#match-cancel").query().isVisible()).isFalse();
        UiTestSupport.snapshot(robot, "match.png");

        // the picture of the run: a histogram with the run's threshold, and what another threshold would change
        ThresholdChart chart = robot.lookup("#match-chart").queryAs(ThresholdChart.class);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getWidth()).isGreaterThan(300);
        assertThat(chart.bars()).isNotEmpty().anySatisfy(b -> assertThat(b.getHeight()).isPositive());
        assertThat(chart.bars()).anySatisfy(b -> assertThat(b.getStyleClass()).contains("chart-bar-above"));
        assertThat(chart.bars()).anySatisfy(b -> assertThat(b.getStyleClass()).contains("chart-bar-below"));
        assertThat(robot.lookup("#chart-threshold").tryQuery()).isPresent();
        String atRun = text(robot, "#match-what-if");
        assertThat(atRun).matches("Bei 0,\\d+: \\d+ Gruppen, [\\d.]+ Paare");
        assertThat(text(robot, "#match-what-if-run")).startsWith("Dieser Lauf (Schwelle 0,");
        assertThat(robot.lookup("#match-rerun").query().isVisible()).isFalse();

        // a threshold at which the run's pairs differ from the run's own: the text and the bars follow it
        de.grw.api.ThresholdFigures figures = chart.figuresProperty().get();
        de.grw.api.ThresholdFigures.Step own = figures.nearest(figures.threshold());
        de.grw.api.ThresholdFigures.Step other = figures.steps().stream()
                .filter(st -> st.threshold() >= 0.05 && st.threshold() <= 0.99 && st.pairs() != own.pairs())
                .findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#match-threshold").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(other.threshold()));
        WaitForAsyncUtils.waitForFxEvents();
        String atOther = text(robot, "#match-what-if");
        String shown = java.text.NumberFormat.getNumberInstance(java.util.Locale.GERMANY).format(other.threshold());
        assertThat(atOther).isNotEqualTo(atRun)
                .isEqualTo("Bei " + shown + ": " + other.clusters() + " Gruppen, " + other.pairs() + " Paare");
        assertThat(pairsIn(atOther)).isEqualTo(other.pairs());
        assertThat(robot.lookup("#chart-tried").tryQuery()).isPresent();
        assertThat(robot.lookup("#chart-tried").queryAs(javafx.scene.shape.Line.class).getStartX())
                .isNotEqualTo(robot.lookup("#chart-threshold").queryAs(javafx.scene.shape.Line.class).getStartX());
        // the two lines' labels stand on their outer sides and do not cover each other ("0,0,20" was seen), also
        // for a threshold tried just below the run's
        double near = Math.round((figures.threshold() - 0.1) * 100) / 100.0;
        robot.interact(() -> robot.lookup("#match-threshold").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(near));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node runLabel = robot.lookup(".chart-threshold-label").query();
        javafx.scene.Node triedLabel = robot.lookup(".chart-tried-label").query();
        assertThat(runLabel.getBoundsInParent().intersects(triedLabel.getBoundsInParent()))
                .as("run's label %s, tried label %s", runLabel.getBoundsInParent(), triedLabel.getBoundsInParent())
                .isFalse();
        robot.interact(() -> robot.lookup("#match-threshold").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(other.threshold()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#match-rerun").query().isVisible()).isTrue();
        assertThat(robot.lookup("#match-rerun").queryButton().getText()).isEqualTo("Mit " + shown
                + " neu abgleichen");

        // the slider tries a threshold by keyboard as well
        robot.interact(() -> robot.lookup("#match-threshold-slider").queryAs(javafx.scene.control.Slider.class)
                .requestFocus());
        robot.interact(() -> robot.lookup("#match-threshold").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(0.9));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#match-what-if")).startsWith("Bei 0,91: ");

        // matching again with the threshold tried: the run's line moves there and the button goes
        robot.clickOn("#match-rerun");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#match-what-if-run")
                .startsWith("Dieser Lauf (Schwelle 0,91)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#match-rerun").query().isVisible()).isFalse();

        robot.clickOn("#match-to-review");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-case").tryQuery()).isPresent();
    }
}
