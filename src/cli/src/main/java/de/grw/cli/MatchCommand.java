package de.grw.cli;

import de.grw.review.ExplanationText;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.RuleStats;
import de.grw.matching.output.MatchOutputs;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code grw match}: finds duplicate clusters in and across record files, headless; or, with {@code --workspace},
 * matches the records of a workspace and puts new candidate clusters into its review queue.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Finds duplicate clusters in and across record files (CSV, JSON, JSON Lines, Excel) and "
                + "database tables (SQLite, PostgreSQL: a JDBC URL followed by --table NAME or --query SQL). "
            + "Each input is a source; records are matched within and across sources. "
            + "With --workspace FILE --user NAME: matches all records of the workspace instead (keeping what was "
                + "decided) and puts new candidate clusters into the review queue.")
public final class MatchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Match profile (JSON file, or the name of a built-in profile). Default: person-de.")
    String profile = ProfileLoader.DEFAULT_PROFILE;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping file overriding the automatic column "
            + "mapping (see README).")
    Path mapping;

    @Option(names = "--threshold", paramLabel = "P", description = "Match probability from which two records are "
            + "clustered (0 < P < 1). Default: the profile's.")
    Double threshold;

    @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "Match the records of this workspace "
            + "(with --user; not with input files).")
    Path workspace;

    @Option(names = "--reestimate", description = "With --workspace: also train a new model version over all records "
            + "(as 'grw model train'); it scores nothing until a supervisor who did not train it activates it "
            + "('grw model activate'), so this run still uses the active one. Without it, a workspace that has an "
            + "active model keeps it and only records new since the last run are matched.")
    boolean reestimate;

    @Option(names = "--server", paramLabel = "URL", description = "Match the records of the workspace behind this "
            + "server, https://host:port (with --user; the run happens on the server).")
    String server;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "With --server: the SHA-256 fingerprint "
            + "of the server's certificate (grw server prints it).")
    String fingerprint;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "Your user name, with --workspace or "
            + "--server. The password is read from GRW_PASSWORD, else asked for.")
    String user;

    @Option(names = "--clusters", paramLabel = "OUT.csv",
            description = "Output: source,record_id,cluster_id for every input record.")
    Path clusters;

    @Option(names = "--pairs", paramLabel = "PAIRS.csv",
            description = "Output: scored candidate pairs with each comparison's contribution.")
    Path pairs;

    @Option(names = "--pairs-min-probability", paramLabel = "P", defaultValue = "0",
            description = "Write only pairs with at least this probability to --pairs. Default: ${DEFAULT-VALUE}.")
    double pairsMinProbability;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Output for rejected rows and unusable values. "
            + "Default: beside the clusters file, named <clusters>-rejects.csv.")
    Path rejects;

    @Option(names = "--raw", description = "Write the CSV cells exactly as read, for programs. By default a cell "
            + "that a spreadsheet could run as a formula (beginning with = + - @, a tab or a carriage return, "
            + "except plain numbers) gets a leading apostrophe.")
    boolean raw;

    @Option(names = "--link-only", description = "Only match records of different sources.")
    boolean linkOnly;

    @Option(names = "--show-model", description = "Print the estimated model (m and u per comparison level).")
    boolean showModel;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary.")
    boolean quiet;

    @Mixin
    SourceOptions sources;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (threshold != null && (threshold <= 0 || threshold >= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threshold must lie between 0 and 1, not " + threshold);
        }
        if (workspace != null && server != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either --workspace FILE or --server URL, not both");
        }
        if (workspace != null || server != null) {
            return matchWorkspace(out);
        }
        if (fingerprint != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--fingerprint belongs to --server");
        }
        if (clusters == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--clusters=OUT.csv' (or match a workspace with --workspace FILE)");
        }
        if (sources.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'INPUT' (or match a workspace with --workspace FILE)");
        }
        MatchProfile matchProfile = ProfileLoader.load(profile);
        MappingFile mappingFile = mapping == null ? MappingFile.NONE : MappingFile.load(mapping);
        List<de.grw.common.Text> sheetNotes = new ArrayList<>();
        List<de.grw.importing.SourceInput> inputs = de.grw.importing.SourceImporter.expandSheets(sources.resolve(),
                sources.allSheets, mappingFile, mapping, sheetNotes);
        sheetNotes.forEach(n -> out.println("note: " + n.english()));
        List<ImportProblem> problems = new ArrayList<>();
        MatchJob.Observer observer = new MatchJob.Observer() {
            @Override
            public void mapping(String source, ColumnMapping columnMapping) {
                if (!quiet) {
                    out.println("Column mapping of " + source + ":");
                    columnMapping.describe().forEach(out::println);
                }
            }

            @Override
            public void problem(ImportProblem problem) {
                problems.add(problem);
                if (problem.kind() == ImportProblem.Kind.NOTICE) {
                    return; // printed with the summary
                }
                if (!quiet && problems.size() <= 20) {
                    out.println("  " + problem.describe());
                } else if (!quiet && problems.size() == 21) {
                    out.println("  ... further problems are written to the rejects file");
                }
            }
        };
        MatchOptions options = new MatchOptions(threshold, linkOnly, 42L);
        long start = System.nanoTime();
        MatchJob.Outcome outcome = new MatchJob(matchProfile, mappingFile, mapping)
                .runSources(inputs, options, observer, new ConsoleProgress(out, quiet), () -> false);
        MatchResult result = outcome.result();
        long writeStart = System.nanoTime();
        MatchOutputs.writeClusters(clusters, result, raw);
        long pairsWritten = -1;
        if (pairs != null) {
            pairsWritten = MatchOutputs.writePairs(pairs, result, pairsMinProbability, raw);
        }
        Path rejectFile = rejects != null ? rejects : defaultRejects(clusters);
        if (!problems.isEmpty()) {
            MatchOutputs.writeProblems(rejectFile, problems, raw);
        }
        Duration writing = Duration.ofNanos(System.nanoTime() - writeStart);
        if (showModel) {
            result.model().describe().forEach(out::println);
        }
        printSummary(out, outcome, problems, writing, System.nanoTime() - start, rejectFile, pairsWritten);
        return 0;
    }

    private int matchWorkspace(PrintWriter out) {
        if (user == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--user=NAME' (matching a workspace needs a user)");
        }
        if (clusters != null || pairs != null || rejects != null || mapping != null || linkOnly || raw
                || sources.anyGiven() || !ProfileLoader.DEFAULT_PROFILE.equals(profile)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "with --workspace or --server, "
                    + "match takes only --user, --threshold, --reestimate, --show-model and --quiet: the workspace holds "
                    + "the records and the profile (import files with 'grw import')");
        }
        try (Login login = ServerOrWorkspaceOptions.login(spec, workspace, server, fingerprint, user)) {
            WorkspaceMatch.run(login, threshold, reestimate, showModel, quiet, out);
        }
        return 0;
    }

    static Path defaultRejects(Path clustersFile) {
        String name = clustersFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return clustersFile.resolveSibling(stem + "-rejects.csv");
    }

    private void printSummary(PrintWriter out, MatchJob.Outcome outcome, List<ImportProblem> problems,
                              Duration writing, long totalNanos, Path rejectFile, long pairsWritten) {
        MatchResult result = outcome.result();
        out.println();
        out.println("Summary");
        long read = 0;
        long rejected = 0;
        long invalid = 0;
        for (ImportedSource s : outcome.sources()) {
            out.printf("  %-24s %,10d rows read, %,8d rejected, %,8d values not usable  (%s)%n", s.name(),
                    s.rowsRead(), s.rowsRejected(), s.invalidValues(), s.format().describe());
            s.warnings().forEach(w -> out.println("    note: " + w));
            read += s.rowsRead();
            rejected += s.rowsRejected();
            invalid += s.invalidValues();
        }
        out.printf("  records read: %,d; rejected: %,d; records matched: %,d%n", read, rejected,
                result.recordCount());
        if (!problems.isEmpty()) {
            long notes = problems.stream().filter(p -> p.kind() == ImportProblem.Kind.NOTICE).count();
            out.printf("  %,d problems (%,d rejected rows, %,d unusable values%s) written to %s%n", problems.size(),
                    rejected, invalid, notes == 0 ? "" : String.format(", %,d notes", notes), rejectFile);
        }
        out.printf("  candidate pairs: %,d (of %,.0f possible pairs)%n", result.candidatePairCount(), result.totalPairs());
        for (RuleStats s : result.candidates().stats()) {
            out.printf("    %-36s %,10d pairs, largest block %,d%s%n", s.rule(), s.pairs(), s.largestBlock(),
                    s.oversizedBlocks() == 0 ? "" : String.format(", %,d oversized blocks: %,d pairs left out "
                            + "(compared within a sliding window only)", s.oversizedBlocks(), s.pairsLeftOut()));
        }
        if (result.candidates().pairsLeftOut() > 0) {
            out.printf("  pairs left out by oversized blocks: %,d%n", result.candidates().pairsLeftOut());
        }
        out.printf("  pairs at or above threshold %.3f: %,d%n", result.threshold(), result.pairsAboveThreshold());
        out.printf("  clusters: %,d, of which %,d with more than one record; %,d merges refused as contradictory%n",
                result.clusters().clusterCount(), result.clusters().multiRecordClusters(),
                result.clusters().refusedMerges());
        if (!result.clusters().refusedLinks().isEmpty()) {
            // the contradiction lines of the explanation, counted: links the model wanted and a rule refused
            StringBuilder rules = new StringBuilder();
            long all = 0;
            for (Map.Entry<String, Long> e : result.clusters().refusedLinks().entrySet()) {
                rules.append(rules.length() == 0 ? "" : "; ").append(ExplanationText.level(e.getKey(), Locale.ROOT))
                        .append(String.format(" %,d", e.getValue()));
                all += e.getValue();
            }
            out.printf("  links at or above the threshold refused by a contradiction: %,d (%s)%n", all, rules);
        }
        if (result.clusters().ambiguousLinks() > 0) {
            out.printf("  links left out as ambiguous (a record fits two that are not one person): %,d%n",
                    result.clusters().ambiguousLinks());
        }
        if (pairsWritten >= 0) {
            out.printf("  pairs written: %,d to %s%n", pairsWritten, pairs);
        }
        out.println("  clusters written to " + clusters);
        StringBuilder phases = new StringBuilder("  seconds per phase:");
        for (Map.Entry<String, Duration> e : outcome.timings().entrySet()) {
            phases.append(String.format(" %s %.2f,", e.getKey(), e.getValue().toNanos() / 1e9));
        }
        phases.append(String.format(" write %.2f; total %.2f", writing.toNanos() / 1e9, totalNanos / 1e9));
        out.println(phases);
        out.printf("  peak heap: %,d MB%n", de.grw.common.HeapUsage.peakBytes() / (1024 * 1024));
    }
}
