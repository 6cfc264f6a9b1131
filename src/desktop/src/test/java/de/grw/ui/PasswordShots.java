package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.rights.Role;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Not a test: the password step after a sign-in with a one-time password in a real window, for screenshots
 * ({@code window-shot --out DIR -- java -cp ... de.grw.ui.PasswordShots de|en}): the clerk carla, created by the
 * administrator, signs in; the dialog asks for her own password, and a too simple one is refused beside the field.
 */
public final class PasswordShots {
    private PasswordShots() {
    }

    /** Not an {@link Application} itself, so that {@code java -cp} starts it with JavaFX on the class path. */
    public static void main(String[] args) {
        Application.launch(Show.class, args);
    }

    /** The window. */
    public static final class Show extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String language = args.isEmpty() ? "de" : args.get(0);
        System.setProperty("grw.home", Files.createTempDirectory("grw-pw-home").toString());
        WorkbenchModel model = new WorkbenchModel();
        model.use(LocalWorkbench.of(UiTestSupport.newWorkspace(Files.createTempDirectory("grw-pw-shots"))));
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            admin.users().add("carla", Role.CLERK, "4711", "Erstes-Kennwort-42".toCharArray());
        }
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        UserSettings settings = new UserSettings();
        settings.language = language;
        Scene scene = WorkbenchApp.createScene(i18n, settings, model,
                new TaskRunner(Executors.newSingleThreadExecutor(), i18n), stage);
        var bounds = Screen.getPrimary().getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setScene(scene);
        stage.show();
        later(1, () -> {
            ((TextField) scene.lookup("#start-user")).setText("carla");
            ((TextField) scene.lookup("#start-password")).setText("Erstes-Kennwort-42");
            ((ButtonBase) scene.lookup("#start-sign-in")).fire();
        });
        later(4, () -> {
            for (Window w : Window.getWindows()) {
                Node first = w.getScene().lookup("#password-new");
                if (first != null) {
                    ((TextField) first).setText("abcdefghijk");
                    ((TextField) w.getScene().lookup("#password-repeat")).setText("abcdefghijk");
                    ((ButtonBase) w.getScene().lookup("#password-save")).fire();
                }
            }
        });
    }

    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> Platform.runLater(r));
        p.play();
    }
}
