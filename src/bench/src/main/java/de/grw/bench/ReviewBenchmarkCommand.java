package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.Survivorship;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.Population;
import de.grw.synthetic.PopulationGenerator;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceImporter;
import de.grw.workspace.WorkspaceMatcher;
import de.grw.workspace.WorkspaceSetup;
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
 * {@code grw review-benchmark}: builds a workspace from a synthetic population (or reuses one), then measures what a
 * clerk waits for: opening the workspace and the first page of the queue, and moving to the next cluster (loading
 * and access-logging its records, pairs and decisions, and computing the proposed golden record).
 */
@Command(name = "review-benchmark", mixinStandardHelpOptions = true,
        description = "Review latency benchmark: builds a workspace of N synthetic records (import and match), then "
            + "measures opening it and moving from cluster to cluster (median, 95th percentile, maximum).")
public final class ReviewBenchmarkCommand implements Callable<Integer> {
    static final String PASSWORD = "Benchmark-2026";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", paramLabel = "N",
            description = "Records of the synthetic population. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--workspace", paramLabel = "FILE",
            description = "Workspace file; built when missing, reused when present (default: a temporary file).")
    Path workspaceFile;

    @Option(names = "--clusters", defaultValue = "300", paramLabel = "K",
            description = "How many consecutive clusters to step through. Default: ${DEFAULT-VALUE}.")
    int clusters;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = workspaceFile != null ? workspaceFile : Files.createTempDirectory("grw-review-bench")
                .resolve("benchmark.grw");
        if (!Files.exists(file)) {
            build(file, records, out);
        }
        long start = System.nanoTime();
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            long opened = System.nanoTime();
            Session clerk = new UserService(w).login("clerk", PASSWORD.toCharArray());
            long signedIn = System.nanoTime();
            ReviewService review = new ReviewService(w);
            List<QueueEntry> page = review.queue(clerk, null, null, 0, 1, 500);
            int total = review.count(clerk, java.util.EnumSet.of(de.grw.workspace.ClusterStatus.OPEN,
                    de.grw.workspace.ClusterStatus.DEFERRED));
            out.printf("open workspace %.0f ms; sign in (PBKDF2, password check) %.0f ms; first queue page of %d "
                    + "(of %,d clusters) %.0f ms%n", (opened - start) / 1e6, (signedIn - opened) / 1e6, page.size(),
                    total, (System.nanoTime() - signedIn) / 1e6);
            var open = java.util.EnumSet.of(de.grw.workspace.ClusterStatus.OPEN);
            long f = System.nanoTime();
            int bySource = review.queue(clerk, open, "sozialamt", 0, 1, 500).size();
            long g = System.nanoTime();
            int byBand = review.queue(clerk, open, null, 0.5, 0.9, 500).size();
            out.printf("filtered queue pages: by source %d entries in %.0f ms, by band 0.5-0.9 %d entries in %.0f ms%n",
                    bySource, (g - f) / 1e6, byBand, (System.nanoTime() - g) / 1e6);
            int n = Math.min(clusters, page.size());
            long[] times = new long[n];
            Survivorship survivorship = new Survivorship(review.profile(), review.governance().survivorship());
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                ClusterView view = review.show(clerk, page.get(i).clusterId(), "AZ-BENCH");
                survivorship.golden(view.members(), Map.of());
                times[i] = System.nanoTime() - s;
            }
            Arrays.sort(times);
            if (n > 0) {
                out.printf("next cluster (%d steps): median %.1f ms, 95th percentile %.1f ms, maximum %.1f ms%n", n,
                        times[n / 2] / 1e6, times[Math.min(n - 1, n * 95 / 100)] / 1e6, times[n - 1] / 1e6);
            }
        }
        return 0;
    }

    /** Builds a workspace of {@code records} synthetic records (import and match) with users admin and clerk. */
    static void build(Path file, long records, PrintWriter out) throws Exception {
        Path data = Files.createTempDirectory("grw-review-bench-data");
        long t = System.nanoTime();
        // a speed benchmark: the classic population keeps its figures comparable with earlier runs
        new PopulationGenerator().generate(GeneratorConfig.of(1, records, data).withPopulation(Population.CLASSIC));
        try (Workspace w = WorkspaceSetup.create(file, Clock.systemUTC(), "person-de")) {
            UserService users = new UserService(w);
            Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
            // a one-time password from the administrator, then the holder sets their own
            users.addUser(admin, "clerk", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
            users.setPassword(users.login("clerk", "Erstes-Kennwort-42".toCharArray()), "clerk", PASSWORD.toCharArray());
            long importStart = System.nanoTime();
            for (String name : List.of("melderegister", "sozialamt", "kfz_halter")) {
                new WorkspaceImporter(w).importFile(admin, data.resolve(name + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            long matchStart = System.nanoTime();
            WorkspaceMatcher.Result r = new WorkspaceMatcher(w).run(admin, null, ProgressListener.NONE,
                    CancellationToken.NONE);
            out.printf("built workspace of %,d records: generate %.0f s, import %.0f s, match %.0f s (%,d clusters); "
                    + "%,d MB%n", r.records(), (importStart - t) / 1e9,
                    (matchStart - importStart) / 1e9, (System.nanoTime() - matchStart) / 1e9, r.clusters(),
                    Files.size(file) >> 20);
        }
        try (var files = Files.list(data)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(data);
    }
}
