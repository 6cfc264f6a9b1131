package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the walks for cut text ({@link ElidedTextUiTest} over a local workspace, {@link ServerElidedTextUiTest} with a
 * server) share: the window's stage, the models and executors closed after each test, the four walks (German and
 * English at 1024x700 and 1920x1080), a check of the scene as it stands, one while a task runs, and the lookups.
 *
 * <p>TestFX finds {@code @Start} only on the test class itself: a subclass has
 * {@code @Start void start(Stage stage) { open(stage); }}.
 */
abstract class ElidedWalkTest {
    protected Stage stage;
    protected final List<WorkbenchModel> models = new ArrayList<>();
    protected final List<ExecutorService> executors = new ArrayList<>();

    protected void open(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        executors.forEach(ExecutorService::shutdownNow);
        for (WorkbenchModel m : models) {
            WaitForAsyncUtils.asyncFx(m::close).get(10, TimeUnit.SECONDS);
        }
    }

    /** One walk of the screens in a language at a window size; the problems found. */
    protected abstract List<ElidedText.Problem> walk(String language, int width, int height) throws Exception;

    /**
     * The four walks' problems; {@code -Dgrw.elided.only=de-1024} walks one language at one width (while mending what
     * the test found).
     */
    protected List<ElidedText.Problem> walkAll() throws Exception {
        List<ElidedText.Problem> problems = new ArrayList<>();
        for (String language : List.of("de", "en")) {
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1920, 1080})) {
                String only = System.getProperty("grw.elided.only");
                if (only != null && !only.equals(language + "-" + size[0])) {
                    continue;
                }
                problems.addAll(walk(language, size[0], size[1]));
            }
        }
        return problems;
    }

    /** Checks the status bar while a task of this title runs, held in the given phase until checked. */
    protected void checkWhileRunning(TaskRunner tasks, String title, String phase, List<ElidedText.Problem> problems,
                                     String at, String screen) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        UiTestSupport.onFx(() -> tasks.run(title, (progress, cancel) -> {
            progress.progress(phase, 1_234_567, 5_380_783);
            running.await(60, TimeUnit.SECONDS);
            return null;
        }, done -> { }, error -> { }));
        waitFor(() -> tasks.runningProperty().get() && !tasks.messageProperty().get().isBlank());
        check(problems, at, screen);
        running.countDown();
        waitFor(() -> !tasks.runningProperty().get());
    }

    /** The scene's cut texts as it stands, printed; with {@code -Dgrw.snapshots=DIR} a picture of it too. */
    protected void check(List<ElidedText.Problem> problems, String at, String screen) throws Exception {
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<ElidedText.Problem> found = new ArrayList<>();
        UiTestSupport.onFx(() -> found.addAll(ElidedText.in(stage.getScene(), at + ", " + screen)));
        found.forEach(p -> System.out.println("ELIDED " + p));
        problems.addAll(found);
        if (System.getProperty("grw.snapshots") != null) {
            Snapshots.write(new org.testfx.api.FxRobot(), stage.getScene(), Path.of(System.getProperty(
                    "grw.snapshots"), (at + "-" + screen).replaceAll("[^A-Za-z0-9]+", "-") + ".png"));
        }
    }

    protected <T> T node(String selector, Class<T> type) {
        Node n = stage.getScene().lookup(selector);
        assertThat(n).as(selector).isNotNull();
        return type.cast(n);
    }

    protected static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
