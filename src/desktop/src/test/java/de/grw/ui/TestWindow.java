package de.grw.ui;

import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's German window on a test's stage for a model (a workspace file's or a server's), with an executor and
 * a task runner of its own; {@link #close} lets the background work end, then closes the model.
 */
public final class TestWindow {
    public final WorkbenchModel model;
    public final ExecutorService executor = Executors.newSingleThreadExecutor();
    public final TaskRunner tasks;

    private TestWindow(Stage stage, WorkbenchModel model) {
        this.model = model;
        I18n i18n = I18n.german();
        tasks = new TaskRunner(executor, i18n);
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, tasks, stage));
        stage.show();
    }

    /** Shows the window for {@code model} on {@code stage} (on the FX thread, as TestFX's {@code @Start} runs). */
    public static TestWindow show(Stage stage, WorkbenchModel model) {
        return new TestWindow(stage, model);
    }

    /** Waits until no background work runs and the FX thread has handled what it posted. */
    public void idle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screens' background work ends before the model goes. */
    public void close() throws Exception {
        idle();
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }
}
