package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.local.LocalWorkbench;
import de.grw.store.Workspace;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.shell.MainWindow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The key-to-next-cluster benchmark of issue 13: the desktop (headless) on a large workspace built by
 * {@code grw-bench review-benchmark --records 1000000 --workspace FILE}, a keyboard session of 300 clusters as
 * {@link KeyboardSessionUiTest} drives it (a value taken by digit every third cluster, Alt+M, every tenth deferred
 * with a comment), measuring from each decision's key press to the end of the layout pulse that shows the next
 * cluster's grid. Prints records, clusters queued, seconds, median / 95th percentile / maximum and the peak heap.
 * Runs only when given the workspace: {@code -Dgrw.bench.workspace=FILE} (user and password of review-benchmark's
 * clerk unless {@code -Dgrw.bench.user} / {@code -Dgrw.bench.password}; {@code -Dgrw.bench.clusters=N}). The
 * decisions are recorded in that workspace: a second run goes on with the next clusters. Old and new build side by
 * side in one run, alternating on copies of one workspace: {@code src/bench/scripts/keyboard-latency-side-by-side.sh}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class KeyboardLatencyBench {
    private static final String FILE = System.getProperty("grw.bench.workspace");
    private static final String USER = System.getProperty("grw.bench.user", "clerk");
    private static final String PASSWORD = System.getProperty("grw.bench.password", "Benchmark-2026");
    private static final int CLUSTERS = Integer.getInteger("grw.bench.clusters", 300);
    private WorkbenchModel model;
    private ExecutorService executor;
    private Scene scene;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private long opened;
    private volatile Thread background;

    @Start
    void start(Stage stage) throws Exception {
        Assumptions.assumeTrue(FILE != null && Files.exists(Path.of(FILE)), "-Dgrw.bench.workspace=FILE not given");
        UiTestSupport.startToolkit();
        long t = System.nanoTime();
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(Workspace.open(Path.of(FILE), Clock.systemUTC())));
        opened = System.nanoTime() - t;
        executor = Executors.newSingleThreadExecutor(r -> {
            background = new Thread(r, "grw-background");
            background.setDaemon(true);
            return background;
        });
        executor.submit(() -> { }).get(); // the thread exists from now on
        I18n i18n = I18n.german();
        scene = WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n), stage);
        stage.setScene(scene);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        Thread.setDefaultUncaughtExceptionHandler((th, e) -> uncaught.add(e));
    }

    @AfterEach
    void stop() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
            WaitForAsyncUtils.asyncFx(model::close).get(30, TimeUnit.SECONDS);
        }
    }

    private ReviewViewModel review() {
        MainWindow window = (MainWindow) scene.getProperties().get(MainWindow.class);
        return ((ReviewScreen) window.screen("nav.review")).viewModel();
    }

    private String focusId() {
        Node owner = scene.getFocusOwner();
        return owner == null || owner.getId() == null ? "" : owner.getId();
    }

    private <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }

    private static void press(BaseRobot keys, KeyCode... combination) {
        for (KeyCode k : combination) {
            keys.pressKeyboard(k);
        }
        for (int i = combination.length - 1; i >= 0; i--) {
            keys.releaseKeyboard(combination[i]);
        }
    }

    @Test
    void keyToNextClusterOnALargeWorkspace(FxRobot robot) throws Exception {
        BaseRobot keys = robot.robotContext().getBaseRobot();
        long started = System.nanoTime();
        robot.interact(() -> robot.lookup("#start-user").query().requestFocus());
        robot.write(USER).type(KeyCode.TAB).write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.signedIn() != null);
        long signedIn = System.nanoTime();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> fx(() -> !review().queue().isEmpty()
                && !review().busyProperty().get()));
        long queued = System.nanoTime();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(this::focusId).equals("review-case"));
        robot.write("51.2-2026/0815").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> fx(() -> review().stateProperty().get().view() != null
                && !review().busyProperty().get()));
        long first = System.nanoTime();
        int remaining = fx(() -> review().remainingProperty().get());

        KeyLatency latency = fx(() -> new KeyLatency(scene, review()));
        latency.background(background);
        fx(() -> {
            de.grw.ui.review.RedrawTimes.start();
            return null;
        });
        List<String> faults = new ArrayList<>();
        long session = System.nanoTime();
        for (int i = 0; i < CLUSTERS; i++) {
            long open = fx(() -> review().stateProperty().get().view().clusterId());
            if (i % 3 == 1) {
                press(keys, KeyCode.DIGIT2);
            }
            KeyCode key = KeyCode.M;
            if (i % 10 == 5) {
                press(keys, KeyCode.ALT, KeyCode.B);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(this::focusId).equals("review-comment"));
                for (char c : ("Rückfrage " + i).toCharArray()) {
                    keys.typeKeyboard(scene, KeyCode.UNDEFINED, String.valueOf(c));
                }
                String typed = "Rückfrage " + i;
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> review().commentProperty().get())
                        .equals(typed));
                key = KeyCode.Z;
            }
            KeyCode decision = key;
            robot.interact(() -> latency.arm(decision));
            press(keys, KeyCode.ALT, key);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> latency.done() && !fx(() -> review().busyProperty()
                    .get()));
            String message = fx(() -> review().messageProperty().get());
            if (!message.startsWith(key == KeyCode.M ? "Zusammenführung vorgeschlagen" : "Zurückgestellt")) {
                faults.add("cluster " + open + ": " + message);
            }
        }
        double seconds = (System.nanoTime() - session) / 1e9;
        robot.interact(latency::close);
        long records = UiTestSupport.read(model, c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "keyboard latency benchmark: %,d records, %,d clusters queued; open %.0f ms, "
                + "sign in %.1f s, first queue page %.1f s, first cluster %.1f s; session of %d clusters in %.1f s; "
                + "%s; peak heap %,d MB (of %,d MB); load average %.1f%n", records, remaining, opened / 1e6,
                (signedIn - started) / 1e9, (queued - signedIn) / 1e9, (first - queued) / 1e9, CLUSTERS, seconds,
                latency.summary(), peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("latency parts: " + latency.parts());
        System.out.println("latency CPU: " + fx(latency::cpu));
        System.out.println("FX thread parts: " + fx(de.grw.ui.review.RedrawTimes::summary));
        System.out.println("latencies (ms, in order): " + latency);
        assertThat(faults).isEmpty();
        assertThat(uncaught).isEmpty();
        assertThat(latency.count()).isEqualTo(CLUSTERS);
    }
}
