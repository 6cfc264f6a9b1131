package de.grw.quality;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-made hard cases ({@code src/test/resources/hardcases}, see its README): the three office files, the expected
 * decisions, and the check of a match run against them.
 */
final class HardCases {
    static final List<String> FILES = List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv");

    /** One expected decision: whether records {@code a} and {@code b} ("source/record id") are one person. */
    record Case(String name, String a, String b, boolean same, String why) {
    }

    /**
     * The outcome of a check.
     *
     * @param wrong  cases decided wrongly that are not known failures
     * @param fixed  known failures that are now decided rightly
     * @param report one line per case and a tally
     */
    record Check(List<String> wrong, List<String> fixed, String report) {
    }

    private HardCases() {
    }

    /** The folder with the three files and {@code expected.csv}. */
    static Path folder() {
        try {
            return Path.of(HardCases.class.getResource("/hardcases/expected.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases() {
        try {
            List<Case> cases = new ArrayList<>();
            List<String> lines = Files.readAllLines(folder().resolve("expected.csv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(";", 5);
                if (c.length != 5 || !c[3].equals("same") && !c[3].equals("different")) {
                    throw new IllegalStateException("expected.csv: not case;a;b;same|different;why: " + line);
                }
                cases.add(new Case(c[0], c[1], c[2], c[3].equals("same"), c[4]));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matches the files with the default profile and default options; import problems go to {@code problems}. */
    static MatchJob.Outcome match(List<Path> files, List<ImportProblem> problems) {
        return new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(files,
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                        problems.add(problem);
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** "source/record id" to record index. */
    static Map<String, Integer> index(MatchJob.Outcome outcome) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < outcome.table().size(); i++) {
            index.put(outcome.table().sourceName(i) + "/" + outcome.table().recordId(i), i);
        }
        return index;
    }

    /** Whether each case's two records ended up in one cluster as expected. */
    static Check check(String title, MatchJob.Outcome outcome, List<Case> cases, Set<String> knownFailures) {
        MatchResult result = outcome.result();
        Map<String, Integer> index = index(outcome);
        List<String> wrong = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder(title).append(" (default profile, threshold ")
                .append(result.threshold()).append("):\n");
        for (Case c : cases) {
            int a = index.get(c.a());
            int b = index.get(c.b());
            boolean together = result.clusterOf(a) == result.clusterOf(b);
            boolean right = together == c.same();
            boolean known = knownFailures.contains(c.name());
            String outcomeText = right ? (known ? "FIXED" : "pass") : (known ? "known" : "FAIL");
            tally.merge(outcomeText, 1, Integer::sum);
            report.append(String.format("  %-5s %-40s expected %-9s got %-9s %-12s (%s)%n", outcomeText, c.name(),
                    c.same() ? "same" : "different", together ? "same" : "different", pair(result, a, b), c.why()));
            if (!right && !known) {
                wrong.add(c.name());
            } else if (right && known) {
                fixed.add(c.name());
            }
        }
        report.append("  ").append(tally);
        return new Check(wrong, fixed, report.toString());
    }

    /** The pair's probability if it was a candidate pair, else "not compared". */
    private static String pair(MatchResult result, int a, int b) {
        int p = Arrays.binarySearch(result.candidates().pairs(), CandidatePairs.pack(a, b));
        return p < 0 ? "not compared" : String.format("p=%.4f", result.probability(p));
    }
}
