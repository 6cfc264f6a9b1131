package de.grw.ui.review;

import de.grw.api.local.SampleWorkbench;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: shows the review of the sample workspace (signed in as the clerk, the case reference given, a cluster
 * of four records open) in a real window as large as the screen, to look at the comparison's layout; F9 shows the
 * next record, F10 shows or hides the queue. Runs only with {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 90 --keys "F9 F10" --out /tmp/review-de-1024 -- mvn -B -o test \
 *     -pl src/desktop -Dtest=ReviewLayoutWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ReviewLayoutWindowShow {

    @Test
    void showTheReviewAsLargeAsTheScreen() throws Exception {
        UiTestSupport.startToolkit();
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
        long seconds = Long.getLong("grw.window.seconds", 120);
        Path file = Files.createTempDirectory("grw-review-show").resolve("beispiel.grw");
        WorkbenchModel model = new WorkbenchModel();
        model.use(SampleWorkbench.build(file, (p, d, t) -> { }, () -> false));
        model.signIn(SampleWorkbench.CLERK, SampleWorkbench.PASSWORD.toCharArray());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        model.closeWith(executor);
        Stage stage = FxToolkit.registerPrimaryStage();
        ReviewScreen[] review = new ReviewScreen[1];
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
            w.show("nav.review");
            review[0] = (ReviewScreen) w.screen("nav.review");
            TextField caseRef = (TextField) stage.getScene().lookup("#review-case");
            caseRef.setText(SampleWorkbench.CASE);
            caseRef.fireEvent(new ActionEvent());
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                String id = e.getCode() == KeyCode.F9 ? "#records-next"
                        : e.getCode() == KeyCode.F10 ? "#review-queue-toggle" : null;
                Node n = id == null ? null : stage.getScene().lookup(id);
                if (n instanceof ButtonBase b) {
                    b.fire();
                }
            });
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> review[0].viewModel().currentProperty().get() != null);
        System.out.println("review-layout-window-show: review ready; F9 next record, F10 queue; open for "
                + seconds + " s");
        Thread.sleep(seconds * 1000);
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        executor.shutdown();
    }
}
