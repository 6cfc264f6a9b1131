package de.grw.ui;

import de.grw.api.local.SampleWorkbench;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The set-up every {@code *WindowShow} shares (not tests: screens in a real window for {@code window-shot}, run only
 * with {@code -Dgrw.window.show=true}): the language from {@code -Dgrw.window.language} (German by default), how
 * long the window stays open from {@code -Dgrw.window.seconds}, the sample workspace, the workbench's scene in a
 * window as large as the screen (without a window manager a larger one would lie partly off-screen), function keys
 * that step through what is to be seen, and closing it all afterwards. A subclass says only what it shows.
 */
public abstract class WindowShow {
    /** The language of the window. */
    protected final Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
    protected final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Map<KeyCode, Runnable> keys = new EnumMap<>(KeyCode.class);
    protected WorkbenchModel model;
    protected Stage stage;
    protected MainWindow window;
    protected I18n i18n;
    protected UserSettings settings;
    protected TaskRunner tasks;

    /** A new sample workspace (built as {@code grw sample} builds it) in a temporary folder, opened in the model. */
    protected WorkbenchModel sample(String prefix) throws Exception {
        UiTestSupport.startToolkit();
        Path file = Files.createTempDirectory(prefix).resolve("beispiel.grw");
        model = new WorkbenchModel();
        model.use(SampleWorkbench.build(file, (p, d, t) -> { }, () -> false));
        return model;
    }

    /** Uses a model prepared by the subclass (a server's workbench). */
    protected WorkbenchModel use(WorkbenchModel prepared) throws Exception {
        UiTestSupport.startToolkit();
        model = prepared;
        return model;
    }

    /**
     * Shows the model's workbench in a window as large as the screen, in {@link #locale}; then runs {@code then} on
     * the FX thread (open a screen, fill a field).
     */
    protected void show(FxWork then) throws Exception {
        model.closeWith(executor);
        stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            i18n = new I18n(locale);
            settings = new UserSettings();
            settings.language = locale.getLanguage();
            tasks = new TaskRunner(executor, i18n);
            stage.setScene(WorkbenchApp.createScene(i18n, settings, model, tasks, stage));
            stage.setTitle(i18n.get("app.title"));
            var bounds = Screen.getPrimary().getVisualBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.show();
            window = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
            then.run();
            return null;
        }).get(120, TimeUnit.SECONDS);
    }

    /** What runs on the FX thread (may throw). */
    @FunctionalInterface
    protected interface FxWork {
        void run() throws Exception;
    }

    /** Runs on the FX thread and waits for it. */
    protected <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(120, TimeUnit.SECONDS);
    }

    /** Runs on the FX thread and waits for it. */
    protected void onFx(FxWork work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (up to two minutes) until the condition holds. */
    protected static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    /** {@code key} (pressed in the main window or a dialog given to {@link #keysIn}) does {@code action}. */
    protected void onKey(KeyCode key, Runnable action) {
        keys.put(key, action);
    }

    /** The keys of {@link #onKey} also work while a dialog's scene has the focus. */
    protected void keysIn(javafx.scene.Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
    }

    private void pressed(KeyEvent e) {
        Runnable action = keys.get(e.getCode());
        if (action != null) {
            action.run();
        }
    }

    /** Fires the button {@code selector} finds in the main window, if it is there. */
    protected void fire(String selector) {
        Node n = stage.getScene().lookup(selector);
        if (n instanceof ButtonBase b) {
            b.fire();
        }
    }

    /**
     * Says on the console that the window is ready and what the keys do, keeps it open for
     * {@code -Dgrw.window.seconds} (else {@code seconds}) and closes the workbench.
     */
    protected void hold(String name, String what, long seconds) throws Exception {
        long open = Long.getLong("grw.window.seconds", seconds);
        System.out.println(name + ": " + what + "; open for " + open + " s");
        Thread.sleep(open * 1000);
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        executor.shutdown();
    }
}
