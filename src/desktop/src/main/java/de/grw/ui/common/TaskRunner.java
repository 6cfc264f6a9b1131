package de.grw.ui.common;

import de.grw.common.CancellationToken;
import de.grw.common.CancelledException;
import de.grw.common.ProgressListener;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs engine work off the FX thread as JavaFX {@link Task}s on one injected executor (a same-thread executor in
 * tests). The engine's plain-Java progress and cancellation are mapped onto the task; the running task's title,
 * message and progress are exposed for the status bar, and {@link #cancel()} stops it.
 */
public final class TaskRunner {
    /** A piece of engine work. */
    @FunctionalInterface
    public interface Job<T> {
        T run(ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    private final Executor executor;
    private final I18n i18n;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private Task<?> current;
    private Consumer<Throwable> sessionEnded = e -> { };

    public TaskRunner(Executor executor, I18n i18n) {
        this.executor = executor;
        this.i18n = i18n;
    }

    /**
     * Starts a job. {@code onSuccess} and {@code onFailure} run on the FX thread; a cancelled job calls neither.
     */
    public <T> Task<T> run(String titleText, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                ProgressListener listener = (phase, done, total) -> {
                    updateMessage(i18n.get("phase." + phase));
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                };
                return job.run(listener, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            finished(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            if (!(task.getException() instanceof CancelledException)) {
                onFailure.accept(task.getException());
                if (Errors.sessionEnded(task.getException())) {
                    sessionEnded.accept(task.getException());
                }
            }
        });
        task.setOnCancelled(e -> finished(task));
        current = task;
        title.set(titleText);
        running.set(true);
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        executor.execute(task);
        return task;
    }

    /**
     * Starts a job whose cancellation the caller must see through to the end. As {@link #run}, and
     * {@code onCancelled} runs on the FX thread once a cancelled job has really stopped (a job that was running goes
     * on until the engine next checks): with {@code null} when the job did not complete, or with the job's result when
     * it completed all the same (the cancel came too late, for example while the result was being stored). It runs at
     * most once.
     */
    public <T> Task<T> run(String titleText, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                           Consumer<T> onCancelled) {
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<T> result = new AtomicReference<>();
        boolean[] reported = {false};
        Consumer<T> report = value -> {
            if (!reported[0]) {
                reported[0] = true;
                onCancelled.accept(value);
            }
        };
        Job<T> tracked = (progress, cancel) -> {
            started.set(true);
            T value;
            try {
                value = job.run(progress, cancel);
            } catch (Exception | Error e) {
                finished.set(true);
                if (cancel.isCancelled()) {
                    fx(() -> report.accept(null));
                }
                throw e;
            }
            result.set(value);
            finished.set(true);
            if (cancel.isCancelled()) {
                fx(() -> report.accept(value));
            }
            return value;
        };
        Task<T> task = run(titleText, tracked, onSuccess, onFailure);
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.CANCELLED && (!started.get() || finished.get())) {
                report.accept(result.get());
            }
        });
        return task;
    }

    /**
     * Runs a short engine call (a read of the queue, opening a cluster, a decision) off the FX thread. Exactly one of
     * {@code onSuccess} and {@code onFailure} runs afterwards, on the FX thread: a call cancelled before it could
     * finish fails with a {@link CancelledException}; one that finished all the same (a decision already committed)
     * succeeds, so that the screen shows what is stored.
     */
    public <T> Task<T> call(String titleText, java.util.concurrent.Callable<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
        return run(titleText, (progress, cancel) -> work.call(), onSuccess, onFailure, value -> {
            if (value != null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(new CancelledException());
            }
        });
    }

    /**
     * Runs a short call in the background on the same executor, without showing it in the status bar (the review's
     * polling of the change feed every few seconds, renewing a claim): exactly one of {@code onSuccess} and
     * {@code onFailure} runs afterwards on the FX thread; a failure because the session ended leads back to the
     * sign-in as with {@link #run}.
     */
    public <T> void quietly(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
        try {
            execute(work, onSuccess, onFailure);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing and its executor shut down: a poll or refresh has nothing left to do
            org.slf4j.LoggerFactory.getLogger(TaskRunner.class).debug("not run, the executor is shut down: {}",
                    e.toString());
        }
    }

    private <T> void execute(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess,
                             Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable e) {
                fx(() -> {
                    onFailure.accept(e);
                    if (Errors.sessionEnded(e)) {
                        sessionEnded.accept(e);
                    }
                });
                return;
            }
            fx(() -> onSuccess.accept(value));
        });
    }

    private void finished(Task<?> task) {
        if (current == task) {
            message.unbind();
            progress.unbind();
            running.set(false);
            message.set("");
            progress.set(0);
            current = null;
        }
    }

    /**
     * What happens when a job fails because the session ended (a server's timeout, a changed account): the screen
     * that started it shows its message as always, then this runs (on the FX thread).
     */
    public void onSessionEnded(Consumer<Throwable> handler) {
        this.sessionEnded = handler;
    }

    /** Cancels the running job; the engine notices at its next check. */
    public void cancel() {
        Task<?> t = current;
        if (t != null) {
            t.cancel(false);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** An executor that runs work on the calling thread, for tests. */
    public static Executor sameThread() {
        return Runnable::run;
    }

    /** Runs on the FX thread, now if already there. */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
