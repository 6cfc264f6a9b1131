package de.grw.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the FX thread's time goes when the review shows another cluster (issue 13's latency benchmark): the parts
 * of a redraw (the grid filled, the frozen columns attached, the explanation panel built) and the swap of the view
 * model's state, in milliseconds. Off unless {@link #start()} is called (the benchmark); then a redraw costs two
 * {@code System.nanoTime()} calls per part. FX thread only.
 */
public final class RedrawTimes {
    private static Map<String, List<Long>> parts;

    private RedrawTimes() {
    }

    /** Starts collecting (and forgets what was collected). */
    public static void start() {
        parts = new TreeMap<>();
    }

    static long now() {
        return parts == null ? 0 : System.nanoTime();
    }

    /** Adds the time since {@code from} ({@link #now()}) to a part. */
    static void add(String part, long from) {
        if (parts != null) {
            parts.computeIfAbsent(part, k -> new ArrayList<>()).add(System.nanoTime() - from);
        }
    }

    /** Each part's count, median, 95th percentile and maximum in milliseconds. */
    public static String summary() {
        if (parts == null) {
            return "not collected";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Long>> e : parts.entrySet()) {
            long[] s = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(Locale.ROOT, "%s%s: n %d, median %.1f ms, p95 %.1f ms, max %.1f ms",
                    out.length() == 0 ? "" : "; ", e.getKey(), s.length, s[s.length / 2] / 1e6,
                    s[Math.min(s.length - 1, (int) Math.floor(0.95 * s.length))] / 1e6, s[s.length - 1] / 1e6));
        }
        return out.toString();
    }
}
