package de.grw.review;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The review queue's SQL: pages in priority order that cost the page, not the size of the queue. */
final class QueueSql {
    private QueueSql() {
    }

    /** OPEN first, then AWAITING_APPROVAL, then all others together; each group ordered by probability and id. */
    static List<List<ClusterStatus>> priorityGroups(Set<ClusterStatus> wanted) {
        List<List<ClusterStatus>> groups = new ArrayList<>();
        List<ClusterStatus> rest = new ArrayList<>();
        for (ClusterStatus s : List.of(ClusterStatus.OPEN, ClusterStatus.AWAITING_APPROVAL)) {
            if (wanted.contains(s)) {
                groups.add(List.of(s));
            }
        }
        for (ClusterStatus s : wanted) {
            if (s != ClusterStatus.OPEN && s != ClusterStatus.AWAITING_APPROVAL) {
                rest.add(s);
            }
        }
        if (!rest.isEmpty()) {
            groups.add(rest);
        }
        return groups;
    }

    static void page(Connection c, List<ClusterStatus> statuses, String source,
                                   double minProbability, double maxProbability, int limit, List<QueueEntry> out)
            throws SQLException {
        String in = String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        boolean bySource = source != null && !source.isBlank();
        String sql = "SELECT id, status, size, min_probability, max_probability, note FROM clusters WHERE status IN ("
                + in + ") AND min_probability >= ? AND (min_probability < ? OR ? >= 1)"
                // CROSS JOIN keeps SQLite from walking all records of the source for every cluster
                + (bySource ? " AND EXISTS (SELECT 1 FROM cluster_members m CROSS JOIN records r"
                + " ON r.id = m.record_id "
                + "WHERE m.cluster_id = clusters.id AND r.source_id = (SELECT id FROM sources WHERE name = ?))" : "")
                + " ORDER BY min_probability, id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setDouble(i++, minProbability);
            ps.setDouble(i++, maxProbability);
            ps.setDouble(i++, maxProbability);
            if (bySource) {
                ps.setString(i++, source);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueueEntry(rs.getLong(1), ClusterStatus.valueOf(rs.getString(2)), rs.getInt(3),
                            rs.getDouble(4), rs.getDouble(5), rs.getString(6)));
                }
            }
        }
    }
}
