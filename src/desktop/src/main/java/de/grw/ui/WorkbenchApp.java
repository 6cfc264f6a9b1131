package de.grw.ui;

import atlantafx.base.theme.PrimerLight;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.ErrorDialog;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.ui.common.Screen;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.shell.MainWindow;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop workbench. Wires the model, the background executor and the screens; shows the main window. */
public final class WorkbenchApp extends Application {
    private ExecutorService executor;
    private WorkbenchModel model;

    @Override
    public void start(Stage stage) {
        UserSettings settings = UserSettings.load();
        I18n i18n = new I18n(Locale.forLanguageTag(settings.language));
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "grw-background");
            t.setDaemon(true);
            return t;
        });
        model = new WorkbenchModel();
        // signing out of a server is a request: never on the FX thread
        model.closeWith(executor);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> ErrorDialog.show(stage, i18n, error));
        Scene scene = createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage, () -> reload(stage,
                settings));
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(scene);
        // 1400 x 860 where the screen has room, never more than the screen (a 1024 x 768 office monitor, a laptop)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1400, screen.getWidth()));
        stage.setHeight(Math.min(860, screen.getHeight()));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
        stage.show();
    }

    private void reload(Stage stage, UserSettings settings) {
        I18n i18n = new I18n(Locale.forLanguageTag(settings.language));
        stage.setTitle(i18n.get("app.title"));
        stage.setScene(createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage,
                () -> reload(stage, settings)));
    }

    /** Builds the whole scene; also used by the UI tests and the screenshot tool. */
    public static Scene createScene(I18n i18n, UserSettings settings, WorkbenchModel model, TaskRunner tasks,
                                    Stage stage) {
        return createScene(i18n, settings, model, tasks, stage, () -> { });
    }

    public static Scene createScene(I18n i18n, UserSettings settings, WorkbenchModel model, TaskRunner tasks,
                                    Stage stage, Runnable reload) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow[] window = new MainWindow[1];
        // a session the server ended leads back to the sign-in, saying why
        tasks.onSessionEnded(error -> model.sessionEnded(Errors.message(error, i18n)));
        AppContext ctx = new AppContext(i18n, model, tasks, settings,
                error -> ErrorDialog.show(stage, i18n, error), key -> window[0].show(key), reload);
        // the window rebuilt (another language): on the screen the user was on, with what they worked on
        String screen = model.screenProperty().get();
        // the work screens are made anew at each sign-out: the next user sees nothing of the previous one
        window[0] = new MainWindow(ctx, Screens.start(ctx), () -> Screens.all(ctx));
        if (model.signedIn() != null) {
            window[0].show(screen == null ? "nav.review" : screen);
        }
        Scene scene = new Scene(window[0].root(), 1400, 860);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        // where the cursor is, on every screen (Tab order visible): a stylesheet of its own
        scene.getStylesheets().add(WorkbenchApp.class.getResource("focus.css").toExternalForm());
        window[0].root().setStyle("-fx-font-size: " + settings.fontSize + "px;");
        scene.getProperties().put(MainWindow.class, window[0]);
        return scene;
    }

    @Override
    public void stop() {
        if (model != null) {
            // the last sign-out goes out before the executor stops
            model.closeWith(Runnable::run);
            model.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        Platform.exit();
    }
}
