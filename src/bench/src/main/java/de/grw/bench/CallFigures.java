package de.grw.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the link benchmark reads of the JVM and the machine around its calls: collections, allocation, heap, load. */
final class CallFigures {
    private CallFigures() {
    }

    static final List<String> GC_NAMES = java.lang.management.ManagementFactory
            .getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList();

    /** Per collector (in {@link #GC_NAMES} order): collections so far, then their milliseconds. */
    static long[] gc() {
        var beans = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long[] out = new long[2 * beans.size()];
        for (int g = 0; g < beans.size(); g++) {
            out[2 * g] = Math.max(0, beans.get(g).getCollectionCount());
            out[2 * g + 1] = Math.max(0, beans.get(g).getCollectionTime());
        }
        return out;
    }

    /** The bytes this thread allocated so far, or -1 when the JVM cannot tell. */
    static long allocatedBytes() {
        if (java.lang.management.ManagementFactory.getThreadMXBean()
                instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported()
                && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** The heap in use right after a full collection (System.gc(); the JVM's default honours it). */
    static long liveHeap() {
        System.gc();
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double pct(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
