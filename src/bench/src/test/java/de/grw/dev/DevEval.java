package de.grw.dev;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.importing.ColumnMapping;
import de.grw.importing.HeaderMatcher;
import de.grw.importing.ImportProblem;
import de.grw.importing.RecordAssembler;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Developer harness: runs the engine on the public data sets and prints quality. Not a test. */
public final class DevEval {
    public static void main(String[] args) throws Exception {
        Path d = Path.of("../shared/datasets");
        String only = args.length > 0 ? args[0] : "";
        run("febrl1", only, d.resolve("febrl/dataset1.csv"));
        run("febrl2", only, d.resolve("febrl/dataset2.csv"));
        run("febrl3", only, d.resolve("febrl/dataset3.csv"));
        run("febrl4", only, d.resolve("febrl/dataset4a.csv"), d.resolve("febrl/dataset4b.csv"));
        run("rldata10000", only, d.resolve("rldata/RLdata10000.csv"));
        run("fake1000", only, d.resolve("splink_fake_1000/fake_1000.csv"));
        run("historical50k", only, d.resolve("splink_historical_50k/historical_50k.csv"));
    }

    /** The profile: {@code -Dprofile=FILE}, else the default; {@code -DhistProfile=FILE} for historical_50k. */
    static MatchProfile profileFor(String name) {
        String hist = System.getProperty("histProfile");
        if (name.startsWith("historical") && hist != null) {
            return ProfileLoader.load(hist);
        }
        String p = System.getProperty("profile");
        return p == null ? ProfileLoader.defaultProfile() : ProfileLoader.load(p);
    }

    static void run(String name, String only, Path... files) throws Exception {
        if (!only.isEmpty() && !name.startsWith(only)) {
            return;
        }
        MatchProfile profile = profileFor(name);
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        List<String> truth = new ArrayList<>();
        for (Path f : files) {
            String source = f.getFileName().toString().replace(".csv", "");
            int src = builder.addSource(source);
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true).get()
                         .parse(r)) {
                List<CSVRecord> rows = p.getRecords();
                List<String> header = rows.get(0).toList();
                ColumnMapping mapping = HeaderMatcher.suggest(header, profile);
                if (only.equals(name)) {
                    mapping.describe().forEach(System.out::println);
                }
                RecordAssembler asm = new RecordAssembler(profile, mapping);
                List<ImportProblem> problems = new ArrayList<>();
                for (int i = 1; i < rows.size(); i++) {
                    String[] cells = rows.get(i).toList().toArray(new String[0]);
                    String[] values = asm.assemble(cells, source, i, i + 1, problems);
                    String id = asm.idField() >= 0 && values[asm.idField()] != null ? values[asm.idField()]
                            : String.valueOf(i);
                    builder.add(src, id, values);
                    truth.add(truthLabel(header, cells));
                }
                if (!problems.isEmpty()) {
                    System.out.println(name + ": " + problems.size() + " value problems, e.g. "
                            + problems.get(0).describe());
                }
            }
        }
        RecordTable table = builder.build();
        long t0 = System.nanoTime();
        MatchResult result = new MatchEngine(profile).run(table, MatchOptions.defaults().withThreshold(System.getProperty("t") == null ? null : Double.valueOf(System.getProperty("t"))), ProgressListener.NONE,
                CancellationToken.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Integer[] predicted = new Integer[table.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = result.clusterOf(i);
        }
        PairwiseEvaluation e = PairwiseEvaluation.of(predicted, truth.toArray(new String[0]));
        System.out.printf("%-12s records %6d candidates %8d  %s  [%d ms]%n", name, table.size(), result.pairCount(),
                e, ms);
        if (System.getProperty("ef1") != null) {
            double sumP = 0;
            for (int i = 0; i < result.pairCount(); i++) {
                sumP += result.probability(i);
            }
            StringBuilder sb = new StringBuilder("   expected F1 by threshold (model only):");
            for (int t = 5; t <= 95; t += 5) {
                double sel = 0;
                int n = 0;
                for (int i = 0; i < result.pairCount(); i++) {
                    if (result.probability(i) >= t / 100.0) {
                        sel += result.probability(i);
                        n++;
                    }
                }
                sb.append(String.format(" %.2f:%.4f", t / 100.0, 2 * sel / (n + sumP)));
            }
            System.out.println(sb);
        }
        if (System.getProperty("timing") != null) {
            System.out.println("   " + result.timings());
        }
        if (only.equals(name)) {
            result.model().describe().forEach(System.out::println);
            result.candidates().stats().forEach(System.out::println);
            // recall of blocking
            java.util.Set<Long> cand = new java.util.HashSet<>();
            for (long p : result.candidates().pairs()) {
                cand.add(p);
            }
            long truePairs = 0;
            long covered = 0;
            java.util.Map<String, List<Integer>> byEntity = new java.util.HashMap<>();
            for (int i = 0; i < truth.size(); i++) {
                byEntity.computeIfAbsent(truth.get(i), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> g : byEntity.values()) {
                for (int x = 0; x < g.size(); x++) {
                    for (int y = x + 1; y < g.size(); y++) {
                        truePairs++;
                        if (cand.contains(de.grw.matching.blocking.CandidatePairs.pack(g.get(x), g.get(y)))) {
                            covered++;
                        } else if (System.getProperty("missed") != null) {
                            System.out.println("NOT BLOCKED: " + row(table, g.get(x)) + " || " + row(table, g.get(y)));
                        }
                    }
                }
            }
            System.out.printf("blocking recall %d / %d = %.4f%n", covered, truePairs, (double) covered / truePairs);
            if (System.getProperty("diag") != null) {
                LevelDiag.print(result, truth);
            }
            if (System.getProperty("errors") != null) {
                printErrors(result, truth, table);
            }
        }
    }

    static void printErrors(MatchResult result, List<String> truth, RecordTable table) {
        int shown = 0;
        for (int i = 0; i < result.pairCount() && shown < Integer.getInteger("maxErrors", 40); i++) {
            int a = result.first(i);
            int b = result.second(i);
            boolean same = truth.get(a).equals(truth.get(b));
            boolean linked = result.clusterOf(a) == result.clusterOf(b);
            if (same != linked) {
                shown++;
                System.out.printf("%s p=%.4f w=%.2f%n  %s%n  %s%n  %s%n", same ? "MISSED" : "FALSE", result
                        .probability(i), result.weight(i), row(table, a), row(table, b), result.explain(i).stream()
                        .filter(c -> !c.level().equals("missing")).map(c -> c.comparison() + ":" + c.level() + "="
                                + String.format("%.1f", c.weight())).toList());
            }
        }
    }

    static String row(RecordTable t, int r) {
        StringBuilder sb = new StringBuilder(t.recordId(r)).append(" |");
        for (int f = 1; f < t.fieldCount(); f++) {
            String v = t.value(r, f);
            if (v != null) {
                sb.append(' ').append(v).append(" |");
            }
        }
        return sb.toString();
    }

    static String truthLabel(List<String> header, String[] cells) {
        int id = header.indexOf("identity");
        if (id >= 0) {
            return cells[id];
        }
        id = header.indexOf("cluster");
        if (id >= 0) {
            return cells[id];
        }
        String rec = cells[header.indexOf("rec_id")];
        String[] parts = rec.split("-");
        return parts[1];
    }
}
