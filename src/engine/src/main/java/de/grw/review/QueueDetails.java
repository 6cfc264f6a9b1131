package de.grw.review;

import de.grw.access.AccessLog;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.ReviewViews.WeakestLink;
import de.grw.rights.Session;
import de.grw.store.Dialect;
import de.grw.store.Sql;
import de.grw.workspace.ClusterRepository;
import de.grw.workspace.GovernanceConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a queue row says beyond its numbers: the sources, the weakest link's reason and, when asked for, the
 * person's name, masked as {@link ReviewService#show} masks it ({@link RecordLoader#maskTogether}).
 * <p>
 * A name in a list is personal data shown to a user as much as a record opened: a listing with names is one entry
 * in the access log (action {@value #ACTION}, detail {@code queue: clusters 12, 13, ...}, the records whose names
 * were shown, the case reference). The same listing again by the same user within {@link #SAME_LISTING} (the
 * queue is reloaded whenever others decide) is not logged twice. A listing whose names are all masked shows no
 * personal data and is not logged. Sources and weakest link carry no personal data and are never logged.
 */
final class QueueDetails {
    /** The access log's action for a queue listing with names. */
    static final String ACTION = "QUEUE";
    /** How long the same listing by the same user under the same case reference counts as one access. */
    static final Duration SAME_LISTING = Duration.ofMinutes(15);
    private static final String[] NAME_FIELDS = {"family_name", "given_names", "given_name"};

    private QueueDetails() {
    }

    /** The rows with sources and weakest link (no personal data, nothing logged). */
    static List<QueueEntry> describe(Connection c, List<QueueEntry> page) throws SQLException {
        List<QueueEntry> out = new ArrayList<>(page.size());
        for (QueueEntry e : page) {
            out.add(e.with(e.name(), sources(c, e.clusterId()), weakest(c, e.clusterId())));
        }
        return out;
    }

    /**
     * The rows with sources, weakest link and the person's name as the viewer may see it; logs the listing (one
     * entry) when it shows a name. Runs in a write transaction.
     */
    static List<QueueEntry> withNames(Connection c, Instant now, List<QueueEntry> page, Session viewer,
                                      GovernanceConfig governance, MatchProfile profile, String caseRef)
            throws SQLException {
        List<QueueEntry> out = new ArrayList<>(page.size());
        Set<Long> shownRecords = new LinkedHashSet<>();
        List<Long> shownClusters = new ArrayList<>();
        for (QueueEntry e : describe(c, page)) {
            List<Long> ids = ClusterRepository.members(c, e.clusterId());
            List<MemberRecord> members = RecordLoader.maskTogether(RecordLoader.load(c, ids, viewer, governance,
                    profile), governance, profile);
            String name = null;
            for (MemberRecord m : members) {
                name = name(m, profile);
                if (name != null) {
                    if (!m.masked()) {
                        shownRecords.add(m.id());
                        shownClusters.add(e.clusterId());
                    }
                    break;
                }
            }
            out.add(e.with(name, e.sources(), e.weakest()));
        }
        if (!shownRecords.isEmpty() && !sameAsLast(c, now, viewer.user(), caseRef, shownRecords)) {
            AccessLog.record(c, now, viewer.user(), ACTION, caseRef, "queue: clusters " + shownClusters.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")), shownRecords);
        }
        return out;
    }

    /** "Family, Given" of a record ({@link RecordLoader#MASK} when masked), or null when it has no name. */
    static String name(MemberRecord m, MatchProfile profile) {
        List<String> parts = new ArrayList<>();
        for (String field : NAME_FIELDS) {
            int i = profile.fieldIndex(field);
            if (i >= 0 && i < m.values().size()) {
                String v = m.values().get(i);
                if (v != null && !v.isBlank() && !parts.contains(v)) {
                    parts.add(v.strip());
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.stream().allMatch(RecordLoader.MASK::equals)) {
            return RecordLoader.MASK;
        }
        return String.join(", ", parts);
    }

    /** Whether the user's latest access is the same queue listing, recent enough to count as the same access. */
    private static boolean sameAsLast(Connection c, Instant now, String user, String caseRef, Set<Long> records)
            throws SQLException {
        var last = AccessLog.latestOf(c, user);
        if (last.isEmpty() || !ACTION.equals(last.get()[2])
                || !(caseRef == null ? "" : caseRef).equals(last.get()[3])
                || Instant.parse((String) last.get()[1]).isBefore(now.minus(SAME_LISTING))) {
            return false;
        }
        List<Long> before = AccessLog.recordsOf(c, (Long) last.get()[0]);
        return new LinkedHashSet<>(before).equals(records);
    }

    /** The sources of a cluster's records, in import order. */
    static List<String> sources(Connection c, long clusterId) throws SQLException {
        return ClusterRepository.sourceNames(c, clusterId);
    }

    /** The least probable pair of a cluster and its most weakening comparison (a contradiction first). */
    static WeakestLink weakest(Connection c, long clusterId) throws SQLException {
        var pair = ClusterRepository.weakestPair(c, clusterId);
        if (pair.isEmpty()) {
            return null;
        }
        Object[] p = pair.get();
        String[] worst = null;
        for (String[] row : ExplanationText.rows((String) p[3])) {
            if ("missing".equals(row[1])) {
                continue;
            }
            if (ExplanationText.isContradiction(row[0])) {
                worst = row;
                break;
            }
            if (worst == null || Double.parseDouble(row[2]) < Double.parseDouble(worst[2])) {
                worst = row;
            }
        }
        return worst == null ? new WeakestLink((Long) p[0], (Long) p[1], (Double) p[2], null, null, 0, null)
                : new WeakestLink((Long) p[0], (Long) p[1], (Double) p[2], worst[0], worst[1],
                        parse(worst[2]), worst[3]);
    }

    private static double parse(String weight) {
        try {
            return Double.parseDouble(weight);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
