package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.SampleWorkspaceTest;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reverting adds, deletes nothing, and restores exactly: records stay byte-identical, the golden record retires,
 * memberships and values are ended rather than removed; merges that build on each other are undone in reverse order
 * and each undo restores the golden records as they were before.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class UnmergeTest extends SampleWorkspaceTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final String RECORDS = "SELECT id, source_id, record_key, row_number, line, cells_json, "
            + "values_json, normalised_json, blocked FROM records ORDER BY id";
    private static final String ACTIVE_VALUES = "SELECT field, value, origin, origin_record FROM golden_values WHERE "
            + "golden_id = ? AND superseded_by IS NULL ORDER BY field";
    private static final String ACTIVE_MEMBERS = "SELECT record_id FROM golden_members WHERE golden_id = ? AND "
            + "removed_by IS NULL ORDER BY record_id";

    private long clusterOfSize(int size) {
        return clusterOfSize(size, 0);
    }

    /** An open cluster of exactly these records (as a split would create it). */
    private long clusterOf(List<Long> records) {
        return w.write(c -> WorkspaceMatcher.ensureCluster(c, records.stream().mapToLong(Long::longValue).toArray(),
                TestWorkspaces.rows(c, "SELECT max(id) FROM match_runs").stream()
                        .mapToLong(r -> ((Number) r.get(0)).longValue()).findFirst().orElseThrow()));
    }

    private String goldenOf(long record) {
        List<String> g = w.read(c -> GoldenStore.activeGoldenOf(c, List.of(record)));
        assertThat(g).hasSizeLessThanOrEqualTo(1);
        return g.isEmpty() ? null : g.get(0);
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return TestWorkspaces.rows(w, sql, params);
    }

    private List<Long> longs(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> r.get(0) == null ? null : ((Number) r.get(0)).longValue())
                .toList();
    }

    private String status(String golden) {
        return (String) rows("SELECT status FROM golden_records WHERE id = ?", golden).get(0).get(0);
    }

    private List<Long> activeMembers(String golden) {
        return longs(ACTIVE_MEMBERS, golden);
    }

    private long[] counts() {
        return new long[] {TestWorkspaces.count(w, "SELECT count(*) FROM golden_records"),
            TestWorkspaces.count(w, "SELECT count(*) FROM golden_members"),
            TestWorkspaces.count(w, "SELECT count(*) FROM golden_values"),
            TestWorkspaces.count(w, "SELECT count(*) FROM decisions"),
            TestWorkspaces.count(w, "SELECT count(*) FROM journal")};
    }

    private static void assertGrown(long[] before, long[] after) {
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).as("row count %d only grows", i).isGreaterThanOrEqualTo(before[i]);
        }
    }

    @Test
    void unmergeRestoresTheSourcesExactly() {
        long cluster = clusterOfSize(2);
        List<Long> members = TestWorkspaces.members(w, cluster);
        List<List<Object>> records = rows(RECORDS);
        List<List<Object>> sources = rows("SELECT * FROM sources ORDER BY id");
        long[] c0 = counts();

        DecisionView merge = mergeApproved(cluster, members);
        String golden = goldenOf(members.get(0));
        assertThat(golden).isNotNull();
        assertThat(activeMembers(golden)).isEqualTo(members);
        List<List<Object>> membershipRows = rows("SELECT golden_id, record_id, added_by FROM golden_members");
        List<List<Object>> valueRows = rows("SELECT golden_id, field, value, origin, origin_record, decision_id FROM "
                + "golden_values");
        assertThat(valueRows).isNotEmpty();
        long[] c1 = counts();
        assertGrown(c0, c1);

        DecisionView revert = review.revert(f.supervisor(), merge.id(), "zwei verschiedene Personen", "AZ-2026-17");
        long[] c2 = counts();
        assertGrown(c1, c2);

        assertThat(rows(RECORDS)).as("records byte-identical").isEqualTo(records);
        assertThat(rows("SELECT * FROM sources ORDER BY id")).isEqualTo(sources);
        assertThat(status(golden)).isEqualTo("RETIRED");
        assertThat(goldenOf(members.get(0))).isNull();
        assertThat(goldenOf(members.get(1))).isNull();
        // ended, not deleted
        assertThat(rows("SELECT golden_id, record_id, added_by FROM golden_members")).isEqualTo(membershipRows);
        assertThat(longs("SELECT DISTINCT removed_by FROM golden_members")).containsExactly(revert.id());
        assertThat(rows("SELECT golden_id, field, value, origin, origin_record, decision_id FROM golden_values"))
                .isEqualTo(valueRows);
        assertThat(longs("SELECT DISTINCT superseded_by FROM golden_values")).containsExactly(revert.id());
        assertThat(review.decision(f.clerk(), merge.id()).state()).isEqualTo(DecisionState.REVERTED);
        assertThat(review.queue(f.clerk(), null, 0)).extracting(QueueEntry::clusterId).contains(cluster);
        // the records can be merged again, into a new golden record
        DecisionView again = mergeApproved(cluster, members);
        assertThat(goldenOf(members.get(0))).isNotNull().isNotEqualTo(golden);
        assertThat(again.state()).isEqualTo(DecisionState.EFFECTIVE);
    }

    @Test
    void anExtendingMergeKeepsTheIdAndIsUndoneFirst() {
        List<Long> three = TestWorkspaces.members(w, clusterOfSize(3));
        long threeCluster = clusterOfSize(3);
        long pair = clusterOf(three.subList(0, 2));

        DecisionView first = mergeApproved(pair, three.subList(0, 2));
        String golden = goldenOf(three.get(0));
        List<List<Object>> valuesAfterFirst = rows(ACTIVE_VALUES, golden);

        DecisionView second = mergeApproved(threeCluster, three);
        assertThat(goldenOf(three.get(2))).isEqualTo(golden);
        assertThat(activeMembers(golden)).isEqualTo(three);
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_records")).isEqualTo(1);

        long[] before = counts();
        assertThatThrownBy(() -> review.revert(f.supervisor(), first.id(), "falsch", "AZ-1"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("decision " + second.id() + " changed golden record " + golden)
                .hasMessageContaining("revert decision " + second.id() + " first");
        assertThat(counts()).isEqualTo(before);
        assertThat(review.decision(f.clerk(), first.id()).state()).isEqualTo(DecisionState.EFFECTIVE);

        review.revert(f.supervisor(), second.id(), "dritter Satz gehört nicht dazu", "AZ-1");
        assertThat(status(golden)).isEqualTo("ACTIVE");
        assertThat(activeMembers(golden)).isEqualTo(three.subList(0, 2));
        assertThat(rows(ACTIVE_VALUES, golden)).isEqualTo(valuesAfterFirst);
        assertThat(goldenOf(three.get(2))).isNull();

        // now the first merge can be undone as well
        review.revert(f.supervisor(), first.id(), "auch falsch", "AZ-1");
        assertThat(status(golden)).isEqualTo("RETIRED");
        assertThat(activeMembers(golden)).isEmpty();
        assertThat(rows(ACTIVE_VALUES, golden)).isEmpty();
        assertThat(review.decision(f.clerk(), first.id()).state()).isEqualTo(DecisionState.REVERTED);
    }

    @Test
    void joiningTwoGoldenRecordsKeepsTheOlderIdAndUndoingRestoresBoth() {
        long fourCluster = clusterOfSize(4);
        List<Long> four = TestWorkspaces.members(w, fourCluster);
        List<Long> ab = four.subList(0, 2);
        List<Long> cd = four.subList(2, 4);
        DecisionView mergeAb = mergeApproved(clusterOf(ab), ab);
        DecisionView mergeCd = mergeApproved(clusterOf(cd), cd);
        String older = goldenOf(ab.get(0));
        String younger = goldenOf(cd.get(0));
        assertThat(older).isLessThan(younger);
        List<List<Object>> olderValues = rows(ACTIVE_VALUES, older);
        List<List<Object>> youngerValues = rows(ACTIVE_VALUES, younger);

        DecisionView join = mergeApproved(fourCluster, four);
        assertThat(four).allSatisfy(r -> assertThat(goldenOf(r)).isEqualTo(older));
        assertThat(activeMembers(older)).isEqualTo(four);
        assertThat(rows("SELECT status, merged_into FROM golden_records WHERE id = ?", younger))
                .containsExactly(List.of("MERGED_INTO", older));
        assertThat(activeMembers(younger)).isEmpty();
        assertThat(rows(ACTIVE_VALUES, younger)).isEmpty();

        assertThatThrownBy(() -> review.revert(f.supervisor(), mergeAb.id(), "falsch", "AZ-1"))
                .hasMessageContaining("revert decision " + join.id() + " first");

        review.revert(f.supervisor(), join.id(), "zwei Personen", "AZ-1");
        assertThat(rows("SELECT status, merged_into FROM golden_records WHERE id IN (?, ?) ORDER BY id", older,
                younger)).containsExactly(java.util.Arrays.asList("ACTIVE", null),
                java.util.Arrays.asList("ACTIVE", null));
        assertThat(activeMembers(older)).isEqualTo(ab);
        assertThat(activeMembers(younger)).isEqualTo(cd);
        assertThat(rows(ACTIVE_VALUES, older)).isEqualTo(olderValues);
        assertThat(rows(ACTIVE_VALUES, younger)).isEqualTo(youngerValues);

        // both original merges can still be undone, in any order
        review.revert(f.supervisor(), mergeAb.id(), "doch nicht", "AZ-1");
        review.revert(f.supervisor(), mergeCd.id(), "doch nicht", "AZ-1");
        assertThat(status(older)).isEqualTo("RETIRED");
        assertThat(status(younger)).isEqualTo("RETIRED");
        assertThat(four).allSatisfy(r -> assertThat(goldenOf(r)).isNull());
        assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_values WHERE superseded_by IS NULL")).isZero();
    }

    @Test
    void undoingAnOvertakenDecisionDoesNotReopenAMergedCluster() {
        long cluster = clusterOfSize(3);
        List<Long> three = TestWorkspaces.members(w, cluster);
        DecisionView defer = review.propose(f.clerk(), cluster, new DeferCommand(), "Rückfrage", "");
        DecisionView notDuplicate = review.propose(f.clerk(), cluster, new NotDuplicateCommand(three.get(0),
                three.get(2)), "Zwillinge", "AZ-3");
        DecisionView merge = mergeApproved(cluster, three.subList(0, 2));
        String golden = goldenOf(three.get(0));
        assertThat(merge.state()).isEqualTo(DecisionState.EFFECTIVE);

        review.revert(f.clerk(), defer.id(), "Rückfrage erledigt", "");
        review.revert(f.clerk(), notDuplicate.id(), "doch unklar", "AZ-3");
        assertThat(rows("SELECT status FROM clusters WHERE id = ?", cluster))
                .containsExactly(List.of(ClusterStatus.MERGED.name()));
        assertThat(review.queue(f.clerk(), null, 0)).extracting(QueueEntry::clusterId).doesNotContain(cluster);
        assertThat(status(golden)).isEqualTo("ACTIVE");
    }
}
