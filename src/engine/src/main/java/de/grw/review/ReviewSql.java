package de.grw.review;

import de.grw.common.UserFacingException;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.PairView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading decisions, a cluster's scored pairs and its note: the review service's queries. */
final class ReviewSql {
    private ReviewSql() {
    }

    static DecisionView decision(Connection c, long id) throws SQLException {
        List<DecisionView> found = decisions(c, "WHERE id = ?", id);
        if (found.isEmpty()) {
            throw new UserFacingException(de.grw.common.Text.of("review.no_decision", id));
        }
        return found.get(0);
    }

    static List<DecisionView> decisions(Connection c, String where, Long param) throws SQLException {
        List<DecisionView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cluster_id, kind, state, proposed_by, proposed_at, "
                + "comment, case_ref, payload_json, reviewed_by, reviewed_at, review_comment, reverts FROM decisions "
                + where + " ORDER BY id")) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cluster = rs.getLong(2);
                    Long clusterId = rs.wasNull() ? null : cluster;
                    long reverts = rs.getLong(13);
                    Long revertsId = rs.wasNull() ? null : reverts;
                    out.add(new DecisionView(rs.getLong(1), clusterId, DecisionKind.valueOf(rs.getString(3)),
                            DecisionState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            revertsId));
                }
            }
        }
        return out;
    }

    static List<PairView> pairs(Connection c, long clusterId) throws SQLException {
        List<PairView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_a, record_b, probability, weight, explanation_json "
                + "FROM cluster_pairs WHERE cluster_id = ? ORDER BY probability DESC")) {
            ps.setLong(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PairView(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    static String note(Connection c, long clusterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT note FROM clusters WHERE id = ?")) {
            ps.setLong(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }
}
