package de.grw.matching;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.CancelledException;
import de.grw.common.ProgressListener;
import de.grw.importing.HeaderMatcher;
import de.grw.importing.ImportProblem;
import de.grw.importing.RecordAssembler;
import de.grw.importing.SourceRecord;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a tiny German register extract where the duplicates are obvious. */
class MatchEngineTest {
    private static final List<String> HEADER = List.of("Nr", "Name", "Geburtsname", "Geb.-Datum", "Anschrift",
            "PLZ", "Ort");
    /** Records as an office exports them. */
    private static final String[][] ROWS = {
        {"1", "Müller, Hans", "", "12.03.1950", "Goethestraße 12", "50667", "Köln"},
        {"2", "Mueller, Hans", "", "03.12.1950", "Goethestr. 12", "50667", "Koeln"},
        {"3", "Weber, Anna", "", "21.07.1975", "Lindenallee 5", "80331", "München"},
        {"4", "Schmidt, Anna", "Weber", "21.07.1975", "Lindenallee 5", "80331", "München"},
        {"5", "Becker, Karl-Heinz", "", "30.01.1962", "Bahnhofstraße 7", "01067", "Dresden"},
        {"6", "Becker, Karl Heinz", "", "30.01.1962", "Bahnhofstr. 7", "1067", "Dresden"},
        {"7", "Müller, Hans", "", "05.05.1988", "Am Markt 3", "20095", "Hamburg"},
        {"8", "Wagner, Petra", "", "14.02.1980", "Schillerstraße 20", "70173", "Stuttgart"},
        {"9", "Fischer, Jürgen", "", "09.09.1955", "Kirchweg 1", "90402", "Nürnberg"},
        {"10", "Schulz, Monika", "", "23.11.1968", "Rosenweg 8", "28195", "Bremen"},
        {"11", "Koch, Thomas", "", "01.04.1990", "Ringstraße 44", "04109", "Leipzig"},
        {"12", "Richter, Sabine", "", "17.06.1972", "Parkallee 2", "30159", "Hannover"},
        {"13", "Klein, Stefan", "", "28.10.1983", "Gartenstraße 15", "40213", "Düsseldorf"},
        {"14", "Wolf, Ursula", "", "03.03.1947", "Bergstraße 9", "69117", "Heidelberg"},
        {"15", "Schröder, Klaus", "", "11.08.1958", "Feldweg 21", "24103", "Kiel"},
        {"16", "Neumann, Gisela", "", "19.12.1951", "Mühlenstraße 6", "18055", "Rostock"},
    };
    /** Father and son at one address; the middle record has no birth date and links to both. */
    private static final String[][] CHAIN = {
        {"17", "Lehmann, Otto", "", "12.03.1950", "Kastanienweg 4", "99084", "Erfurt"},
        {"18", "Lehmann, Otto", "", "", "Kastanienweg 4", "99084", "Erfurt"},
        {"19", "Lehmann, Otto", "", "01.07.1988", "Kastanienweg 4", "99084", "Erfurt"}};

    private static final Function<String, String> ONE_SOURCE = id -> "register";

    private static MatchProfile profile;
    private static Run run;

    /** A table and what the engine made of it. */
    private record Run(RecordTable table, MatchResult result) {
        /** Record ids per cluster of more than one record, e.g. "1,2", in order of cluster number. */
        List<String> clusters() {
            Map<Integer, List<String>> byCluster = new TreeMap<>();
            for (int i = 0; i < result.recordCount(); i++) {
                byCluster.computeIfAbsent(result.clusterOf(i), k -> new ArrayList<>()).add(table.recordId(i));
            }
            return byCluster.values().stream().filter(l -> l.size() > 1).map(l -> String.join(",", l)).toList();
        }

        int pair(String idA, String idB) {
            for (int p = 0; p < result.pairCount(); p++) {
                String a = table.recordId(result.first(p));
                String b = table.recordId(result.second(p));
                if ((a.equals(idA) && b.equals(idB)) || (a.equals(idB) && b.equals(idA))) {
                    return p;
                }
            }
            throw new AssertionError("no candidate pair " + idA + "-" + idB);
        }

        Map<String, String> levels(String idA, String idB) {
            return result.explain(pair(idA, idB)).stream()
                    .collect(Collectors.toMap(Contribution::comparison, Contribution::level));
        }
    }

