package de.grw.learning;

import de.grw.review.DecisionKind;
import de.grw.review.DecisionState;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What learning reads of a workspace: the decisions in effect that label pairs, and the stored pairs' vectors. */
final class LabelRepository {
    private static final String DECISIONS = "SELECT id, cluster_id, kind, state, proposed_by, proposed_at, comment, "
            + "case_ref, payload_json, reviewed_by, reviewed_at, review_comment, reverts FROM decisions "
            + "WHERE state = 'EFFECTIVE' AND kind IN ('MERGE', 'NOT_DUPLICATE', 'SPLIT') ORDER BY id";

    /** A stored scored pair: its records and its explanation (comparison and level per line). */
    record StoredPair(long recordA, long recordB, String explanationJson) {
    }

    private LabelRepository() {
    }

    /** Merges, not-duplicates and splits in effect, oldest first. */
    static List<DecisionView> decisionsInEffect(Connection c) throws SQLException {
        return Sql.list(c, DECISIONS, rs -> new DecisionView(rs.getLong(1), Sql.nullableLong(rs, 2),
                DecisionKind.valueOf(rs.getString(3)), DecisionState.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), Sql.nullableLong(rs, 13)));
    }

    /** The cluster of every decision taken on one. */
    static Map<Long, Long> clusterOfDecisions(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        for (long[] row : Sql.list(c, "SELECT id, cluster_id FROM decisions WHERE cluster_id IS NOT NULL",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /** A cluster's stored scored pairs (the explanation as JSON, also where a run stored it compact). */
    static List<StoredPair> pairsOfCluster(Connection c, long cluster) throws SQLException {
        return Sql.list(c, "SELECT record_a, record_b, explanation_json FROM cluster_pairs WHERE cluster_id = ?",
                rs -> new StoredPair(rs.getLong(1), rs.getLong(2),
                        de.grw.workspace.StoredExplanation.json(rs.getString(3))), cluster);
    }

    /** The journal's last sequence number (0 when empty): every decision, approval, revert and match run moves it. */
    static long journalPosition(Connection c) throws SQLException {
        return Sql.first(c, "SELECT coalesce(max(seq), 0) FROM journal", rs -> rs.getLong(1)).orElse(0L);
    }
}
