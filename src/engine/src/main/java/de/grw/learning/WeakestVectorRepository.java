package de.grw.learning;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The kept comparison vectors of clusters' weakest links ({@code clusters.weakest_pattern}, schema 18). */
final class WeakestVectorRepository {
    private WeakestVectorRepository() {
    }

    /** The kept vectors of the given clusters, by cluster id; a cluster without one is absent. One statement. */
    static Map<Long, Long> of(Connection c, List<Long> clusters) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (clusters.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(clusters.size(), "?"));
        for (long[] row : Sql.list(c, "SELECT id, weakest_pattern FROM clusters WHERE id IN (" + marks + ") "
                + "AND weakest_pattern IS NOT NULL", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                clusters.toArray())) {
            out.put(row[0], row[1]);
        }
        return out;
    }
}
