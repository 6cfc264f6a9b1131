package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancelledException;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Cancelling through the task runner: the caller hears once, and only after the job has really stopped. */
class TaskRunnerTest {
    private ExecutorService executor;
    private TaskRunner runner;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        executor = Executors.newSingleThreadExecutor();
        runner = new TaskRunner(executor, I18n.german());
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private void start(TaskRunner.Job<String> job) {
        UiTestSupport.onFx(() -> runner.run("t", job, v -> events.add("success " + v), e -> events.add("failure"),
                v -> events.add("cancelled " + v)));
    }

    private void settle() throws Exception {
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aJobCancelledBeforeItRunsNeverRunsAndIsReportedOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> await(release));
        AtomicBoolean ran = new AtomicBoolean();
        start((p, c) -> {
            ran.set(true);
            return "x";
        });
        UiTestSupport.onFx(runner::cancel);
        release.countDown();
        settle();
        assertThat(ran).isFalse();
        assertThat(events).containsExactly("cancelled null");
    }

    @Test
    void aRunningJobIsReportedCancelledOnlyAfterItStopped() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        start((p, c) -> {
            running.countDown();
            await(proceed);
            c.throwIfCancelled();
            return "x";
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        UiTestSupport.onFx(runner::cancel);
        assertThat(events).as("the job still runs").isEmpty();
        assertThat(runner.runningProperty().get()).isFalse();
        proceed.countDown();
        settle();
        assertThat(events).containsExactly("cancelled null");
    }

    @Test
    void aJobThatCompletesDespiteTheCancelHandsOverItsResult() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        start((p, c) -> {
            running.countDown();
            await(proceed);
            return "stored";
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        UiTestSupport.onFx(runner::cancel);
        proceed.countDown();
        settle();
        assertThat(events).containsExactly("cancelled stored");
    }

    @Test
    void withoutACancelTheResultArrivesAsSuccess() throws Exception {
        start((p, c) -> "x");
        settle();
        assertThat(events).containsExactly("success x");
    }

    @Test
    void aCancelledExceptionWithoutACancelIsNotReportedAsCancelled() throws Exception {
        start((p, c) -> {
            throw new CancelledException();
        });
        settle();
        assertThat(events).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
