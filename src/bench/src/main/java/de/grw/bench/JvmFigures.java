package de.grw.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the Java runtime itself spent during a measured stretch: the collectors' pauses (count and milliseconds, as
 * the {@link GarbageCollectorMXBean}s count them) and the just-in-time compilers' time ({@link CompilationMXBean}).
 * On this two-core machine the compilers and the collector take a large share of a million-record run (the C2
 * compiler alone some 13 s of compile time in a 22 s run, measured with {@code -XX:+CITime}); printing them beside
 * the phases tells a change of the engine from a change of the runtime's work, and names the collector a figure was
 * measured with. The compile time is the compiler threads' elapsed time, not CPU time.
 */
final class JvmFigures {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final long gcCount0;
    private final long gcMillis0;
    private final long compileMillis0;

    /** Starts counting now. */
    JvmFigures() {
        gcCount0 = gcCount();
        gcMillis0 = gcMillis();
        compileMillis0 = compileMillis();
    }

    /** One line: the collector's name, its collections and their time since the start, the compilers' time. */
    String line() {
        String names = collectors.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + "));
        long compile = compileMillis();
        return String.format("runtime: collector %s, %,d collections in %.2f s; JIT compiling %s", names,
                gcCount() - gcCount0, (gcMillis() - gcMillis0) / 1e3,
                compile < 0 ? "not measured" : String.format("%.2f s", (compile - compileMillis0) / 1e3));
    }

    private long gcCount() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    private long gcMillis() {
        return collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).sum();
    }

    private long compileMillis() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : -1;
    }
}
