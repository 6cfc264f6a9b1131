package de.grw.review;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Who is working on a cluster: a clerk who opens an open or deferred cluster claims it for {@link #CLAIM_TIME} (or
 * renews their claim); while the claim holds, another clerk's decision on it is refused; a decision ends every claim
 * on its cluster. The rules of {@link ReviewService}'s claims, in one place; the methods that take a connection run
 * inside the caller's transaction (opening a cluster, proposing a decision).
 */
final class ClusterClaims {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReviewService.class);
    /** How long a claim on an opened cluster lasts unless renewed (by opening it again or {@link #claim}). */
    static final Duration CLAIM_TIME = Duration.ofMinutes(10);

    private final Workspace workspace;

    ClusterClaims(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Whether a cluster in this status can be claimed and decided on (open or deferred). */
    static boolean reviewable(ClusterStatus status) {
        return status == ClusterStatus.OPEN || status == ClusterStatus.DEFERRED;
    }

    /** On opening a cluster (in its transaction): a clerk claims it or renews the claim, unless another holds it. */
    void claimOnOpen(Connection c, long clusterId, ClusterStatus status, Session session) throws SQLException {
        if (reviewable(status) && session.role().may(Permission.DECIDE)) {
            ClaimRepository.claim(c, clusterId, session.user(), workspace.now(), workspace.now().plus(CLAIM_TIME));
        }
    }

    /** Refuses a decision on a cluster someone else has claimed (the claim in force now). */
    void requireNotClaimedByAnother(Connection c, long clusterId, Session session) throws SQLException {
        Optional<ClaimView> held = ClaimRepository.holder(c, clusterId, workspace.now(), session.user());
        if (held.isPresent() && !held.get().mine()) {
            LOG.warn("refused: {} decides on cluster {}, claimed by {} until {}", session.user(), clusterId,
                    held.get().user(), held.get().until());
            throw new UserFacingException(Text.of("review.claimed", clusterId, held.get().user(),
                    localTime(held.get().until())));
        }
    }

    /** Decided (in the decision's transaction): the cluster leaves the queue and every claim on it ends. */
    void releaseOnDecision(Connection c, long clusterId) throws SQLException {
        ClaimRepository.releaseAll(c, clusterId);
    }

    /** A claim's end as a clerk reads it: the time of day in this machine's zone (e.g. 14:35). */
    static String localTime(String isoInstant) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(java.time.Instant.parse(isoInstant));
    }

    /** See {@link ReviewService#claim}. */
    Optional<ClaimView> claim(Session session, long clusterId) {
        session.require(Permission.DECIDE, "decide_on_clusters");
        return workspace.write(c -> {
            if (!reviewable(ClusterRepository.status(c, clusterId))) {
                return Optional.<ClaimView>empty();
            }
            return Optional.of(ClaimRepository.claim(c, clusterId, session.user(), workspace.now(),
                    workspace.now().plus(CLAIM_TIME)));
        });
    }

    /** See {@link ReviewService#claimOf}. */
    Optional<ClaimView> claimOf(Session session, long clusterId) {
        session.require(Permission.VIEW_RECORDS, "see_clusters");
        return workspace.read(c -> {
            ClusterRepository.status(c, clusterId);
            return ClaimRepository.holder(c, clusterId, workspace.now(), session.user());
        });
    }

    /** See {@link ReviewService#release}. */
    void release(Session session, long clusterId) {
        session.require(Permission.VIEW_RECORDS, "see_clusters");
        workspace.write(c -> {
            ClaimRepository.release(c, clusterId, session.user());
            return null;
        });
    }
}
