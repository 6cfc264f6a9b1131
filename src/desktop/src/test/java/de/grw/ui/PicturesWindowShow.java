package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.api.ThresholdFigures;
import de.grw.api.local.SampleWorkbench;
import de.grw.review.ReviewViews;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.matching.MatchScreen;
import de.grw.ui.matching.MatchViewModel;
import de.grw.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: shows the match screen after a run (histogram, a tried threshold and what it would change) in a real
 * window, then on F9 the journal and on F10 the access log in words, to look at them (screenshots with
 * window-shot). The sample workspace, signed in as the supervisor, who may read the access log. Runs only with
 * {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 100 --keys "F9 F10" --out target/shots/de-1024 -- mvn -B -o test \
 *     -pl src/desktop -am -Dtest=PicturesWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class PicturesWindowShow {

    @Test
    void showTheMatchHistogramAndTheJournalInWords() throws Exception {
        UiTestSupport.startToolkit();
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
        long seconds = Long.getLong("grw.window.seconds", 120);
        Path file = Files.createTempDirectory("grw-pictures-show").resolve("beispiel.grw");
        WorkbenchModel model = new WorkbenchModel();
        model.use(SampleWorkbench.build(file, (p, d, t) -> { }, () -> false));
        model.signIn(SampleWorkbench.SUPERVISOR, SampleWorkbench.PASSWORD.toCharArray());
        SignedIn supervisor = model.signedIn();
        // a few views for the access log
        List<ReviewViews.QueueEntry> queue = supervisor.review().queue(Set.of(), 3);
        for (ReviewViews.QueueEntry q : queue) {
            supervisor.review().show(q.clusterId(), SampleWorkbench.CASE);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        model.closeWith(executor);
        Stage stage = FxToolkit.registerPrimaryStage();
        MatchViewModel[] vm = new MatchViewModel[1];
        WaitForAsyncUtils.asyncFx(() -> {
            I18n i18n = new I18n(locale);
            UserSettings settings = new UserSettings();
            settings.language = locale.getLanguage();
            stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage));
            stage.setTitle(i18n.get("app.title"));
            var bounds = Screen.getPrimary().getVisualBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.show();
            MainWindow w = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
            w.show("nav.match");
            vm[0] = ((MatchScreen) w.screen("nav.match")).viewModel();
            vm[0].start();
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.F9) {
                    w.show("nav.audit");
                } else if (e.getCode() == KeyCode.F10) {
                    w.show("nav.audit");
                    ((TabPane) stage.getScene().lookup(".tab-pane")).getSelectionModel().select(1);
                }
            });
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm[0].whatIf().figuresProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> {
            ThresholdFigures f = vm[0].whatIf().figuresProperty().get();
            double tried = f.threshold() > 0.6 ? f.threshold() - 0.3 : f.threshold() + 0.2;
            vm[0].thresholdProperty().set(Math.round(tried * 100) / 100.0);
        }).get(10, TimeUnit.SECONDS);
        System.out.println("pictures-window-show: match screen ready; F9 journal, F10 access log; open for "
                + seconds + " s");
        Thread.sleep(seconds * 1000);
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        executor.shutdown();
    }
}
