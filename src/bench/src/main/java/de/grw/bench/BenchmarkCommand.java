package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.data.RecordTable;
import de.grw.matching.output.MatchOutputs;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GenerationReport;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw benchmark}: generates a synthetic German population across three sources, runs the full match on it
 * end to end (import, match, writing the clusters) and prints records, seconds, peak heap and F1 against the
 * generator's truth.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Speed and quality benchmark: generates a deterministic synthetic German population in three",
            "sources, matches it end to end and prints records, seconds per phase, peak heap and pairwise F1.",
            "Run with the heap you want to prove, e.g. java -Xmx4g -jar grw.jar benchmark --records 1000000"})
public final class BenchmarkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", paramLabel = "N",
            description = "Records across the three sources. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Keep the generated files and the output here (default: a temporary folder, deleted).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("grw-benchmark") : dir;
        try {
            long genStart = System.nanoTime();
            GenerationReport report = new PopulationGenerator().generate(GeneratorConfig.of(seed, records, work));
            double genSeconds = (System.nanoTime() - genStart) / 1e9;
            out.printf("generated %,d records (seed %d) in %.1f s: %s%n", report.totalRecords(), seed, genSeconds,
                    report.recordsPerSource());
            System.gc();
            long start = System.nanoTime();
            List<Path> inputs = List.of(work.resolve("melderegister.csv"), work.resolve("sozialamt.csv"),
                    work.resolve("kfz_halter.csv"));
            MatchJob.Outcome outcome = new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(
                    inputs, MatchOptions.defaults(), new MatchJob.Observer() {
                        @Override
                        public void mapping(String source, ColumnMapping mapping) {
                        }

                        @Override
                        public void problem(ImportProblem problem) {
                        }
                    }, ProgressListener.NONE, CancellationToken.NONE);
            long writeStart = System.nanoTime();
            MatchOutputs.writeClusters(work.resolve("clusters.csv"), outcome.result());
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            PairwiseEvaluation quality = evaluate(outcome.table(), outcome.result()::clusterOf,
                    work.resolve("truth.csv"));
            out.printf("records: %,d; candidate pairs: %,d; clusters: %,d%n", outcome.table().size(),
                    outcome.result().pairCount(), outcome.result().clusters().clusterCount());
            StringBuilder phases = new StringBuilder("seconds per phase:");
            for (Map.Entry<String, Duration> e : outcome.timings().entrySet()) {
                phases.append(String.format(" %s %.2f,", e.getKey(), e.getValue().toNanos() / 1e9));
            }
            phases.append(String.format(" write %.2f", writeSeconds));
            out.println(phases);
            out.printf("end to end (import, match, write): %.1f s for %,d records%n", seconds,
                    outcome.table().size());
            out.printf("peak heap: %,d MB (max heap %,d MB)%n", de.grw.common.HeapUsage.peakBytes() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.printf("quality against the generator's truth: %s%n", quality);
            return 0;
        } finally {
            if (temporary) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static PairwiseEvaluation evaluate(RecordTable table, java.util.function.IntUnaryOperator clusterOf, Path truth)
            throws java.io.IOException {
        Map<String, String> person = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                person.put(line.substring(0, b), line.substring(b + 1));
            }
        }
        Integer[] predicted = new Integer[table.size()];
        String[] entity = new String[table.size()];
        for (int i = 0; i < table.size(); i++) {
            predicted[i] = clusterOf.applyAsInt(i);
            entity[i] = person.get(table.sourceName(i) + "," + table.recordId(i));
            if (entity[i] == null) {
                throw new IllegalStateException("no truth for " + table.sourceName(i) + "/" + table.recordId(i));
            }
        }
        return PairwiseEvaluation.of(predicted, entity);
    }
}
