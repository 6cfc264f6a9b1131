package de.grw.review;

import de.grw.common.UserFacingException;
import de.grw.store.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Golden records in the workspace: created, extended and joined by approved merges, and taken back by reverts.
 * Nothing is deleted: memberships and values carry the decision that added them and the one that ended them, so
 * the state before any decision can be restored exactly and every value's origin stays traceable.
 */
final class GoldenStore {
    private GoldenStore() {
    }

    /** Applies a merge; returns the golden record's id (an existing one's when members belonged to one). */
    static String merge(ReviewContext ctx, long decisionId, List<Long> members, Map<String, FieldChoice> choices)
            throws SQLException {
        Connection c = ctx.connection();
        List<String> existing = activeGoldenOf(c, members);
        String target;
        if (existing.isEmpty()) {
            target = String.format("G-%06d", Settings.next(c, Settings.GOLDEN_COUNTER));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO golden_records(id, created_at, "
                    + "created_by_decision, status) VALUES (?,?,?,'ACTIVE')")) {
                ps.setString(1, target);
                ps.setString(2, ctx.now().toString());
                ps.setLong(3, decisionId);
                ps.executeUpdate();
            }
        } else {
            target = existing.get(0); // the oldest keeps its id
            for (String other : existing.subList(1, existing.size())) {
                for (long record : activeMembers(c, other)) {
                    endMembership(c, other, record, decisionId);
                    addMembership(c, target, record, decisionId);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE golden_records SET status = 'MERGED_INTO', merged_into = ? WHERE id = ?")) {
                    ps.setString(1, target);
                    ps.setString(2, other);
                    ps.executeUpdate();
                }
                supersedeValues(c, other, decisionId);
            }
        }
        Set<Long> current = new LinkedHashSet<>(activeMembers(c, target));
        for (long m : members) {
            if (!current.contains(m)) {
                addMembership(c, target, m, decisionId);
            }
        }
        List<MemberRecord> all = RecordLoader.load(c, activeMembers(c, target), null, ctx.governance());
        Map<String, GoldenValue> values = new Survivorship(ctx.profile(), ctx.governance().survivorship())
                .golden(all, choices);
        supersedeValues(c, target, decisionId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO golden_values(golden_id, field, value, origin, "
                + "origin_record, decision_id) VALUES (?,?,?,?,?,?)")) {
            for (GoldenValue v : values.values()) {
                ps.setString(1, target);
                ps.setString(2, v.field());
                ps.setString(3, v.value());
                ps.setString(4, v.manual() ? "MANUAL" : "RECORD");
                if (v.manual() || v.originRecord() == 0) {
                    ps.setNull(5, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(5, v.originRecord());
                }
                ps.setLong(6, decisionId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return target;
    }

    /** Undoes an approved merge; refused while a later merge builds on the same golden record. */
    static void unmerge(ReviewContext ctx, long decisionId, long revertId) throws SQLException {
        Connection c = ctx.connection();
        Set<String> touched = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT golden_id FROM golden_members WHERE "
                + "added_by = ? OR removed_by = ? UNION SELECT DISTINCT golden_id FROM golden_values WHERE decision_id = ?")) {
            ps.setLong(1, decisionId);
            ps.setLong(2, decisionId);
            ps.setLong(3, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getString(1));
                }
            }
        }
        for (String g : touched) {
            Long later = laterDecision(c, g, decisionId);
            if (later != null) {
                throw new UserFacingException(de.grw.common.Text.of("review.later_decision", later, g));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE golden_members SET removed_by = ? WHERE added_by = ? AND removed_by IS NULL")) {
            ps.setLong(1, revertId);
            ps.setLong(2, decisionId);
            ps.executeUpdate();
        }
        // memberships and values the decision ended come back as they were, still owned by the decisions that
        // made them, so that those decisions can themselves be reverted later
        List<String[]> restore = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT golden_id, record_id, added_by FROM golden_members WHERE removed_by = ? AND added_by <> ?")) {
            ps.setLong(1, decisionId);
            ps.setLong(2, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    restore.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] r : restore) {
            addMembership(c, r[0], Long.parseLong(r[1]), Long.parseLong(r[2]));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE golden_values SET superseded_by = ? WHERE decision_id = ? AND superseded_by IS NULL")) {
            ps.setLong(1, revertId);
            ps.setLong(2, decisionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO golden_values(golden_id, field, value, origin, "
                + "origin_record, decision_id) SELECT golden_id, field, value, origin, origin_record, decision_id FROM "
                + "golden_values WHERE superseded_by = ? AND decision_id <> ?")) {
            ps.setLong(1, decisionId);
            ps.setLong(2, decisionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE golden_records SET status = 'RETIRED' WHERE created_by_decision = ?")) {
            ps.setLong(1, decisionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE golden_records SET status = 'ACTIVE', merged_into = NULL "
                + "WHERE status = 'MERGED_INTO' AND id IN (SELECT golden_id FROM golden_members WHERE removed_by = ?)")) {
            ps.setLong(1, decisionId);
            ps.executeUpdate();
        }
    }

    private static Long laterDecision(Connection c, String golden, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(d) FROM (SELECT added_by d FROM golden_members WHERE "
                + "golden_id = ? AND removed_by IS NULL UNION SELECT decision_id FROM golden_values WHERE golden_id = ? "
                + "AND superseded_by IS NULL)")) {
            ps.setString(1, golden);
            ps.setString(2, golden);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long max = rs.getLong(1);
                    return max > decisionId ? max : null;
                }
            }
        }
        return null;
    }

    static List<String> activeGoldenOf(Connection c, List<Long> records) throws SQLException {
        List<String> out = new ArrayList<>();
        String in = String.join(",", records.stream().map(r -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.golden_id FROM golden_members m JOIN "
                + "golden_records g ON g.id = m.golden_id WHERE g.status = 'ACTIVE' AND m.removed_by IS NULL AND "
                + "m.record_id IN (" + in + ") ORDER BY length(m.golden_id), m.golden_id")) {
            for (int i = 0; i < records.size(); i++) {
                ps.setLong(i + 1, records.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static List<Long> activeMembers(Connection c, String golden) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM golden_members WHERE golden_id = ? AND "
                + "removed_by IS NULL ORDER BY record_id")) {
            ps.setString(1, golden);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void addMembership(Connection c, String golden, long record, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO golden_members(golden_id, record_id, added_by) VALUES (?,?,?)")) {
            ps.setString(1, golden);
            ps.setLong(2, record);
            ps.setLong(3, decisionId);
            ps.executeUpdate();
        }
    }

    private static void endMembership(Connection c, String golden, long record, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE golden_members SET removed_by = ? WHERE golden_id = ? "
                + "AND record_id = ? AND removed_by IS NULL")) {
            ps.setLong(1, decisionId);
            ps.setString(2, golden);
            ps.setLong(3, record);
            ps.executeUpdate();
        }
    }

    private static void supersedeValues(Connection c, String golden, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE golden_values SET superseded_by = ? WHERE golden_id = ? AND superseded_by IS NULL")) {
            ps.setLong(1, decisionId);
            ps.setString(2, golden);
            ps.executeUpdate();
        }
    }
}
