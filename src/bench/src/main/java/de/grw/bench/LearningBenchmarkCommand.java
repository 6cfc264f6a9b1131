package de.grw.bench;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.TruthFile;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.learning.LabelledExample;
import de.grw.learning.LabelledTraining;
import de.grw.learning.LearningSettings;
import de.grw.review.QueueMode;
import de.grw.learning.Training;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.PatternCounts;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench learning}: the simulated-clerk benchmark of issue 15 ({@link LearningCurve}) on a generated German
 * population, RLdata10000 and fake_1000 (whose 3,176 clerical labels are the clerk), both queue modes side by side,
 * and the time of one retraining after one decision on a large generated population.
 */
@Command(name = "learning", mixinStandardHelpOptions = true,
        description = "Simulated-clerk benchmark: a clerk answers k questions in active-learning and in "
            + "most-uncertain-first order, the model retrains after every batch, and F1 is printed after k = 0, 50, "
            + "100, 200, 500, 1000 labels with the time of each retraining; on a generated population, RLdata10000 "
            + "and fake_1000 (its clerical labels as the clerk). Writes the learning curves as a PNG.")
public final class LearningBenchmarkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** --records (for the curve; default 20,000) and --seed. */
    @Mixin
    PopulationOptions population = new PopulationOptions(20_000);

    @Option(names = "--timing-records", defaultValue = "0", paramLabel = "N",
            description = "Also generate and match N records and time one retraining after one decision (0: no).")
    long timingRecords;

    @Option(names = "--data", split = ",", defaultValue = "generated,rldata,fake_1000", paramLabel = "SET",
            description = "Data sets: generated, rldata, fake_1000. Default: all three.")
    List<String> data;

    @Option(names = "--datasets", defaultValue = "../shared/datasets", paramLabel = "DIR",
            description = "Folder of the public data sets (never copied). Default: ${DEFAULT-VALUE}.")
    Path datasets;

    @Option(names = "--checkpoints", split = ",", defaultValue = "0,50,100,200,500,1000", paramLabel = "K",
            description = "Labels after which F1 is measured. Default: ${DEFAULT-VALUE}.")
    int[] checkpoints;

    @Option(names = "--batch", defaultValue = "10", paramLabel = "B",
            description = "Questions between two retrainings. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the learning curves here as a PNG.")
    Path png;

    /** One data set ready for the curve. */
    private record Prepared(String name, RecordTable table, MatchResult result, String[] truth,
                            LearningCurve.Clerk clerk) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MatchProfile profile = ProfileLoader.defaultProfile();
        Map<String, Map<QueueMode, List<LearningCurve.Point>>> curves = new LinkedHashMap<>();
        out.printf("load average at start: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        for (String set : data) {
            Prepared p = prepare(set, profile, out);
            LearningCurve curve = new LearningCurve(profile, p.table(), p.result(), p.truth(), p.clerk(),
                    LearningSettings.DEFAULTS);
            out.printf("%s: %,d records, %,d candidate pairs, %,d of them answerable by the clerk%n", p.name(),
                    p.table().size(), p.result().pairCount(), curve.askable());
            Map<QueueMode, List<LearningCurve.Point>> modes = new EnumMap<>(QueueMode.class);
            for (QueueMode mode : new QueueMode[] {QueueMode.ACTIVE_LEARNING, QueueMode.UNCERTAIN}) {
                modes.put(mode, curve.run(mode, checkpoints, batch, out));
            }
            curves.put(p.name(), modes);
            table(out, p.name(), modes);
        }
        if (png != null && !curves.isEmpty()) {
            LearningCurvePlot.write(png, curves);
            out.printf("learning curves written to %s%n", png);
        }
        if (timingRecords > 0) {
            timing(profile, out);
        }
        out.printf("peak heap: %,d MB; load average at end: %.2f%n", de.grw.common.HeapUsage.peakBytes() / (1 << 20),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }

    private static void table(PrintWriter out, String name, Map<QueueMode, List<LearningCurve.Point>> modes) {
        out.printf("%n| %s: labels | active learning F1 (model / with decisions) | most uncertain first F1 (model / "
                + "with decisions) | retraining mean ms (active / uncertain) |%n|---|---|---|---|%n", name);
        List<LearningCurve.Point> a = modes.get(QueueMode.ACTIVE_LEARNING);
        List<LearningCurve.Point> u = modes.get(QueueMode.UNCERTAIN);
        for (int i = 0; i < Math.max(a.size(), u.size()); i++) {
            LearningCurve.Point pa = i < a.size() ? a.get(i) : null;
            LearningCurve.Point pu = i < u.size() ? u.get(i) : null;
            out.printf(java.util.Locale.ROOT, "| %d | %s | %s | %s / %s |%n", pa != null ? pa.labels() : pu.labels(),
                    pair(pa), pair(pu), pa == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f",
                            pa.meanSeconds() * 1000), pu == null ? "-" : String.format(java.util.Locale.ROOT,
                            "%.1f", pu.meanSeconds() * 1000));
        }
        out.println();
        out.flush();
    }

    private static String pair(LearningCurve.Point p) {
        return p == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f / %.4f", p.model().f1(),
                p.enforced().f1());
    }

    private Prepared prepare(String set, MatchProfile profile, PrintWriter out) throws IOException {
        switch (set) {
            case "generated" -> {
                Path work = Files.createTempDirectory("grw-learning");
                try {
                    MatchJob.Outcome o = generateAndMatch(profile, population.records(), work);
                    TruthFile truthFile = TruthFile.read(work.resolve(PopulationGenerator.TRUTH_FILE));
                    String[] truth = new String[o.table().size()];
                    for (int r = 0; r < truth.length; r++) {
                        truth[r] = truthFile.get(o.table().sourceName(r), o.table().recordId(r)).person();
                    }
                    return new Prepared("generated German population", o.table(), o.result(), truth,
                            (a, b) -> truth[a].equals(truth[b]));
                } finally {
                    delete(work);
                }
            }
            case "rldata" -> {
                Path file = dataset("rldata/RLdata10000.csv");
                MatchJob.Outcome o = match(profile, List.of(file));
                String[] truth = truth(o.table(), column(file, "rec_no", "identity"));
                return new Prepared("RLdata10000", o.table(), o.result(), truth, (a, b) -> truth[a].equals(truth[b]));
            }
            case "fake_1000" -> {
                Path file = dataset("splink_fake_1000/fake_1000.csv");
                MatchJob.Outcome o = match(profile, List.of(file));
                String[] truth = truth(o.table(), column(file, "unique_id", "cluster"));
                Map<String, Integer> index = new HashMap<>();
                for (int r = 0; r < o.table().size(); r++) {
                    index.put(o.table().recordId(r), r);
                }
                Map<Long, Boolean> labels = clericalLabels(dataset("splink_fake_1000/fake_1000_labels.csv"), index);
                out.printf("fake_1000: %,d clerical labels read%n", labels.size());
                return new Prepared("fake_1000 (clerical labels)", o.table(), o.result(), truth,
                        (a, b) -> labels.get(de.grw.matching.blocking.CandidatePairs.pack(a, b)));
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--data: unknown data set '"
                    + set + "' (known: generated, rldata, fake_1000)");
        }
    }

    private Path dataset(String relative) {
        Path p = datasets.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(p + ": data set not found (see ../shared/datasets/README.md)");
        }
        return p;
    }

    /** Times one retraining after one decision on a large generated population (the labels already given: 200). */
    private void timing(MatchProfile profile, PrintWriter out) throws IOException {
        Path work = Files.createTempDirectory("grw-learning-timing");
        try {
            long start = System.nanoTime();
            MatchJob.Outcome o = generateAndMatch(profile, timingRecords, work);
            out.printf("timing: %,d records generated and matched in %.1f s, %,d candidate pairs%n", o.table().size(),
                    (System.nanoTime() - start) / 1e9, o.result().pairCount());
            TruthFile truthFile = TruthFile.read(work.resolve(PopulationGenerator.TRUTH_FILE));
            MatchResult r = o.result();
            long[] patterns = new long[r.pairCount()];
            Integer[] order = new Integer[r.pairCount()];
            for (int p = 0; p < patterns.length; p++) {
                patterns[p] = r.pattern(p);
                order[p] = p;
            }
            long countStart = System.nanoTime();
            PatternCounts counts = PatternCounts.of(patterns);
            double countSeconds = (System.nanoTime() - countStart) / 1e9;
            java.util.Arrays.sort(order, Comparator.comparingDouble(p -> Math.abs(r.weight(p))));
            List<LabelledExample> examples = new ArrayList<>();
            for (int i = 0; i < 201 && i < order.length; i++) {
                int p = order[i];
                boolean match = truthFile.get(o.table().sourceName(r.first(p)), o.table().recordId(r.first(p)))
                        .person().equals(truthFile.get(o.table().sourceName(r.second(p)),
                                o.table().recordId(r.second(p))).person());
                examples.add(new LabelledExample(r.pattern(p), r.weight(p), match));
            }
            LabelledTraining.train(r.model(), examples.subList(0, 200), counts, LearningSettings.DEFAULTS);
            long one = System.nanoTime();
            Training t = LabelledTraining.train(r.model(), examples, counts, LearningSettings.DEFAULTS);
            double seconds = (System.nanoTime() - one) / 1e9;
            out.printf(java.util.Locale.ROOT, "timing: retraining after the 201st decision on %,d records "
                    + "(%,d distinct comparison vectors kept): %.3f s (threshold estimate with %d refits "
                    + "included); counting the vectors once: %.2f s%n", o.table().size(), counts.size(), seconds,
                    LearningSettings.DEFAULTS.bootstrap(), countSeconds);
            out.printf("timing: %s%n", t.threshold());
        } finally {
            delete(work);
        }
    }

    private MatchJob.Outcome generateAndMatch(MatchProfile profile, long n, Path work) throws IOException {
        new PopulationGenerator().generate(GeneratorConfig.of(population.seed(), n, work));
        return match(profile, List.of(work.resolve("melderegister.csv"), work.resolve("sozialamt.csv"),
                work.resolve("kfz_halter.csv")));
    }

    private static MatchJob.Outcome match(MatchProfile profile, List<Path> inputs) {
        return new MatchJob(profile, MappingFile.NONE, null).run(inputs, MatchOptions.defaults(),
                new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static String[] truth(RecordTable table, Map<String, String> byId) {
        String[] out = new String[table.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = byId.get(table.recordId(r));
            if (out[r] == null) {
                throw new IllegalStateException("no truth for record " + table.recordId(r));
            }
        }
        return out;
    }

    /** A column of a CSV file by another (the truth, never a matching feature). */
    static Map<String, String> column(Path csv, String idColumn, String valueColumn) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<List<String>> rows = csv(csv);
        int id = rows.get(0).indexOf(idColumn);
        int value = rows.get(0).indexOf(valueColumn);
        if (id < 0 || value < 0) {
            throw new IOException(csv + ", line 1: no column " + (id < 0 ? idColumn : valueColumn));
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            out.put(row.get(id).trim(), row.get(value).trim());
        }
        return out;
    }

    /** fake_1000's clerical labels by record index pair: a score of at least 0.5 is a match. */
    static Map<Long, Boolean> clericalLabels(Path csv, Map<String, Integer> index) throws IOException {
        Map<Long, Boolean> out = new HashMap<>();
        List<List<String>> rows = csv(csv);
        List<String> header = rows.get(0);
        int l = header.indexOf("unique_id_l");
        int r = header.indexOf("unique_id_r");
        int score = header.indexOf("clerical_match_score");
        if (l < 0 || r < 0 || score < 0) {
            throw new IOException(csv + ", line 1: expected unique_id_l, unique_id_r and clerical_match_score");
        }
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            Integer a = index.get(row.get(l).trim());
            Integer b = index.get(row.get(r).trim());
            if (a == null || b == null || a.equals(b)) {
                throw new IOException(csv + ", line " + (line + 1) + ": a label names a record not in fake_1000.csv");
            }
            out.put(de.grw.matching.blocking.CandidatePairs.pack(a, b),
                    Double.parseDouble(row.get(score).trim()) >= 0.5);
        }
        return out;
    }

    /** A small CSV reader (comma, double quotes; no line breaks inside cells), enough for the public sets. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
