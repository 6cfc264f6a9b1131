package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.HeapUsage;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import de.grw.users.UserService;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench incremental-benchmark}: a generated population is split into a workspace of the first
 * {@code 1 - share} rows of each source (imported and matched, which estimates the model) and a daily feed of the
 * rest, appended to the sources. The feed is then matched twice from the same starting point: incrementally (only
 * pairs with new records, the active model) and by a full re-match (all pairs, the same model). Prints records,
 * seconds, peak heap, the pairwise F1 between the two results (over all pairs, and over the pairs that involve a new
 * record) and how many queue entries changed for clusters no new record touches (must be 0).
 */
@Command(name = "incremental-benchmark", mixinStandardHelpOptions = true,
        description = "Incremental matching benchmark: N generated records, the last SHARE of each source appended as "
            + "a feed to a matched workspace, then matched incrementally and by a full re-match with the same model: "
            + "seconds of each, F1 between the two, queue entries changed for untouched clusters, peak heap.")
public final class IncrementalBenchmarkCommand implements Callable<Integer> {
    private static final String PASSWORD = "Benchmark-2026";
    private static final List<String> SOURCES = List.of("melderegister", "sozialamt", "kfz_halter");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", paramLabel = "N",
            description = "Records of the generated population (workspace and feed). Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--share", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of each source's rows that arrive as the feed. Default: ${DEFAULT-VALUE}.")
    double share;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: a temporary one).")
    Path dir;

    @Option(names = "--reuse", description = "Reuse the workspace an earlier run of this benchmark built in --dir "
            + "(base.grw: matched, feed appended) instead of generating and building it again.")
    boolean reuse;

    @Option(names = "--skip-reestimate", description = "Leave out the third run (a full re-match that re-estimates "
            + "the model, what every match did before incremental matching) and its queue figures.")
    boolean skipReestimate;

    @Option(names = "--collect-between", description = "Collect the heap's garbage (System.gc()) after each run, "
            + "outside the runs' measured CPU: each run then pays only for its own garbage, not for what the run "
            + "before it left (G1 collects that while the next run allocates).")
    boolean collectBetween;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("grw-incremental-bench");
        Path base = work.resolve("base.grw");
        if (reuse) {
            if (!Files.exists(base)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reuse: " + base
                        + " does not exist; run once without --reuse and with --dir first");
            }
            out.printf("reusing the workspace %s%n", base);
        } else {
            build(out, work, base);
        }
        matchAndCompare(out, work, base);
        return 0;
    }

    /** Generates the population, imports and matches the workspace part, and appends the feed. */
    private void build(PrintWriter out, Path work, Path base) throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        long t0 = System.nanoTime();
        new PopulationGenerator().generate(GeneratorConfig.of(1, records, data));
        long baseRows = 0;
        long feedRows = 0;
        for (String s : SOURCES) {
            long[] split = split(data.resolve(s + ".csv"), data.resolve(s + "_base.csv"),
                    data.resolve(s + "_feed.csv"), share);
            baseRows += split[0];
            feedRows += split[1];
        }
        out.printf("generated %,d rows in %.0f s: %,d in the workspace, %,d in the feed%n", baseRows + feedRows,
                (System.nanoTime() - t0) / 1e9, baseRows, feedRows);

        Files.deleteIfExists(base);
        long t1 = System.nanoTime();
        try (Workspace w = WorkspaceSetup.create(base, Clock.systemUTC(), "person-de")) {
            Session admin = new UserService(w).createFirstAdministrator("admin", PASSWORD.toCharArray());
            for (String s : SOURCES) {
                new WorkspaceImporter(w).importFile(admin, data.resolve(s + "_base.csv"), MappingFile.NONE, null, s,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            long m = System.nanoTime();
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w).run(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            out.printf("workspace: %,d records imported in %.0f s, matched in %.1f s (model version %d estimated), "
                    + "%,d clusters%n", r.records(), (m - t1) / 1e9, (System.nanoTime() - m) / 1e9, r.modelVersion(),
                    r.clusters());
            for (String s : SOURCES) {
                new WorkspaceImporter(w).appendFile(admin, data.resolve(s + "_feed.csv"), MappingFile.NONE, null, s,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
        }
    }

    private void matchAndCompare(PrintWriter out, Path work, Path base) throws Exception {
        Path incremental = work.resolve("incremental.grw");
        Path full = work.resolve("full.grw");
        Path estimated = work.resolve("estimated.grw");
        Files.copy(base, incremental, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(base, full, StandardCopyOption.REPLACE_EXISTING);
        if (!skipReestimate) {
            Files.copy(base, estimated, StandardCopyOption.REPLACE_EXISTING);
        }

        // the full re-match runs first, so that the incremental run does not pay for the JIT's warm-up alone
        collect();
        out.printf("full re-match starts, load average %s%n", load());
        Run all = match(full, Mode.FULL);
        collect();
        out.printf("incremental run starts, load average %s%n", load());
        Run inc = match(incremental, Mode.INCREMENTAL);
        collect();
        Run old = skipReestimate ? null : match(estimated, Mode.REESTIMATE);
        out.printf("runs done, load average %s%n", load());
        out.printf("%-26s %10s %10s %10s %12s%n", "", "records", "new", "seconds", "clusters");
        out.printf("%-26s %,10d %,10d %10.1f %,12d%n", "incremental (active model)", inc.result.records(),
                inc.result.newRecords(), inc.seconds, inc.result.clusters());
        out.printf("%-26s %,10d %,10d %10.1f %,12d%n", "full re-match (same model)", all.result.records(),
                all.result.newRecords(), all.seconds, all.result.clusters());
        if (old != null) {
            out.printf("%-26s %,10d %,10d %10.1f %,12d%n", "full, re-estimated (old)", old.result.records(),
                    old.result.newRecords(), old.seconds, old.result.clusters());
        }
        out.printf("incremental / full same model: %.2f of the time%n", inc.seconds / all.seconds);
        // on a machine shared with other work the wall time varies with the load; the process's CPU time far less
        out.printf("CPU seconds of the process (all threads): incremental %.1f, full %.1f: %.2f%n", inc.cpuSeconds,
                all.cpuSeconds, inc.cpuSeconds / all.cpuSeconds);
        if (old != null) {
            out.printf("incremental / full re-estimated (what every match did before): %.2f%n",
                    inc.seconds / old.seconds);
            out.printf("queue entries changed for clusters no new record touches by the old full re-match "
                    + "(re-estimated): %,d of %,d%n", old.untouchedChanged, old.untouched);
        }
        out.println("engine phases, incremental: " + phases(inc.result));
        out.println("engine phases, full:        " + phases(all.result));
        out.printf("clusters stored, incremental: %,d (%,d new to the queue, %,d proposed before and kept, %,d "
                + "superseded)%n", inc.result.clusters(), inc.result.newClusters(), inc.result.unchanged(),
                inc.result.superseded());
        out.println("run steps, incremental: " + steps(inc.steps));
        out.println("run steps, full:        " + steps(all.steps));
        out.printf("pairwise F1 incremental vs full: all linked pairs %.5f (%,d vs %,d pairs); pairs with a new "
                + "record %.5f (%,d vs %,d)%n", f1(inc.pairs, all.pairs), inc.pairs.size(), all.pairs.size(),
                f1(inc.newPairs, all.newPairs), inc.newPairs.size(), all.newPairs.size());
        out.printf("queue entries changed for clusters no new record touches: %,d (of %,d untouched queue "
                + "entries); queue entries of touched clusters changed: %,d%n", inc.untouchedChanged,
                inc.untouched, inc.touchedChanged);
        out.printf("peak heap: %,d MB (max heap %,d MB)%n", HeapUsage.peakBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** With {@code --collect-between}: a full collection now, so that the next run does not pay for it. */
    private void collect() {
        if (collectBetween) {
            System.gc();
        }
    }

    /** CPU time of this process so far (all threads, user and system), where the JVM tells it; else 0. */
    private static long cpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** The machine's load averages (1, 5, 15 minutes), where the system tells them. */
    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private record Run(WorkspaceMatcher.Result result, double seconds, Set<Long> pairs, Set<Long> newPairs,
                       long untouched, long untouchedChanged, long touchedChanged, Map<String, Double> steps,
                       double cpuSeconds) {
    }

    /** Matches the appended feed, incrementally or by a full re-match, and measures what it did to the queue. */
    private enum Mode { INCREMENTAL, FULL, REESTIMATE }

    private static Run match(Path file, Mode mode) {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            Session admin = new UserService(w).login("admin", PASSWORD.toCharArray());
            long lastOld = w.read(c -> de.grw.store.Sql.number(c, "SELECT max(last_record_id) FROM match_runs"));
            Map<Long, String> queueBefore = queue(w);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            WorkspaceMatcher matcher = new WorkspaceMatcher(w);
            WorkspaceMatcher.Result r = switch (mode) {
                case FULL -> matcher.runFull(admin, null, ProgressListener.NONE, CancellationToken.NONE);
                case INCREMENTAL -> matcher.run(admin, null, ProgressListener.NONE, CancellationToken.NONE);
                case REESTIMATE -> matcher.run(admin, null, true, ProgressListener.NONE, CancellationToken.NONE);
            };
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            Set<Long> pairs = new HashSet<>();
            Set<Long> newPairs = new HashSet<>();
            Set<Long> touchedRecords = new HashSet<>();
            Map<Long, Set<Long>> membersOf = new HashMap<>();
            for (ClusterRepository.Standing s : w.read(ClusterRepository::standing)) {
                long[] m = s.members();
                boolean hasNew = m[m.length - 1] > lastOld;
                for (int i = 0; i < m.length; i++) {
                    if (hasNew) {
                        touchedRecords.add(m[i]);
                    }
                    for (int j = i + 1; j < m.length; j++) {
                        long p = (m[i] << 32) | m[j];
                        pairs.add(p);
                        if (m[j] > lastOld) {
                            newPairs.add(p);
                        }
                    }
                }
            }
            w.read(c -> {
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cluster_id, record_id FROM "
                        + "cluster_members")) {
                    while (rs.next()) {
                        membersOf.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                    }
                }
                return null;
            });
            Map<Long, String> queueAfter = queue(w);
            long untouched = 0;
            long untouchedChanged = 0;
            long touchedChanged = 0;
            for (Map.Entry<Long, String> e : queueBefore.entrySet()) {
                boolean touched = membersOf.get(e.getKey()).stream().anyMatch(touchedRecords::contains);
                boolean changed = !e.getValue().equals(queueAfter.get(e.getKey()));
                if (touched) {
                    touchedChanged += changed ? 1 : 0;
                } else {
                    untouched++;
                    untouchedChanged += changed ? 1 : 0;
                }
            }
            return new Run(r, seconds, pairs, newPairs, untouched, untouchedChanged, touchedChanged,
                    matcher.lastRunSeconds(), cpu);
        }
    }

    /** The queue (open and deferred clusters): id to everything the queue shows and orders by. */
    private static Map<Long, String> queue(Workspace w) {
        return w.read(c -> {
            Map<Long, String> out = new HashMap<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, status, size, "
                    + "min_probability, max_probability, first_run, note FROM clusters WHERE status IN ('OPEN', "
                    + "'DEFERRED')")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getDouble(4) + "|"
                            + rs.getDouble(5) + "|" + rs.getLong(6) + "|" + rs.getString(7));
                }
            }
            return out;
        });
    }

    private static String steps(Map<String, Double> steps) {
        StringBuilder sb = new StringBuilder();
        steps.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(String.format("%s %.1f s", k, v)));
        return sb.toString();
    }

    private static String phases(WorkspaceMatcher.Result r) {
        StringBuilder sb = new StringBuilder();
        r.result().timings().forEach((k, v) -> sb.append(String.format("%s %.1f s, ", k, v.toNanos() / 1e9)));
        double engine = r.result().timings().values().stream().mapToLong(java.time.Duration::toNanos).sum() / 1e9;
        return sb.append(String.format("engine total %.1f s", engine)).toString();
    }

    private static double f1(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        long both = a.stream().filter(b::contains).count();
        return 2.0 * both / (a.size() + b.size());
    }

    /**
     * Splits a generated file by lines (the generator writes one row per line): the header and the first rows into
     * {@code base}, the header and the last {@code share} of the rows into {@code feed}; returns both row counts.
     */
    static long[] split(Path file, Path base, Path feed, double share) throws IOException {
        List<String> lines;
        // ISO-8859-1 maps every byte to one char, so each file's own encoding passes through unchanged
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            lines = in.lines().toList();
        }
        int rows = lines.size() - 1;
        int feedRows = (int) Math.round(rows * share);
        try (OutputStream b = Files.newOutputStream(base); OutputStream f = Files.newOutputStream(feed)) {
            byte[] header = (lines.get(0) + "\n").getBytes(StandardCharsets.ISO_8859_1);
            b.write(header);
            f.write(header);
            for (int i = 1; i <= rows; i++) {
                (i <= rows - feedRows ? b : f).write((lines.get(i) + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new long[] {rows - feedRows, feedRows};
    }
}
