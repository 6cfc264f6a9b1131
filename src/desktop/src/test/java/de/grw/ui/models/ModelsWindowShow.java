package de.grw.ui.models;

import de.grw.api.SignedIn;
import de.grw.api.local.SampleWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.AppContext;
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
 * Not a test: the model versions dialog in a real window for screenshots. The sample workspace, version 2 trained by
 * {@code vorgesetzte}, signed in as a second supervisor ({@code carla}); the dialog over the match screen with
 * version 2 selected and a comment typed. F9 activates it.
 * <pre>
 * window-shot --size 1024x700 --wait 100 --keys "F9" --out /tmp/models-de-1024 -- mvn -B -o test \
 *     -pl src/desktop -Dtest=ModelsWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ModelsWindowShow {

    @Test
    void showTheModelVersions() throws Exception {
        UiTestSupport.startToolkit();
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
        long seconds = Long.getLong("grw.window.seconds", 120);
        Path file = Files.createTempDirectory("grw-models-show").resolve("beispiel.grw");
        WorkbenchModel model = new WorkbenchModel();
        model.use(SampleWorkbench.build(file, (p, d, t) -> { }, () -> false));
        try (SignedIn admin = model.workbench().signIn(SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "carla", Role.SUPERVISOR, "Vorgesetzte-22");
        }
        try (SignedIn trainer = model.workbench().signIn(SampleWorkbench.SUPERVISOR,
                SampleWorkbench.PASSWORD.toCharArray())) {
            trainer.models().train(ProgressListener.NONE, CancellationToken.NONE);
        }
        model.signIn("carla", "Vorgesetzte-22".toCharArray());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        model.closeWith(executor);
        Stage stage = FxToolkit.registerPrimaryStage();
        ModelVersionsDialog[] dialog = new ModelVersionsDialog[1];
        WaitForAsyncUtils.asyncFx(() -> {
            I18n i18n = new I18n(locale);
            UserSettings settings = new UserSettings();
            settings.language = locale.getLanguage();
            TaskRunner tasks = new TaskRunner(executor, i18n);
            stage.setScene(WorkbenchApp.createScene(i18n, settings, model, tasks, stage));
            stage.setTitle(i18n.get("app.title"));
            var bounds = Screen.getPrimary().getVisualBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.show();
            MainWindow w = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
            w.show("nav.match");
            AppContext ctx = new AppContext(i18n, model, tasks, settings, e -> { }, n -> { });
            dialog[0] = ModelVersionsDialog.open(ctx, stage);
            KeyHandler keys = new KeyHandler(stage, w, dialog);
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, keys::pressed);
            dialog[0].dialog().getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, keys::pressed);
        }).get(20, TimeUnit.SECONDS);
        Thread.sleep(3000);
        WaitForAsyncUtils.asyncFx(() -> {
            var table = dialog[0].dialog().getDialogPane().lookup("#models-table");
            @SuppressWarnings("unchecked")
            var t = (javafx.scene.control.TableView<de.grw.versions.ModelVersionView>) table;
            t.getSelectionModel().select(0);
            ((TextField) dialog[0].dialog().getDialogPane().lookup("#models-comment"))
                    .setText(locale.getLanguage().equals("en") ? "checked on the twins" : "an den Zwillingen geprüft");
        }).get(10, TimeUnit.SECONDS);
        System.out.println("models-window-show: dialog ready; F9 activate; open for " + seconds + " s");
        Thread.sleep(seconds * 1000);
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        executor.shutdown();
    }

    /** F9: activate. */
    private record KeyHandler(Stage stage, MainWindow window, ModelVersionsDialog[] dialog) {
        void pressed(KeyEvent e) {
            if (e.getCode() == KeyCode.F9) {
                Node n = dialog[0].dialog().getDialogPane().lookup("#models-activate");
                if (n instanceof ButtonBase b) {
                    b.fire();
                }
            }
        }
    }
}
