package de.grw.review;

import de.grw.review.ReviewViews.ClaimView;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The claims on clusters ({@code cluster_claims}): one row per cluster, taken over when expired. Times are written
 * with a fixed number of digits so that they compare as text in both stores.
 */
final class ClaimRepository {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ClaimRepository() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** The claim in force on a cluster at {@code now}, as seen by {@code viewer}. */
    static Optional<ClaimView> holder(Connection c, long clusterId, Instant now, String viewer) throws SQLException {
        return Sql.first(c, "SELECT user_name, expires_at FROM cluster_claims WHERE cluster_id = ? AND expires_at > ?",
                rs -> new ClaimView(clusterId, rs.getString(1), rs.getString(2), rs.getString(1).equals(viewer)),
                clusterId, time(now));
    }

    /**
     * Claims a cluster for {@code user} until {@code until}, or renews their claim, unless another holds a claim in
     * force; returns the claim in force afterwards. Runs inside the caller's write transaction, so two clerks
     * claiming at once are serialised: the second sees the first's claim.
     */
    static ClaimView claim(Connection c, long clusterId, String user, Instant now, Instant until)
            throws SQLException {
        Optional<ClaimView> held = holder(c, clusterId, now, user);
        if (held.isPresent() && !held.get().mine()) {
            return held.get();
        }
        Sql.update(c, "INSERT INTO cluster_claims (cluster_id, user_name, claimed_at, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (cluster_id) DO UPDATE SET user_name = excluded.user_name, claimed_at = "
                + "excluded.claimed_at, expires_at = excluded.expires_at", clusterId, user, time(now), time(until));
        return new ClaimView(clusterId, user, time(until), true);
    }

    /** Ends {@code user}'s claim on a cluster (none: nothing happens). */
    static void release(Connection c, long clusterId, String user) throws SQLException {
        Sql.update(c, "DELETE FROM cluster_claims WHERE cluster_id = ? AND user_name = ?", clusterId, user);
    }

    /** Ends every claim on a cluster (it was decided). */
    static void releaseAll(Connection c, long clusterId) throws SQLException {
        Sql.update(c, "DELETE FROM cluster_claims WHERE cluster_id = ?", clusterId);
    }
}
