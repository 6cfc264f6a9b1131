package de.grw.review;

import de.grw.workspace.ClusterStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small SQL helpers shared by the decisions. */
final class ClusterSql {
    private ClusterSql() {
    }

    static void setStatus(Connection c, long clusterId, ClusterStatus status, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(note == null ? "UPDATE clusters SET status = ? WHERE id = ?"
                : "UPDATE clusters SET status = ?, note = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            if (note == null) {
                ps.setLong(2, clusterId);
            } else {
                ps.setString(2, note);
                ps.setLong(3, clusterId);
            }
            ps.executeUpdate();
        }
    }

    /** Moves a cluster from one status to another; leaves it alone if a later decision moved it elsewhere. */
    static void setStatusIf(Connection c, long clusterId, ClusterStatus from, ClusterStatus to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE clusters SET status = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, clusterId);
            ps.setString(3, from.name());
            ps.executeUpdate();
        }
    }

    static ClusterStatus status(Connection c, long clusterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM clusters WHERE id = ?")) {
            ps.setLong(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.no_cluster", clusterId));
                }
                return ClusterStatus.valueOf(rs.getString(1));
            }
        }
    }

    static List<Long> members(Connection c, long clusterId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT record_id FROM cluster_members WHERE cluster_id = ? ORDER BY record_id")) {
            ps.setLong(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    static long lastRun(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT max(id) FROM match_runs")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static void addCannotLink(Connection c, long a, long b, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cannot_links(record_a, record_b, decision_id) VALUES (?,?,?)")) {
            ps.setLong(1, Math.min(a, b));
            ps.setLong(2, Math.max(a, b));
            ps.setLong(3, decisionId);
            ps.executeUpdate();
        }
    }

    static void revokeCannotLinks(Connection c, long decisionId, long revertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cannot_links SET revoked_by = ? WHERE decision_id = ? AND revoked_by IS NULL")) {
            ps.setLong(1, revertId);
            ps.setLong(2, decisionId);
            ps.executeUpdate();
        }
    }
}