    @BeforeAll
    static void runEngine() {
        profile = ProfileLoader.defaultProfile();
        run = run(profile, MatchOptions.defaults(), ONE_SOURCE, ROWS);
    }

    /** Imports the rows through the header mapping, giving each row a source, and runs the engine. */
    private static Run run(MatchProfile p, MatchOptions options, Function<String, String> sourceOfId,
                           String[]... rows) {
        RecordAssembler asm = new RecordAssembler(p, HeaderMatcher.suggest(HEADER, p));
        RecordTable.Builder b = new RecordTable.Builder(p.fields().size());
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String[] cells = Arrays.copyOf(rows[i], HEADER.size());
            String[] values = asm.assemble(cells, "register.csv", i + 1, i + 2, problems);
            String id = values[asm.idField()];
            b.add(new SourceRecord(sourceOfId.apply(id), id,
                    i + 1, i + 2, cells, values));
        }
        assertThat(problems).isEmpty();
        RecordTable table = b.build();
        return new Run(table, new MatchEngine(p).run(table, options, ProgressListener.NONE, CancellationToken.NONE));
    }

    private static String[][] concat(String[][] a, String[][] b) {
        String[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theObviousDuplicatesAndOnlyThemAreClustered() {
        assertThat(run.clusters()).containsExactly("1,2", "3,4", "5,6");
        assertThat(run.result().clusters().clusterCount()).isEqualTo(ROWS.length - 3);
        assertThat(run.result().clusters().multiRecordClusters()).isEqualTo(3);
        assertThat(run.result().pairsAboveThreshold()).isEqualTo(3);
    }

    @Test
    void umlautSpellingSwappedDayAndMonthAndStreetAbbreviationStillAgree() {
        assertThat(run.levels("1", "2")).containsEntry("family_name", "exact").containsEntry("given_names", "exact")
                .containsEntry("birth_date", "day_month_swapped").containsEntry("address", "same_address").containsEntry("tax_id", "missing");
        assertThat(run.result().probability(run.pair("1", "2"))).isGreaterThan(0.9);
    }

    @Test
    void aMarriedNameMatchesTheBirthName() {
        assertThat(run.levels("3", "4")).containsEntry("family_name", "birth_name")
                .containsEntry("birth_date", "exact");
        assertThat(run.result().probability(run.pair("3", "4"))).isGreaterThan(0.9);
    }

    @Test
    void doubleGivenNameAndPostalCodeWithoutLeadingZeroAgree() {
        assertThat(run.levels("5", "6")).containsEntry("given_names", "exact")
                .containsEntry("address", "same_address");
    }

    @Test
    void theSameNameAloneIsNoMatch() {
        int p = run.pair("1", "7");
        assertThat(run.result().probability(p)).isLessThan(0.5);
        assertThat(run.levels("1", "7")).containsEntry("family_name", "exact").containsEntry("birth_date", "else")
                .containsEntry("address", "else");
        assertThat(run.result().clusterOf(0)).isNotEqualTo(run.result().clusterOf(6));
    }

    @Test
    void explanationsAddUpToTheWeight() {
        for (int p = 0; p < run.result().pairCount(); p++) {
            double sum = run.result().priorWeight(p) + run.result().explain(p).stream()
                    .mapToDouble(Contribution::weight).sum();
            assertThat(run.result().weight(p)).isCloseTo(sum, Assertions.within(1e-4));
        }
    }

    @Test
    void aTinyInputComparesAllPairsAndReportsThePhases() {
        int n = ROWS.length;
        assertThat(run.result().pairCount()).isEqualTo(n * (n - 1) / 2);
        assertThat(run.result().totalPairs()).isEqualTo(n * (n - 1) / 2.0);
        assertThat(run.result().candidates().pairsLeftOut()).isZero();
        assertThat(run.result().timings()).containsKeys("normalise", "block", "compare", "estimate", "score",
                "cluster");
        assertThat(run.result().threshold()).isEqualTo(profile.threshold());
        assertThat(run.result().model().comparisons()).hasSize(profile.comparisons().size());
    }

    @Test
    void runsAreRepeatable() {
        Run again = run(profile, MatchOptions.defaults(), ONE_SOURCE, ROWS);
        assertThat(again.clusters()).isEqualTo(run.clusters());
        assertThat(again.result().clusters().clusterOf()).containsExactly(run.result().clusters().clusterOf());
        for (int p = 0; p < run.result().pairCount(); p++) {
            assertThat(again.result().weight(p)).isEqualTo(run.result().weight(p));
        }
    }

    @Test
    void aHigherThresholdLinksFewerPairs() {
        Run strict = run(profile, MatchOptions.defaults().withThreshold(0.999999999), ONE_SOURCE, ROWS);
        assertThat(strict.result().threshold()).isEqualTo(0.999999999);
        assertThat(strict.result().pairsAboveThreshold()).isLessThan(run.result().pairsAboveThreshold());
        assertThat(strict.clusters().size()).isLessThan(run.clusters().size());
    }

    @Test
    void linkOnlyComparesOnlyAcrossSources() {
        // odd record numbers come from the Melderegister, even ones from the Kfz-Register
        Function<String, String> source = id -> Integer.parseInt(id) % 2 == 1 ? "melde" : "kfz";
        Run linked = run(profile, MatchOptions.defaults().withLinkOnly(true), source, ROWS);
        RecordTable t = linked.table();
        for (long pair : linked.result().candidates().pairs()) {
            assertThat(t.sourceIndex(CandidatePairs.first(pair)))
                    .isNotEqualTo(t.sourceIndex(CandidatePairs.second(pair)));
        }
        assertThat(linked.result().pairCount()).isEqualTo(8 * 8);
        assertThat(linked.result().totalPairs()).isEqualTo(64.0);
        assertThat(linked.clusters()).containsExactly("1,2", "3,4", "5,6");
    }

    @Test
    void aClerksCannotLinkKeepsRecordsApart() {
        RecordTable table = run.table();
        MatchResult r = new MatchEngine(profile).run(table, MatchOptions.defaults(),
                (a, b) -> (a == 0 && b == 1) || (a == 1 && b == 0), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(r.clusterOf(0)).isNotEqualTo(r.clusterOf(1));
        assertThat(r.clusterOf(2)).isEqualTo(r.clusterOf(3));
        assertThat(r.clusters().refusedMerges()).isEqualTo(1);
    }

    @Test
    void fatherAndSonAGenerationApartAreNeverLinkedNotEvenThroughARecordWithoutBirthDate() {
        Run chained = run(profile, MatchOptions.defaults(), ONE_SOURCE, concat(ROWS, CHAIN));
        int fatherAndSon = chained.pair("17", "19");
        assertThat(chained.levels("17", "19")).containsEntry("birth_date", "else");
        // a direct contradiction: birth years a generation apart, and not one wrong year with day and month agreeing
        assertThat(chained.result().contradicts(fatherAndSon)).isTrue();
        assertThat(chained.result().explain(fatherAndSon)).anyMatch(c -> c.comparison().equals("contradiction")
                && c.level().equals("birth_date_years_apart") && c.weight() == 0.0);
        assertThat(chained.result().explain(chained.pair("17", "18"))).anyMatch(c -> c.comparison()
                .equals("contradiction") && c.level().equals("missing"));
        // the record without birth date fits both equally well: it is at most one of them, so it joins neither
        // and waits for a clerk; father and son never share a cluster
        assertThat(chained.result().probability(chained.pair("17", "18"))).isGreaterThan(0.9);
        assertThat(chained.result().probability(chained.pair("18", "19"))).isGreaterThan(0.9);
        assertThat(chained.clusters()).noneMatch(c -> c.contains("17") || c.contains("18") || c.contains("19"));
        assertThat(chained.result().clusters().ambiguousLinks()).isEqualTo(2);

        // without the profile's contradiction rules the chain through record 18 joins father and son
        Run unguarded = run(TestRecords.withContradictions(profile, List.of()), MatchOptions.defaults(), ONE_SOURCE,
                concat(ROWS, CHAIN));
        assertThat(unguarded.clusters()).contains("17,18,19");
    }

    @Test
    void aCancelledRunStops() {
        Assertions.assertThatThrownBy(() -> new MatchEngine(profile).run(run.table(), MatchOptions.defaults(),
                ProgressListener.NONE, () -> true)).isInstanceOf(CancelledException.class);
    }
}
