package de.grw.bench;

import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.ledger.Ledger;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench ledger-benchmark}: the cost of the ledger. Builds (or reuses) a workspace of synthetic records,
 * copies it three times, and on each copy takes the same N decisions (a clerk opens the next cluster of the queue and
 * proposes to merge it): without a ledger; with a ledger that digests every sealed table in order at each write
 * (main's way before row digests, {@value Ledger#FULL_DIGEST_PROPERTY}); and with the ledger's row digests (only
 * the rows a write changed are hashed again). The three copies take their decisions in turns of 100, so a busy
 * machine slows all three alike. Prints the latency of opening and of deciding (median, 95th percentile, over all
 * and over the last thousand), the load average and the verify time side by side.
 */
@Command(name = "ledger-benchmark", mixinStandardHelpOptions = true,
        description = "Ledger cost: the same decisions on three copies of a workspace, without a ledger, with "
                + "main's full digest at each write and with row digests (GRW_LEDGER_HOME in a temporary folder), "
                + "in turns; decision latency and verify time side by side.")
public final class LedgerBenchmarkCommand implements Callable<Integer> {
    private static final int TURN = 100;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "100000", paramLabel = "N",
            description = "Records of the synthetic population. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--decisions", defaultValue = "10000", paramLabel = "K",
            description = "Decisions taken on each copy. Default: ${DEFAULT-VALUE}.")
    int decisions;

    @Option(names = "--workspace", paramLabel = "FILE",
            description = "Workspace file; built when missing, reused when present (default: a temporary file).")
    Path workspaceFile;

    @Option(names = "--postgres",
            description = "Run on PostgreSQL (GRW_PG_URL, GRW_PG_USER, GRW_PG_PASSWORD): each copy in a schema of its "
                    + "own, dropped at the end; the runs are without ledger, the ledger checking every sealed row at "
                    + "the start of each write (main before reconciling), and the ledger reconciling only the rows "
                    + "changed since its last write.")
    boolean postgres;

    @Option(names = "--against", defaultValue = "full", paramLabel = "WAY",
            description = "The ledger run beside the new one: 'full' (every sealed row read and hashed at each write, "
                    + "as before row digests or reconciling) or 'without-row-keys' (checkpoints without keyed row "
                    + "hashes, main before verify named rows). Default: ${DEFAULT-VALUE}.")
    String against;

    /** The schemas this run created (PostgreSQL), dropped at the end. */
    private final List<String> schemas = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("grw-ledger-bench");
        Path file = workspaceFile != null ? workspaceFile : dir.resolve("benchmark.grw");
        if (!Files.exists(file)) {
            ReviewBenchmarkCommand.build(file, records, out);
        }
        List<Run> runs = new ArrayList<>();
        try {
            boolean keys = "without-row-keys".equals(against);
            if (keys) {
                runs.add(new Run("without ledger", postgres ? pg(file, "off") : open(copy(file, dir, "off")), null,
                        null));
                runs.add(new Run("ledger, no row keys", postgres ? pg(file, "main") : open(copy(file, dir, "main")),
                        dir.resolve("home-main"), Ledger.WITHOUT_ROW_KEYS_PROPERTY));
                runs.add(new Run("ledger, row keys", postgres ? pg(file, "rows") : open(copy(file, dir, "rows")),
                        dir.resolve("home-rows"), null));
            } else if (postgres) {
                runs.add(new Run("without ledger", pg(file, "off"), null, null));
                runs.add(new Run("ledger, full check", pg(file, "full"), dir.resolve("home-full"),
                        Ledger.FULL_CHECK_PROPERTY));
                runs.add(new Run("ledger, reconciled", pg(file, "rows"), dir.resolve("home-rows"), null));
            } else {
                runs.add(new Run("without ledger", open(copy(file, dir, "off")), null, null));
                runs.add(new Run("ledger, full digest", open(copy(file, dir, "full")), dir.resolve("home-full"),
                        Ledger.FULL_DIGEST_PROPERTY));
                runs.add(new Run("ledger, row digests", open(copy(file, dir, "rows")), dir.resolve("home-rows"),
                        null));
            }
            boolean more = true;
            while (more) {
                more = false;
                for (Run r : runs) {
                    more |= r.turn(Math.min(TURN, decisions - r.n));
                }
                int n = runs.get(0).n;
                if (n % 1000 == 0 || !more) {
                    out.printf("%,d decisions on each copy, load %.2f%n", n, load());
                    out.flush();
                }
            }
            for (Run r : runs) {
                r.finish();
            }
        } finally {
            for (Run r : runs) {
                r.workspace.close();
            }
            dropSchemas();
        }
        out.printf("%-34s", "");
        runs.forEach(r -> out.printf(" %20s", r.name));
        out.println();
        out.printf("%-34s", "decisions");
        runs.forEach(r -> out.printf(" %20d", r.n));
        out.println();
        row(out, runs, "open cluster, median ms", r -> r.show, 50, false);
        row(out, runs, "open cluster, p95 ms", r -> r.show, 95, false);
        row(out, runs, "decide, median ms", r -> r.decide, 50, false);
        row(out, runs, "decide, p95 ms", r -> r.decide, 95, false);
        row(out, runs, "decide, last 1000, median ms", r -> r.decide, 50, true);
        row(out, runs, "decide, last 1000, p95 ms", r -> r.decide, 95, true);
        out.printf("%-34s", "all decisions with their views, s");
        runs.forEach(r -> out.printf(" %20.1f", r.nanos / 1e9));
        out.println();
        out.printf("%-34s", "verify, ms");
        runs.forEach(r -> out.printf(" %20.0f", r.verifyMillis));
        out.println();
        out.printf("%-34s", "enrol (attach), ms");
        runs.forEach(r -> out.printf(" %20.0f", r.attachMillis));
        out.println();
        out.printf("%-34s", "CPU of this thread in turns, s");
        runs.forEach(r -> out.printf(" %20.1f", r.cpuNanos / 1e9));
        out.println();
        out.printf("%-34s", "anchor, bytes");
        runs.forEach(r -> out.printf(" %20d", r.anchorBytes));
        out.println();
        out.printf("load average at the end: %.2f; peak heap %d MB%n", load(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        runs.forEach(r -> out.println(r.name + ": " + (r.verify.ok() ? "verify ok" : r.verify.describe())
                + (r.verify.ledger() == null ? "" : "; " + r.verify.ledger())));
        return 0;
    }

    private static Workspace open(Path file) {
        return Workspace.open(file, Clock.systemUTC());
    }

    private de.grw.store.PostgresStore.Config pgConfig(String schema) {
        String url = System.getenv("GRW_PG_URL");
        if (url == null || url.isBlank()) {
            throw new de.grw.common.UserFacingException("--postgres needs GRW_PG_URL (and GRW_PG_USER, "
                    + "GRW_PG_PASSWORD)");
        }
        return de.grw.store.PostgresStore.Config.of(url, System.getenv("GRW_PG_USER"),
                System.getenv("GRW_PG_PASSWORD"), schema);
    }

    /** A copy of the workspace file in a new schema of the PostgreSQL database. */
    private Workspace pg(Path file, String name) {
        String schema = "grw_ledger_bench_" + name + "_" + ProcessHandle.current().pid();
        schemas.add(schema);
        de.grw.store.PostgresStore target = de.grw.store.PostgresStore.open(pgConfig(schema), Clock.systemUTC());
        try (de.grw.store.SqliteStore from = de.grw.store.SqliteStore.open(file, Clock.systemUTC())) {
            de.grw.store.StoreCopy.copy(from, target);
        }
        return Workspace.of(target);
    }

    private void dropSchemas() throws java.sql.SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        de.grw.store.PostgresStore.Config config = pgConfig(schemas.get(0));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(),
                config.password()); java.sql.Statement st = c.createStatement()) {
            for (String schema : schemas) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Path copy(Path file, Path dir, String name) throws java.io.IOException {
        Path to = dir.resolve(name + ".grw");
        Files.copy(file, to);
        return to;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void row(PrintWriter out, List<Run> runs, String name,
                            java.util.function.Function<Run, long[]> times, int percentile, boolean last) {
        out.printf("%-34s", name);
        runs.forEach(r -> out.printf(" %20.1f", pct(Arrays.copyOf(times.apply(r), r.n), percentile, last)));
        out.println();
    }

    private static double pct(long[] times, int percentile, boolean last) {
        long[] t = last ? Arrays.copyOfRange(times, Math.max(0, times.length - 1000), times.length) : times.clone();
        if (t.length == 0) {
            return 0;
        }
        Arrays.sort(t);
        return t[Math.min(t.length - 1, t.length * percentile / 100)] / 1e6;
    }

    /** One copy of the workspace and the decisions taken on it so far. */
    private final class Run {
        final String name;
        final Workspace workspace;
        final Ledger ledger;
        final Session clerk;
        final Session admin;
        final ReviewService review;
        final long[] show = new long[decisions];
        final long[] decide = new long[decisions];
        int n;
        long nanos;
        double verifyMillis;
        JournalVerifier.Result verify;
        long anchorBytes;
        double attachMillis;
        long cpuNanos;

        /** @param property a system property the ledger reads when attached (main's way), or null */
        Run(String name, Workspace workspace, Path home, String property) {
            this.name = name;
            this.workspace = workspace;
            if (property != null) {
                System.setProperty(property, "true");
            }
            try {
                long a = System.nanoTime();
                this.ledger = home == null ? null : Ledger.attach(workspace, home);
                attachMillis = (System.nanoTime() - a) / 1e6;
            } finally {
                if (property != null) {
                    System.clearProperty(property);
                }
            }
            this.clerk = new UserService(workspace).login("clerk", ReviewBenchmarkCommand.PASSWORD.toCharArray());
            this.admin = new UserService(workspace).login("admin", ReviewBenchmarkCommand.PASSWORD.toCharArray());
            this.review = new ReviewService(workspace);
        }

        /** Takes up to {@code count} decisions; false when there were none left to take. */
        boolean turn(int count) {
            if (count <= 0) {
                return false;
            }
            List<QueueEntry> page = review.queue(clerk, null, null, 0, 1, count);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (QueueEntry q : page) {
                long s = System.nanoTime();
                List<Long> ids = review.show(clerk, q.clusterId(), "AZ-BENCH").members().stream()
                        .map(MemberRecord::id).toList();
                long d = System.nanoTime();
                review.propose(clerk, q.clusterId(), new MergeCommand(ids, Map.of()), "Benchmark", "AZ-BENCH");
                decide[n] = System.nanoTime() - d;
                show[n] = d - s;
                n++;
            }
            nanos += System.nanoTime() - start;
            cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
            return !page.isEmpty() && n < decisions;
        }

        void finish() throws java.io.IOException {
            long v = System.nanoTime();
            verify = new JournalService(workspace).verify(admin);
            verifyMillis = (System.nanoTime() - v) / 1e6;
            anchorBytes = ledger == null ? 0 : Files.size(ledger.anchorFile());
        }
    }
}
