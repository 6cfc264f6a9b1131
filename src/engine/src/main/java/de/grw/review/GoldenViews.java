package de.grw.review;

import de.grw.access.AccessLog;
import de.grw.common.UserFacingException;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.rights.Session;
import de.grw.workspace.GovernanceConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opening a golden record for a viewer: its active members loaded and masked together, its current values masked
 * when any member is, and the display written to the access log. Moved out of {@link ReviewService} (which checks
 * the rights and the case reference before it calls here) to keep that class to its decisions.
 */
public final class GoldenViews {
    private GoldenViews() {
    }

    /** Opens a golden record inside the caller's write transaction (logged in the access log). */
    static GoldenView open(Connection c, Instant now, Session session, String goldenId, String caseRef,
                           GovernanceConfig governance, MatchProfile profile) throws SQLException {
        GoldenRepository.Head head = GoldenRepository.head(c, goldenId).orElseThrow(
                () -> new UserFacingException(de.grw.common.Text.of("review.no_golden", goldenId)));
        List<Long> ids = GoldenStore.activeMembers(c, goldenId);
        List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, session, governance,
                profile), governance, profile);
        boolean masked = members.stream().anyMatch(MemberRecord::masked);
        List<GoldenValue> values = masked(GoldenRepository.currentValues(c, goldenId), masked, governance);
        AccessLog.record(c, now, session.user(), "SHOW", caseRef, "golden record " + goldenId, ids);
        return new GoldenView(goldenId, head.status(), head.mergedInto(), members, values,
                members.stream().anyMatch(MemberRecord::blocked));
    }

    /**
     * A golden record's current values (one per field, with origin), those of the masked fields replaced by
     * {@link RecordLoader#MASK} when {@code masked}; for showing it beside its records (the records decide whether
     * it is masked: {@link RecordLoader#maskTogether}).
     */
    public static List<GoldenValue> values(Connection c, String goldenId, boolean masked, GovernanceConfig governance)
            throws SQLException {
        return masked(GoldenRepository.currentValues(c, goldenId), masked, governance);
    }

    private static List<GoldenValue> masked(List<GoldenValue> current, boolean masked, GovernanceConfig governance) {
        List<GoldenValue> values = new ArrayList<>();
        for (GoldenValue v : current) {
            boolean hide = masked && v.value() != null && governance.maskedFields().contains(v.field());
            values.add(hide ? new GoldenValue(v.field(), RecordLoader.MASK, v.manual(), v.originRecord()) : v);
        }
        return values;
    }
}
