package de.grw.review;

import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The decisions taken on clusters, as stored: proposed, reviewed, reverted; never deleted. */
final class DecisionRepository {
    private static final String COLUMNS = "SELECT id, cluster_id, kind, state, proposed_by, proposed_at, comment, "
            + "case_ref, payload_json, reviewed_by, reviewed_at, review_comment, reverts FROM decisions ";

    private DecisionRepository() {
    }

    /** Stores a decision with its content (canonical JSON); returns its id. */
    static long insert(Connection c, Long clusterId, DecisionKind kind, DecisionState state, String user,
                       String at, String comment, String caseRef, DecisionPayload payload, Long reverts)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO decisions(cluster_id, kind, state, proposed_by, proposed_at, comment, "
                + "case_ref, payload_json, reverts) VALUES (?,?,?,?,?,?,?,?,?)", clusterId, kind, state, user, at,
                comment == null ? "" : comment, caseRef == null ? "" : caseRef, CanonicalJson.write(payload),
                reverts);
    }

    /** A decision; refuses one that does not exist. */
    static DecisionView find(Connection c, long id) throws SQLException {
        return Sql.first(c, COLUMNS + "WHERE id = ?", DecisionRepository::view, id).orElseThrow(
                () -> new UserFacingException(de.grw.common.Text.of("review.no_decision", id)));
    }

    /** The decisions on a cluster, oldest first. */
    static List<DecisionView> ofCluster(Connection c, long clusterId) throws SQLException {
        return Sql.list(c, COLUMNS + "WHERE cluster_id = ? ORDER BY id", DecisionRepository::view, clusterId);
    }

    /** The decisions in a state, oldest first. */
    static List<DecisionView> inState(Connection c, DecisionState state) throws SQLException {
        return Sql.list(c, COLUMNS + "WHERE state = ? ORDER BY id", DecisionRepository::view, state);
    }

    /** All decisions, oldest first. */
    static List<DecisionView> all(Connection c) throws SQLException {
        return Sql.list(c, COLUMNS + "ORDER BY id", DecisionRepository::view);
    }

    /** Sets a decision's state (reverted, withdrawn). */
    static void setState(Connection c, long id, DecisionState state) throws SQLException {
        Sql.update(c, "UPDATE decisions SET state = ? WHERE id = ?", state, id);
    }

    /** A supervisor's review of a decision: its new state, who, when and why. */
    static void reviewed(Connection c, long id, DecisionState state, String user, String at, String comment)
            throws SQLException {
        Sql.update(c, "UPDATE decisions SET state = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? "
                + "WHERE id = ?", state, user, at, comment == null ? "" : comment, id);
    }

    private static DecisionView view(ResultSet rs) throws SQLException {
        return new DecisionView(rs.getLong(1), Sql.nullableLong(rs, 2), DecisionKind.valueOf(rs.getString(3)),
                DecisionState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                Sql.nullableLong(rs, 13));
    }
}
