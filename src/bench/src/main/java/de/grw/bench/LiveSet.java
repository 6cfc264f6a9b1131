package de.grw.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The exact live set at the phase boundaries of a match ({@code benchmark --live-set}): at the first progress report
 * of each phase, and at the first that reports it half done, it asks the JVM for a class histogram of the live objects ({@code GC.class_histogram}, the diagnostic
 * command {@code jcmd} runs), which makes a full collection first, so the total counts what is reachable and nothing
 * else, unlike {@link LiveHeap}'s figure after any collection (an upper bound: a young collection leaves older garbage).
 * Each measurement stops the run for a full collection (about a second a million records), so it is an option, off in
 * normal runs. Thread-safe (the engine reports progress from its worker threads).
 */
final class LiveSet {
    /** One boundary: the phase that begins, the live bytes then, and the histogram's first rows. */
    record Point(String phase, long bytes, List<String> top) {
    }

    private static final int TOP = 15;
    private final List<Point> points = new ArrayList<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>();
    /** Per phase the largest of the samples taken while it ran ({@link #sampleEvery}). */
    private final Map<String, Point> sampled = new LinkedHashMap<>();
    private volatile String current = "import";
    private volatile Thread sampler;

    /**
     * Measures also every {@code millis} on a thread of its own, whatever the phase (the peak of the import, where
     * the sources' tables and the run's are alive together, has no progress report to measure at).
     */
    void sampleEvery(long millis) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(millis);
                    synchronized (this) {
                        String phase = current + " (sampled)";
                        Point p = measure(phase);
                        sampled.merge(phase, p, (a, b) -> a.bytes() >= b.bytes() ? a : b);
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "grw-live-set");
        t.setDaemon(true);
        sampler = t;
        t.start();
    }

    /** Stops the sampling thread. */
    void stop() {
        Thread t = sampler;
        if (t != null) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The largest sample per phase. */
    synchronized List<Point> sampledPeaks() {
        return List.copyOf(sampled.values());
    }

    /** Measures the live set as {@code phase} begins, once per phase name. */
    synchronized void phaseBegins(String phase) {
        if (seen.putIfAbsent(phase, Boolean.TRUE) != null) {
            return;
        }
        current = phase;
        points.add(measure(phase));
    }

    /**
     * A progress report: measures as a phase begins and once more when it is half done (a phase's peak may lie
     * within it: blocking holds its rules' lists until the phase ends).
     */
    synchronized void progress(String phase, long done, long total) {
        phaseBegins(phase);
        if (total > 0 && 2 * done >= total && done < total) {
            String half = phase + " half done";
            if (seen.putIfAbsent(half, Boolean.TRUE) == null) {
                points.add(measure(half));
            }
        }
    }

    synchronized List<Point> points() {
        return List.copyOf(points);
    }

    /** The boundary with the most live bytes, or {@code null} before any. */
    synchronized Point peak() {
        Point best = null;
        List<Point> all = new ArrayList<>(points);
        all.addAll(sampled.values());
        for (Point p : all) {
            if (best == null || p.bytes() > best.bytes()) {
                best = p;
            }
        }
        return best;
    }

    private static Point measure(String phase) {
        String histogram = histogram();
        long total = -1;
        List<String> top = new ArrayList<>();
        for (String line : histogram.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Total")) {
                String[] parts = t.split("\\s+");
                total = Long.parseLong(parts[2]);
            } else if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && top.size() < TOP) {
                top.add(t);
            }
        }
        if (total < 0) {
            throw new IllegalStateException("no total in the class histogram: " + histogram);
        }
        return new Point(phase, total, top);
    }

    /** The live objects' class histogram; a full collection runs first. */
    static String histogram() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
            return (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM gives no class histogram (GC.class_histogram): " + e, e);
        }
    }
}
