package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.evaluation.ErrorBreakdown;
import de.grw.evaluation.MatchEvaluation;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.output.MatchOutputs;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.Population;
import de.grw.synthetic.PopulationGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw benchmark}: generates a synthetic German population across three sources, runs the full match on it
 * end to end (import, match, writing the clusters) and prints records, seconds, peak heap, F1 against the
 * generator's truth and the {@link ErrorBreakdown} (false merges by relation, missed pairs by reason).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Speed and quality benchmark: generates a deterministic synthetic German population in three "
            + "sources, matches it end to end and prints records, seconds per phase, peak heap, pairwise F1 and "
            + "the errors: false merges by relation (twins, father and son, siblings, ...), missed pairs by reason. "
            + "Run with the heap you want to prove (for example java -Xmx4g -jar target/grw-bench.jar benchmark "
            + "--records 1000000).")
public final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", paramLabel = "N",
            description = "Records across the three sources. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--population", defaultValue = "realistic", paramLabel = "P", converter = PopulationConverter.class,
            description = "realistic (default) or classic (the generator before issue 11, for figures measured on it).")
    Population population;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Keep the generated files and the output here (default: a temporary folder, deleted).")
    Path dir;

    /** Seconds from the JVM's start to this command's {@code main} (class loading, picocli). */
    private static double jvmStartSeconds() {
        return BenchMain.startedMs < 0 ? 0
                : (BenchMain.startedMs - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1e3;
    }

    @Option(names = "--reuse", description = "Match the files an earlier run with the same --records, --seed and "
            + "--population generated in --dir instead of generating them again (10 million take minutes).")
    boolean reuse;

    @Option(names = "--figures", paramLabel = "CSV", description = "Append this run's figures (records, seconds, "
            + "CPU seconds, peak heap, live heap, pairs, F1, load) as a line to this CSV file, for scale-curve.")
    Path figures;

    @Option(names = "--live-set", description = "Measure the exact live heap as each phase of the match begins, "
            + "when it is half done and every 3 seconds (a full collection and a class histogram, as jcmd "
            + "GC.class_histogram) and print bytes per record and the largest holders at the peak. Slows the run: CPU "
            + "and time figures of such a run do not compare with others.")
    boolean liveSet;

    /** How often {@code --live-set} measures besides the phase boundaries. */
    private static final long LIVE_SAMPLE_MS = 3_000;

    /** The live set at each phase boundary and the largest holders at the peak (option {@code --live-set}). */
    static void printLiveSet(PrintWriter out, LiveSet phases, int records) {
        StringBuilder line = new StringBuilder("live set (full collection) as each phase began or was half done:");
        for (LiveSet.Point p : phases.points()) {
            line.append(String.format(" %s %,d MB (%,d B a record),", p.phase(), p.bytes() / (1024 * 1024),
                    p.bytes() / Math.max(1, records)));
        }
        line.setLength(line.length() - 1);
        out.println(line);
        StringBuilder sampled = new StringBuilder(String.format("live set sampled every %.0f s, largest per phase:",
                LIVE_SAMPLE_MS / 1e3));
        for (LiveSet.Point p : phases.sampledPeaks()) {
            sampled.append(String.format(" %s %,d MB (%,d B a record),", p.phase(), p.bytes() / (1024 * 1024),
                    p.bytes() / Math.max(1, records)));
        }
        sampled.setLength(sampled.length() - 1);
        out.println(sampled);
        LiveSet.Point peak = phases.peak();
        if (peak != null) {
            out.printf("largest holders at the peak (%s): instances, bytes, class%n", peak.phase());
            peak.top().forEach(row -> out.println("  " + row));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("grw-benchmark") : dir;
        try {
            if (reuse && dir == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reuse needs --dir");
            }
            long genStart = System.nanoTime();
            GeneratedFiles.generateOrReuse(out, work, reuse, GeneratorConfig.of(seed, records, work)
                    .withPopulation(population));
            double genSeconds = (System.nanoTime() - genStart) / 1e9; // reading the marker only, with --reuse
            System.gc();
            // the peak heap printed is the match's: not the generator's before it
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(
                    java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            LiveHeap live = new LiveHeap();
            LiveSet boundaries = liveSet ? new LiveSet() : null;
            if (boundaries != null) {
                boundaries.sampleEvery(LIVE_SAMPLE_MS);
            }
            PhaseCpu cpu = new PhaseCpu();
            JvmFigures runtime = new JvmFigures();
            double cpuStart = cpu.total();
            cpu.start("import");
            long start = System.nanoTime();
            List<Path> inputs = List.of(work.resolve("melderegister.csv"), work.resolve("sozialamt.csv"),
                    work.resolve("kfz_halter.csv"));
            MatchProfile profile = ProfileLoader.defaultProfile();
            MatchJob.Outcome outcome = new MatchJob(profile, MappingFile.NONE, null).run(
                    inputs, MatchOptions.defaults(), new MatchJob.Observer() {
                        @Override
                        public void mapping(String source, ColumnMapping mapping) {
                        }

                        @Override
                        public void problem(ImportProblem problem) {
                        }
                    }, (phase, done, total) -> {
                        String name = "read".equals(phase) ? "import" : phase;
                        if (boundaries != null && !"import".equals(name)) {
                            boundaries.progress(name, done, total);
                        }
                        cpu.progress(name, done, total);
                    }, CancellationToken.NONE);
            if (boundaries != null) {
                boundaries.phaseBegins("write"); // the match's result, as the front ends hold it
                boundaries.stop();
            }
            cpu.start("write");
            long writeStart = System.nanoTime();
            MatchOutputs.writeClusters(work.resolve("clusters.csv"), outcome.result());
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            double processSeconds = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
            Map<String, Double> cpuPhases = cpu.stop();
            double cpuSeconds = cpu.total() - cpuStart;
            live.close();
            long peakHeap = de.grw.common.HeapUsage.peakBytes(); // of the match, before the evaluation reads the truth
            out.printf("records: %,d; candidate pairs: %,d; clusters: %,d%n", outcome.table().size(),
                    outcome.result().candidatePairCount(), outcome.result().clusters().clusterCount());
            if (outcome.result().leftOut().pairs() > 0) {
                out.printf("  compared in ranges: %,d pairs held (at or above the threshold), %,d below it not held%n",
                        outcome.result().pairCount(), outcome.result().leftOut().pairs());
            }
            // what each rule brings (pairs before the duplicates between rules are removed) and how large its
            // blocks grow: how the pairs grow with the population is read here
            for (de.grw.matching.blocking.RuleStats r : outcome.result().candidates().stats()) {
                out.printf("  rule %s: %,d pairs, %,d blocks, largest %,d, %,d oversized, %,d pairs left out%n",
                        r.rule(), r.pairs(), r.blocks(), r.largestBlock(), r.oversizedBlocks(), r.pairsLeftOut());
            }
            StringBuilder phases = new StringBuilder("seconds per phase:");
            for (Map.Entry<String, Duration> e : outcome.timings().entrySet()) {
                phases.append(String.format(" %s %.2f,", e.getKey(), e.getValue().toNanos() / 1e9));
            }
            phases.append(String.format(" write %.2f", writeSeconds));
            out.println(phases);
            out.printf("end to end (import, match, write): %.1f s for %,d records%n", seconds,
                    outcome.table().size());
            // what "end to end" counts: from opening the first input file to the clusters file written and closed,
            // in this JVM (warm from generating the population); not counted: starting the JVM, generating the
            // files, the evaluation against the truth. The process's whole time so far is printed beside it.
            out.printf("  counted: reading the three CSV files (encoding, dialect, parsing, mapping, dates), "
                    + "normalising, blocking, comparing, estimating the model, scoring, clustering, writing "
                    + "clusters.csv; not counted: JVM start %.1f s, generation %.1f s, the evaluation below; "
                    + "process until the clusters were written %.1f s%n", jvmStartSeconds(), genSeconds,
                    processSeconds);
            StringBuilder cpuLine = new StringBuilder(String.format("CPU seconds (all threads): %.1f;", cpuSeconds));
            cpuPhases.forEach((phase, s) -> cpuLine.append(String.format(" %s %.2f,", phase, s)));
            cpuLine.setLength(cpuLine.length() - 1);
            out.println(cpuLine.append(" (score includes the clustering)"));
            out.println(runtime.line());
            out.printf("peak heap: %,d MB (max heap %,d MB), %,d bytes per record%n", peakHeap / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap / Math.max(1, outcome.table().size()));
            out.printf("heap in use after a collection, at most: %,d MB, %,d bytes per record%n",
                    live.peakBytes() / (1024 * 1024), live.peakBytes() / Math.max(1, outcome.table().size()));
            if (boundaries != null) {
                printLiveSet(out, boundaries, outcome.table().size());
            }
            out.printf("load average: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            out.flush(); // the figures are out before the truth is read (ten million truth rows take memory too)
            ErrorBreakdown quality = MatchEvaluation.evaluate(outcome.table(), outcome.result(),
                    profile.fieldIndex("birth_date"), work.resolve(PopulationGenerator.TRUTH_FILE));
            out.printf("quality against the generator's truth: %s%n", quality.pairwise());
            quality.describe().forEach(out::println);
            if (figures != null) {
                ScaleFigures.append(figures, new ScaleFigures.Run(outcome.table().size(), seconds, cpuSeconds,
                        peakHeap, live.peakBytes(), Runtime.getRuntime().maxMemory(), outcome.result().candidatePairCount(),
                        quality.pairwise().f1(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage()));
                out.printf("figures appended to %s%n", figures);
            }
            return 0;
        } finally {
            if (temporary) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
