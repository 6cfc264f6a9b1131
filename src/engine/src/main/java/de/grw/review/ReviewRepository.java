package de.grw.review;

import de.grw.review.ReviewViews.PairView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.Sql;
import de.grw.store.Dialect;
import de.grw.workspace.ClusterStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the review reads besides decisions and golden records: queue pages, a cluster's pairs, member records. */
final class ReviewRepository {
    private ReviewRepository() {
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

    /**
     * A page of the queue: clusters with one of the statuses whose weakest link lies in {@code [min, max)} (max 1
     * includes 1), optionally only those with a member from one of the sources, weakest first; clusters another user than
     * {@code viewer} has claimed (a claim in force at {@code now}) are skipped. Walks the (status,
     * min_probability) index, so a page of a queue of a million clusters costs the page, not the queue.
     */
    static List<QueueEntry> page(Connection c, List<ClusterStatus> statuses, List<String> sources,
                                 double minProbability, double maxProbability, int limit, String viewer, String now)
            throws SQLException {
        boolean bySource = sources != null && !sources.isEmpty();
        List<Object> params = new ArrayList<>(statuses);
        params.add(minProbability);
        params.add(maxProbability);
        params.add(maxProbability);
        if (bySource) {
            params.addAll(sources);
        }
        params.add(viewer);
        params.add(now);
        params.add(limit);
        String sql = "SELECT id, status, size, min_probability, max_probability, note FROM clusters WHERE status IN ("
                + Sql.marks(statuses.size()) + ") AND min_probability >= ? AND (min_probability < ? OR ? >= 1)"
                + (bySource ? " AND EXISTS (SELECT 1 FROM " + Dialect.of(c).membersToRecords()
                + " WHERE m.cluster_id = clusters.id AND r.source_id " + (sources.size() == 1
                // one source (the usual case): the scalar subquery SQLite plans best
                ? "= (SELECT id FROM sources WHERE name = ?))"
                : "IN (SELECT id FROM sources WHERE name IN (" + Sql.marks(sources.size()) + ")))") : "")
                // clusters another clerk has claimed are under review: skipped
                + " AND NOT EXISTS (SELECT 1 FROM cluster_claims k WHERE k.cluster_id = clusters.id"
                + " AND k.user_name <> ? AND k.expires_at > ?)"
                + " ORDER BY min_probability, id LIMIT ?";
        return Sql.list(c, sql, rs -> new QueueEntry(rs.getLong(1), ClusterStatus.valueOf(rs.getString(2)),
                rs.getInt(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6)), params.toArray());
    }

    /** A cluster's scored pairs, strongest first. */
    static List<PairView> pairs(Connection c, long clusterId) throws SQLException {
        return Sql.list(c, "SELECT record_a, record_b, probability, weight, explanation_json FROM cluster_pairs "
                + "WHERE cluster_id = ? ORDER BY probability DESC", rs -> new PairView(rs.getLong(1), rs.getLong(2),
                rs.getDouble(3), rs.getDouble(4), de.grw.workspace.StoredExplanation.json(rs.getString(5))), clusterId);
    }

    /** A record as stored, with its source (values, columns and cells as JSON arrays). */
    record StoredRecord(long id, String source, String recordKey, String importedAt, String valuesJson,
                        String columnsJson, String cellsJson, boolean blocked) {
    }

    /** Records by database id, ascending. */
    static List<StoredRecord> records(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "SELECT r.id, s.name, r.record_key, s.imported_at, r.values_json, s.columns_json, "
                + "r.cells_json, r.blocked FROM records r JOIN sources s ON s.id = r.source_id WHERE r.id IN ("
                + Sql.marks(ids.size()) + ") ORDER BY r.id", rs -> new StoredRecord(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8) != 0), Sql.params(ids));
    }
}
