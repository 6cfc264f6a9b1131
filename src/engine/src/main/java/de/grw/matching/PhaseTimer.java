package de.grw.matching;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measures the wall time of named phases in order. */
public final class PhaseTimer {
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private String current;
    private long start;

    public void start(String phase) {
        stop();
        current = phase;
        start = System.nanoTime();
    }

    public void stop() {
        if (current != null) {
            phases.merge(current, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
            current = null;
        }
    }

    public Map<String, Duration> phases() {
        return Collections.unmodifiableMap(phases);
    }

    public void record(String phase, Duration d) {
        phases.merge(phase, d, Duration::plus);
    }
}
