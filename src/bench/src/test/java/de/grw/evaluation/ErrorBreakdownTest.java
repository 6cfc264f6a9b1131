package de.grw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.synthetic.Relation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorBreakdownTest {
    private static final Relation TWIN = Relation.TWIN;
    private static final Relation HEAD = Relation.HEAD;
    private static final Relation JUNIOR = Relation.JUNIOR;

    /**
     * Household H1: twins P1 (two records) and P2, their father P3 and his namesake son P4. P5, P6 and P8 have two
     * records each, P7 one.
     */
    private static final String[] PERSON = {"P1", "P2", "P1", "P3", "P4", "P5", "P5", "P6", "P6", "P7", "P8", "P8"};
    private static final String[] HOUSEHOLD = {"H1", "H1", "H1", "H1", "H1", "H2", "H2", "H3", "H3", "H4", "H5",
        "H5"};
    private static final Relation[] RELATION = {TWIN, TWIN, TWIN, HEAD, JUNIOR, HEAD, HEAD, HEAD, HEAD, HEAD, HEAD,
        HEAD};
    private static final String[] SOURCE = {"melde", "melde", "kfz", "melde", "melde", "melde", "kfz", "melde",
        "sozial", "melde", "melde", "sozial"};
    private static final boolean[] NO_DATE = {false, false, false, false, false, false, true, false, false, false,
        false, false};

    @Test
    void classifiesFalseMergesByRelationAndMissedPairsByReason() {
        // clusters: the twins' three records together, father and junior together, everyone else alone
        int[] cluster = {0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8};
        long[] candidates = {pack(0, 1), pack(0, 2), pack(3, 4), pack(7, 8), pack(10, 11)};
        Arrays.sort(candidates);
        BitSet linked = new BitSet();
        for (long linkedPair : new long[] {pack(0, 1), pack(0, 2), pack(3, 4), pack(10, 11)}) {
            linked.set(Arrays.binarySearch(candidates, linkedPair));
        }
        ErrorBreakdown e = ErrorBreakdown.of(records(), new ErrorBreakdown.Links(cluster, candidates, linked));

        // (0,1) and (1,2) are twins of different persons; only (0,1) was linked directly, (1,2) through (0,2)
        assertThat(e.falseMerges().get(PairKind.TWINS)).isEqualTo(2);
        assertThat(e.directFalseMerges().get(PairKind.TWINS)).isEqualTo(1);
        assertThat(e.falseMerges().get(PairKind.JUNIOR)).isEqualTo(1);
        assertThat(e.directFalseMerges().get(PairKind.JUNIOR)).isEqualTo(1);
        assertThat(e.falseMergeCount()).isEqualTo(3);
        assertThat(e.falseMergesInHouseholds()).isEqualTo(3);
        assertThat(e.falseMerges().get(PairKind.OTHER_HOUSEHOLDS)).isZero();

        // pairs of different persons in household H1: P1 x P2 twins (2), P1 x P3 and P2 x P3 parent (3),
        // P1 x P4 and P2 x P4 siblings (3), P3 x P4 father and junior (1)
        assertThat(e.pairsInData()).containsEntry(PairKind.TWINS, 2L).containsEntry(PairKind.PARENT_CHILD, 3L)
                .containsEntry(PairKind.SIBLINGS, 3L).containsEntry(PairKind.JUNIOR, 1L)
                .containsEntry(PairKind.SPOUSES, 0L).containsEntry(PairKind.OTHER_HOUSEHOLDS, -1L);

        assertThat(e.missed()).containsEntry(ErrorBreakdown.Miss.NEVER_COMPARED, 1L)
                .containsEntry(ErrorBreakdown.Miss.BELOW_THRESHOLD, 1L)
                .containsEntry(ErrorBreakdown.Miss.KEPT_APART, 1L);
        assertThat(e.neverComparedWithoutBirthDate()).isEqualTo(1);
        assertThat(e.missedBySources()).containsExactly(Map.entry("kfz/melde", 1L), Map.entry("melde/sozial", 2L));

        // 4 predicted pairs, 1 of them true; 4 true pairs
        assertThat(e.pairwise()).isEqualTo(new PairwiseEvaluation(1, 4, 4));
        List<String> lines = e.describe();
        assertThat(String.join("\n", lines)).contains("twins", "merged 2 of 2 pairs (100.0%)",
                "father and son of the same name", "never compared", "a record without birth date: 1",
                "kept apart", "kfz/melde 1");
    }

    @Test
    void aRunThatHeldOnlyItsLinkedPairsCannotTellNeverComparedFromBelowThreshold() {
        // as above, but the run held only the pairs at or above the threshold: (7,8) scored below it is not held
        int[] cluster = {0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8};
        long[] held = {pack(0, 1), pack(0, 2), pack(3, 4), pack(10, 11)};
        BitSet linked = new BitSet();
        linked.set(0, held.length);
        ErrorBreakdown e = ErrorBreakdown.of(records(), new ErrorBreakdown.Links(cluster, held, linked, false));

        assertThat(e.missed()).containsEntry(ErrorBreakdown.Miss.NOT_HELD, 2L)
                .containsEntry(ErrorBreakdown.Miss.NEVER_COMPARED, 0L)
                .containsEntry(ErrorBreakdown.Miss.BELOW_THRESHOLD, 0L)
                .containsEntry(ErrorBreakdown.Miss.KEPT_APART, 1L);
        assertThat(e.pairwise()).isEqualTo(new PairwiseEvaluation(1, 4, 4));
        assertThat(String.join("\n", e.describe())).contains("never compared or below the threshold (not held)");
    }

    @Test
    void aPerfectClusteringHasNoErrors() {
        int[] cluster = {0, 1, 0, 2, 3, 4, 4, 5, 5, 6, 7, 7};
        long[] candidates = {pack(0, 2), pack(5, 6), pack(7, 8), pack(10, 11)};
        BitSet linked = new BitSet();
        linked.set(0, 4);
        ErrorBreakdown e = ErrorBreakdown.of(records(), new ErrorBreakdown.Links(cluster, candidates, linked));
        assertThat(e.falseMergeCount()).isZero();
        assertThat(e.missedCount()).isZero();
        assertThat(e.pairwise().f1()).isEqualTo(1.0);
    }

    @Test
    void relationsMakeTheKindOfPair() {
        assertThat(PairKind.of("H1", Relation.HEAD, "H1", Relation.SPOUSE)).isEqualTo(PairKind.SPOUSES);
        assertThat(PairKind.of("H1", Relation.PARTNER, "H1", Relation.HEAD)).isEqualTo(PairKind.SPOUSES);
        assertThat(PairKind.of("H1", Relation.SPOUSE, "H1", Relation.JUNIOR)).isEqualTo(PairKind.PARENT_CHILD);
        assertThat(PairKind.of("H1", Relation.PARENT, "H1", Relation.SPOUSE)).isEqualTo(PairKind.PARENT_CHILD);
        assertThat(PairKind.of("H1", Relation.PARENT, "H1", Relation.CHILD)).isEqualTo(PairKind.HOUSEHOLD_OTHER);
        assertThat(PairKind.of("H1", Relation.OTHER, "H1", Relation.HEAD)).isEqualTo(PairKind.HOUSEHOLD_OTHER);
        assertThat(PairKind.of("H1", Relation.CHILD, "H1", Relation.TWIN)).isEqualTo(PairKind.SIBLINGS);
        assertThat(PairKind.of("H1", Relation.TWIN, "H2", Relation.TWIN)).isEqualTo(PairKind.OTHER_HOUSEHOLDS);
    }

    @Test
    void readsTruthFilesWithAndWithoutHouseholds(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("truth.csv");
        Files.writeString(full, "source,record_id,person_id,household_id,relation\nmelde,1,P1,H1,twin\n"
                + "kfz,7,P1,H1,twin\n");
        TruthFile t = TruthFile.read(full);
        assertThat(t.hasHouseholds()).isTrue();
        assertThat(t.get("kfz", "7")).isEqualTo(new TruthFile.Row("P1", "H1", Relation.TWIN));
        assertThat(t.get("kfz", "8")).isNull();

        Path old = dir.resolve("old.csv");
        Files.writeString(old, "source,record_id,person_id\nmelde,1,P1\n");
        TruthFile o = TruthFile.read(old);
        assertThat(o.hasHouseholds()).isFalse();
        assertThat(o.get("melde", "1")).isEqualTo(new TruthFile.Row("P1", "P1", Relation.OTHER));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "source,record_id,person_id,household_id,relation\nmelde,1,P1\n");
        assertThatThrownBy(() -> TruthFile.read(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageContaining("expected 5 cells");
    }

    private static ErrorBreakdown.Records records() {
        return new ErrorBreakdown.Records(PERSON, HOUSEHOLD, RELATION, SOURCE, NO_DATE);
    }

    private static long pack(int a, int b) {
        return ErrorBreakdown.pack(a, b);
    }
}
