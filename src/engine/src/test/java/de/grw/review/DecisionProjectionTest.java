package de.grw.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decisions table replayed from the journal ({@link DecisionProjection}): after proposals, an approval, a
 * rejection, a withdrawal and a revert through the engine the projection equals the table; a decision edited,
 * deleted or added in the store past the engine is named with its id and the column that differs.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DecisionProjectionTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private TestWorkspaces.Fixture f;
    private long approved;
    private long rejected;

    @BeforeEach
    void decide() {
        f = TestWorkspaces.open(store, dir);
        ReviewService review = f.review();
        List<QueueEntry> queue = review.queue(f.clerk(), null, 6);
        approved = merge(queue.get(0).clusterId());
        review.approve(f.supervisor(), approved, "passt");
        rejected = merge(queue.get(1).clusterId());
        review.reject(f.supervisor(), rejected, "zwei Personen");
        long withdrawn = merge(queue.get(2).clusterId());
        review.revert(f.clerk(), withdrawn, "zurückgezogen", "AZ-2");
        long deferred = review.propose(f.clerk(), queue.get(3).clusterId(), new DeferCommand(), "Rückfrage", "AZ-3")
                .id();
        review.revert(f.supervisor(), deferred, "doch nicht", "AZ-3");
        merge(queue.get(4).clusterId()); // pending
    }

    private long merge(long cluster) {
        List<Long> ids = f.review().show(f.clerk(), cluster, "AZ-1").members().stream().map(MemberRecord::id)
                .toList();
        return f.review().propose(f.clerk(), cluster, new MergeCommand(ids, Map.of()), "dieselbe Person", "AZ-1")
                .id();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Optional<String> check() {
        return f.workspace().read(DecisionProjection::check);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = f.store().raw(); Statement s = c.createStatement()) {
            if (store == StoreKind.POSTGRESQL) {
                s.execute("ALTER TABLE decisions DISABLE TRIGGER USER");
            } else {
                try (var rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = "
                        + "'trigger' AND tbl_name = 'decisions'")) {
                    List<String> names = new java.util.ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    for (String n : names) {
                        s.execute("DROP TRIGGER " + n);
                    }
                }
            }
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    @Test
    void decisionsTakenThroughTheEngineAreTheJournalsProjection() {
        assertThat(check()).isEmpty();
        assertThat(TestWorkspaces.count(f.workspace(), "SELECT count(*) FROM decisions")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void anApprovalUndoneInTheStoreIsNamedWithItsColumns() throws SQLException {
        sql("UPDATE decisions SET state = 'PENDING', reviewed_by = NULL WHERE id = " + approved);
        assertThat(check()).get().asString()
                .contains("decision " + approved + ": state is 'PENDING', the journal says 'EFFECTIVE'")
                .contains("reviewed_by is empty, the journal says 'bernd'");
    }

    @Test
    void aProposerOrPayloadChangedIsNamedWithoutPrintingThePayload() throws SQLException {
        sql("UPDATE decisions SET proposed_by = 'dora', payload_json = '{\"choices\":{},\"members\":[1,2]}' WHERE "
                + "id = " + rejected);
        assertThat(check()).get().asString()
                .contains("decision " + rejected + ": proposed_by is 'dora', the journal says 'anna', "
                        + "payload_json differs")
                .doesNotContain("members");
    }

    @Test
    void aDecisionDeletedOrAddedIsNamed() throws SQLException {
        sql("DELETE FROM decisions WHERE id = " + rejected,
                "INSERT INTO decisions(id, cluster_id, kind, state, proposed_by, proposed_at, comment, case_ref, "
                        + "payload_json) SELECT 900, cluster_id, kind, 'EFFECTIVE', proposed_by, proposed_at, comment, "
                        + "case_ref, payload_json FROM decisions WHERE id = " + approved);
        assertThat(check()).get().asString()
                .contains("decision 900 is not in the journal")
                .contains("decision " + rejected + " of the journal is missing from the store");
    }
}
