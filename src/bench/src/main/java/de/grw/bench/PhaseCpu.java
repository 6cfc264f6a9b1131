package de.grw.bench;

import de.grw.common.ProgressListener;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process's CPU time per phase of a match, told apart by the phase names the engine reports progress under
 * (import, normalise, block, compare, estimate, score, ...): on a machine shared with other work the wall time of a
 * phase says little, its CPU time (both cores together) much more. Thread-safe.
 */
final class PhaseCpu implements ProgressListener {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private volatile String current;
    private long since;

    /** Starts the clock under a phase name (the first phase, before the engine reports any progress). */
    synchronized void start(String phase) {
        switchTo(phase);
    }

    @Override
    public void progress(String phase, long done, long total) {
        if (!phase.equals(current)) {
            synchronized (this) {
                if (!phase.equals(current)) {
                    switchTo(phase);
                }
            }
        }
    }

    private void switchTo(String phase) {
        long now = os.getProcessCpuTime();
        if (current != null) {
            nanos.merge(current, now - since, Long::sum);
        }
        current = phase;
        since = now;
    }

    /** Stops the clock; the CPU seconds per phase, in the order the phases began. */
    synchronized Map<String, Double> stop() {
        switchTo("");
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> {
            if (!k.isEmpty()) {
                out.put(k, v / 1e9);
            }
        });
        return out;
    }

    /** CPU time of the whole process so far, in seconds. */
    double total() {
        return os.getProcessCpuTime() / 1e9;
    }
}
