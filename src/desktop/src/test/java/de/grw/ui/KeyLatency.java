package de.grw.ui;

import de.grw.review.ReviewViews.ClusterView;
import de.grw.ui.review.ReviewViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Measures, on the FX thread, how long a clerk waits from a decision's key press until the next cluster's grid is
 * shown: from the key event entering the window to the end of the first layout pulse in which the review's grid holds
 * the next cluster's records (what the next frame draws). The test arms it before pressing the key.
 */
final class KeyLatency {
    private final Scene scene;
    private final ReviewViewModel vm;
    private final List<Long> nanos = new ArrayList<>();
    /** Per decision: from the key to the moment the next cluster was swapped into the view model (background work). */
    private final List<Long> swaps = new ArrayList<>();
    private long swappedAt;
    private final javafx.beans.value.ChangeListener<Object> swap = (o, was, now) -> swapped();
    private final EventHandler<KeyEvent> filter = this::pressed;
    private final Runnable pulse = this::pulse;
    /** The key that starts a measurement, or null while none is armed (FX thread only). */
    private KeyCode armed;
    private long from;
    private long pressedAt;
    private volatile boolean measuring;
    /**
     * CPU time (not wall time) spent between the key and the next cluster shown, per decision: by the FX thread,
     * and by the review's background thread (the executor's single thread, when the test names it). Unlike the
     * wall time, it hardly depends on how many other processes wait for the cores.
     */
    private final List<Long> fxCpu = new ArrayList<>();
    private final List<Long> backgroundCpu = new ArrayList<>();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile long backgroundThread = -1;
    private long fxCpuAt;
    private long backgroundCpuAt;

    KeyLatency(Scene scene, ReviewViewModel vm) {
        this.scene = scene;
        this.vm = vm;
        scene.getWindow().addEventFilter(KeyEvent.KEY_PRESSED, filter);
        scene.addPostLayoutPulseListener(pulse);
        vm.stateProperty().addListener(swap);
    }

    private void swapped() {
        ClusterView shown = vm.stateProperty().get().view();
        if (pressedAt != 0 && swappedAt == 0 && shown != null && shown.clusterId() != from) {
            swappedAt = System.nanoTime();
        }
    }

    /** The next press of {@code key} starts a measurement that ends when a cluster other than the open one is shown. */
    void arm(KeyCode key) {
        ClusterView open = vm.stateProperty().get().view();
        from = open == null ? -1 : open.clusterId();
        armed = key;
        pressedAt = 0;
        swappedAt = 0;
        measuring = true;
    }

    /** Whether the armed measurement has ended (the next cluster is shown). */
    boolean done() {
        return !measuring;
    }

    private void pressed(KeyEvent e) {
        if (armed != null && e.getCode() == armed && pressedAt == 0) {
            pressedAt = System.nanoTime();
            fxCpuAt = THREADS.getCurrentThreadCpuTime();
            backgroundCpuAt = backgroundThread < 0 ? 0 : THREADS.getThreadCpuTime(backgroundThread);
        }
    }

    /** The review's background thread, whose CPU time is counted as well. */
    void background(Thread thread) {
        backgroundThread = thread.getId();
    }

    private void pulse() {
        if (pressedAt == 0) {
            return;
        }
        ClusterView shown = vm.stateProperty().get().view();
        Node grid = scene.lookup("#review-center") instanceof ScrollPane center ? center.getContent() : null;
        if (shown == null || shown.clusterId() == from || grid == null || shown.members().isEmpty()
                || !Long.valueOf(shown.members().get(0).id()).equals(recordShown(grid))) {
            return;
        }
        nanos.add(System.nanoTime() - pressedAt);
        fxCpu.add(THREADS.getCurrentThreadCpuTime() - fxCpuAt);
        backgroundCpu.add(backgroundThread < 0 ? 0 : THREADS.getThreadCpuTime(backgroundThread) - backgroundCpuAt);
        swaps.add((swappedAt == 0 ? System.nanoTime() : swappedAt) - pressedAt);
        pressedAt = 0;
        armed = null;
        measuring = false;
    }

    /** The record the grid's first record column shows now (its check box's record), or null. */
    private static Object recordShown(Node grid) {
        Node include = grid.lookup("#member-in-1");
        return include == null ? null : include.getProperties().get(de.grw.ui.review.ReviewScreen.RECORD);
    }

    void close() {
        scene.getWindow().removeEventFilter(KeyEvent.KEY_PRESSED, filter);
        scene.removePostLayoutPulseListener(pulse);
        vm.stateProperty().removeListener(swap);
    }

    int count() {
        return nanos.size();
    }

    /** The {@code q}-quantile (0.5 the median) in milliseconds. */
    double millis(double q) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    double maxMillis() {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    String summary() {
        return String.format(Locale.ROOT, "key to next cluster (%d decisions): median %.1f ms, 95th percentile %.1f ms, "
                + "maximum %.1f ms", count(), millis(0.5), millis(0.95), maxMillis());
    }

    /**
     * Where the time went: from the key to the next cluster swapped into the view model (the decision and the next
     * cluster read and built in the background, with the waits for the executor and the FX thread), and from there
     * to the end of the layout pulse that shows it (the grid filled, styles and layout on the FX thread).
     */
    String parts() {
        long[] background = swaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] fx = new long[nanos.size()];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = nanos.get(i) - swaps.get(i);
        }
        java.util.Arrays.sort(fx);
        return String.format(Locale.ROOT, "key to the next cluster swapped in: median %.1f ms, 95th percentile %.1f ms;"
                + " swapped in to shown: median %.1f ms, 95th percentile %.1f ms", quantile(background, 0.5),
                quantile(background, 0.95), quantile(fx, 0.5), quantile(fx, 0.95));
    }

    /** CPU time from the key to the next cluster shown: the FX thread's, the background thread's, both. */
    String cpu() {
        long[] fx = fxCpu.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] bg = backgroundCpu.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] both = new long[fx.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = fxCpu.get(i) + backgroundCpu.get(i);
        }
        java.util.Arrays.sort(both);
        return String.format(Locale.ROOT, "CPU from key to shown: FX thread median %.1f ms, p95 %.1f ms, max %.1f ms;"
                + " background thread median %.1f ms, p95 %.1f ms; both median %.1f ms, p95 %.1f ms, max %.1f ms",
                quantile(fx, 0.5), quantile(fx, 0.95), quantile(fx, 1), quantile(bg, 0.5), quantile(bg, 0.95),
                quantile(both, 0.5), quantile(both, 0.95), quantile(both, 1));
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))]
                / 1e6;
    }

    @Override
    public String toString() {
        return summary() + " " + Arrays.toString(nanos.stream().mapToLong(n -> n / 1_000_000).toArray());
    }
}
