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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench ledger-benchmark}: the cost of the ledger. Builds (or reuses) a workspace of synthetic records,
 * copies it twice, and on each copy takes the same N decisions (a clerk opens the next cluster of the queue and
 * proposes to merge it): once without a ledger, once with one; then verifies both. Prints the latency of opening
 * and of deciding (median, 95th percentile, over all and over the last thousand) and the verify time side by side.
 */
@Command(name = "ledger-benchmark", mixinStandardHelpOptions = true,
        description = "Ledger cost: the same decisions on two copies of a workspace, without and with a ledger "
                + "(GRW_LEDGER_HOME in a temporary folder); decision latency and verify time side by side.")
public final class LedgerBenchmarkCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("grw-ledger-bench");
        Path file = workspaceFile != null ? workspaceFile : dir.resolve("benchmark.grw");
        if (!Files.exists(file)) {
            ReviewBenchmarkCommand.build(file, records, out);
        }
        Path off = dir.resolve("off.grw");
        Path on = dir.resolve("on.grw");
        Files.copy(file, off);
        Files.copy(file, on);
        Run without = run(off, null, out);
        Run with = run(on, dir.resolve("ledger-home"), out);
        out.printf("%-34s %14s %14s%n", "", "without ledger", "with ledger");
        out.printf("%-34s %14d %14d%n", "decisions", without.decided, with.decided);
        row(out, "open cluster, median ms", without.show, with.show, 50, false);
        row(out, "open cluster, p95 ms", without.show, with.show, 95, false);
        row(out, "decide, median ms", without.decide, with.decide, 50, false);
        row(out, "decide, p95 ms", without.decide, with.decide, 95, false);
        row(out, "decide, last 1000, median ms", without.decide, with.decide, 50, true);
        row(out, "decide, last 1000, p95 ms", without.decide, with.decide, 95, true);
        out.printf("%-34s %14.1f %14.1f%n", "all decisions, s", without.totalSeconds, with.totalSeconds);
        out.printf("%-34s %14.0f %14.0f%n", "verify, ms", without.verifyMillis, with.verifyMillis);
        out.printf("anchor: %,d bytes%n", with.anchorBytes);
        out.println("with ledger: " + with.verify.ledger());
        return 0;
    }

    private static void row(PrintWriter out, String name, long[] a, long[] b, int percentile, boolean last) {
        out.printf("%-34s %14.1f %14.1f%n", name, pct(a, percentile, last), pct(b, percentile, last));
    }

    private static double pct(long[] times, int percentile, boolean last) {
        long[] t = last ? Arrays.copyOfRange(times, Math.max(0, times.length - 1000), times.length) : times.clone();
        if (t.length == 0) {
            return 0;
        }
        Arrays.sort(t);
        return t[Math.min(t.length - 1, t.length * percentile / 100)] / 1e6;
    }

    private record Run(int decided, long[] show, long[] decide, double totalSeconds, double verifyMillis,
                       JournalVerifier.Result verify, long anchorBytes) {
    }

    private Run run(Path file, Path home, PrintWriter out) throws Exception {
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            Ledger ledger = home == null ? null : Ledger.attach(w, home);
            Session clerk = new UserService(w).login("clerk", ReviewBenchmarkCommand.PASSWORD.toCharArray());
            Session admin = new UserService(w).login("admin", ReviewBenchmarkCommand.PASSWORD.toCharArray());
            ReviewService review = new ReviewService(w);
            long[] show = new long[decisions];
            long[] decide = new long[decisions];
            int n = 0;
            long start = System.nanoTime();
            while (n < decisions) {
                List<QueueEntry> page = review.queue(clerk, null, null, 0, 1, Math.min(500, decisions - n));
                if (page.isEmpty()) {
                    break;
                }
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
                if (n % 2000 < 500) {
                    out.printf("%s: %,d decisions%n", home == null ? "without ledger" : "with ledger", n);
                    out.flush();
                }
            }
            double total = (System.nanoTime() - start) / 1e9;
            long v = System.nanoTime();
            JournalVerifier.Result verified = new JournalService(w).verify(admin);
            double verifyMillis = (System.nanoTime() - v) / 1e6;
            if (!verified.ok()) {
                out.println("verify failed: " + verified.describe());
            }
            long anchorBytes = ledger == null ? 0 : Files.size(ledger.anchorFile());
            return new Run(n, Arrays.copyOf(show, n), Arrays.copyOf(decide, n), total, verifyMillis, verified,
                    anchorBytes);
        }
    }
}
