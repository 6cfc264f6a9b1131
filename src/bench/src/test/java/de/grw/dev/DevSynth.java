package de.grw.dev;

import de.grw.common.CancellationToken;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.ProfileLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Developer harness: match a generated population and evaluate against its truth.csv. */
public final class DevSynth {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, String> truth = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("truth.csv")).subList(1, Integer.MAX_VALUE == 0 ? 0 : 1)) {
            line.length();
        }
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            truth.put(c[0] + "/" + c[1], c[2]);
        }
        List<Path> inputs = List.of(dir.resolve("melderegister.csv"), dir.resolve("sozialamt.csv"),
                dir.resolve("kfz_halter.csv"));
        long t0 = System.nanoTime();
        Double threshold = System.getProperty("t") == null ? null : Double.valueOf(System.getProperty("t"));
        MatchJob.Outcome o = new MatchJob(System.getProperty("profile") == null ? ProfileLoader.defaultProfile()
                : ProfileLoader.load(System.getProperty("profile")), MappingFile.NONE, null).run(inputs,
                MatchOptions.defaults().withThreshold(threshold), new MatchJob.Observer() {
                    int n;
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                        if (System.getProperty("mapping") != null) {
                            mapping.describe().forEach(System.out::println);
                        }
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                        if (n++ < 5) {
                            System.out.println(problem.describe());
                        }
                    }
                }, (p, d, t) -> { }, CancellationToken.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        RecordTable table = o.table();
        MatchResult result = o.result();
        Integer[] pred = new Integer[table.size()];
        String[] ent = new String[table.size()];
        List<String> truthList = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            pred[r] = result.clusterOf(r);
            ent[r] = truth.get(table.sourceName(r) + "/" + table.recordId(r));
            truthList.add(ent[r]);
        }
        System.out.printf("records %d candidates %d %s [%d ms] %s%n", table.size(), result.pairCount(),
                PairwiseEvaluation.of(pred, ent), ms, o.timings());
        result.candidates().stats().forEach(System.out::println);
        if (System.getProperty("model") != null) {
            result.model().describe().forEach(System.out::println);
        }
        if (System.getProperty("diag") != null) {
            LevelDiag.print(result, truthList);
        }
        if (System.getProperty("errors") != null) {
            DevEval.printErrors(result, truthList, table);
        }
        if (System.getProperty("missed") != null) {
            java.util.Set<Long> cand = new java.util.HashSet<>();
            for (long p : result.candidates().pairs()) {
                cand.add(p);
            }
            Map<String, List<Integer>> byPerson = new HashMap<>();
            for (int r = 0; r < table.size(); r++) {
                byPerson.computeIfAbsent(ent[r], k -> new ArrayList<>()).add(r);
            }
            int shown = 0;
            for (List<Integer> g : byPerson.values()) {
                for (int x = 0; x < g.size() && shown < Integer.getInteger("maxMissed", 40); x++) {
                    for (int y = x + 1; y < g.size(); y++) {
                        long key = de.grw.matching.blocking.CandidatePairs.pack(g.get(x), g.get(y));
                        if (!cand.contains(key) && pred[g.get(x)].intValue() != pred[g.get(y)].intValue()) {
                            shown++;
                            System.out.println("NOT COMPARED\n  " + DevEval.row(table, g.get(x)) + "\n  "
                                    + DevEval.row(table, g.get(y)));
                        }
                    }
                }
            }
        }
    }
}
