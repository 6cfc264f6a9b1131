package de.grw.review;

import java.sql.Connection;
import java.sql.SQLException;

/** Which model version proposed a cluster (moved out of the review's repository; the review shows it, issue 15). */
final class ProposingVersionRepository {
    private ProposingVersionRepository() {
    }

    /**
     * The model version that proposed a cluster: the one that scored the run which first proposed it (whose weights
     * its stored explanations are), or {@code null} when that run is from before schema 5.
     */
    static Integer of(Connection c, long clusterId) throws SQLException {
        return de.grw.store.Sql.first(c, "SELECT r.model_version FROM clusters cl JOIN match_runs r ON r.id = "
                + "cl.first_run WHERE cl.id = ?", rs -> rs.getObject(1) == null ? null : rs.getInt(1), clusterId)
                .orElse(null);
    }
}
