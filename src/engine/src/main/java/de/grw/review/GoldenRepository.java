package de.grw.review;

import de.grw.store.Settings;
import de.grw.store.Sql;
import de.grw.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Golden records, their memberships and values as stored: every row carries the decision that added it and the one
 * that ended it, nothing is deleted. The rules (merge, unmerge) are in {@link GoldenStore}.
 */
final class GoldenRepository {
    private GoldenRepository() {
    }

    /** A golden record's status and the golden record it was merged into (or null). */
    record Head(String status, String mergedInto) {
    }

    /** A new golden record id ({@code G-000001}, ...), from the workspace's counter. */
    static String nextId(Connection c) throws SQLException {
        return String.format("G-%06d", Settings.next(c, Settings.GOLDEN_COUNTER));
    }

    static void insert(Connection c, String id, String createdAt, long decisionId) throws SQLException {
        Sql.update(c, "INSERT INTO golden_records(id, created_at, created_by_decision, status) VALUES (?,?,?,"
                + "'ACTIVE')", id, createdAt, decisionId);
    }

    static Optional<Head> head(Connection c, String id) throws SQLException {
        return Sql.first(c, "SELECT status, merged_into FROM golden_records WHERE id = ?",
                rs -> new Head(rs.getString(1), rs.getString(2)), id);
    }

    /** Marks a golden record as merged into another. */
    static void mergedInto(Connection c, String id, String target) throws SQLException {
        Sql.update(c, "UPDATE golden_records SET status = 'MERGED_INTO', merged_into = ? WHERE id = ?", target, id);
    }

    /** The active golden records that any of the records belongs to now, oldest first. */
    static List<String> activeGoldenOf(Connection c, Collection<Long> records) throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        // GROUP BY rather than DISTINCT: PostgreSQL sorts a DISTINCT only by what it selects
        return Sql.list(c, "SELECT m.golden_id FROM golden_members m JOIN golden_records g ON g.id = "
                + "m.golden_id WHERE g.status = 'ACTIVE' AND m.removed_by IS NULL AND m.record_id IN ("
                + Sql.marks(records.size()) + ") GROUP BY m.golden_id ORDER BY length(m.golden_id), m.golden_id",
                rs -> rs.getString(1), Sql.params(records));
    }

    /** The decisions that set values of the golden records (current or superseded since), ascending. */
    static List<Long> valueDecisions(Connection c, Collection<String> goldens) throws SQLException {
        if (goldens.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "SELECT decision_id FROM golden_values WHERE golden_id IN (" + Sql.marks(goldens.size())
                + ") GROUP BY decision_id ORDER BY decision_id", rs -> rs.getLong(1), Sql.params(goldens));
    }

    /** The current members of a golden record, ascending. */
    static List<Long> activeMembers(Connection c, String golden) throws SQLException {
        return Sql.list(c, "SELECT record_id FROM golden_members WHERE golden_id = ? AND removed_by IS NULL ORDER BY "
                + "record_id", rs -> rs.getLong(1), golden);
    }

    static void addMembership(Connection c, String golden, long record, long decisionId) throws SQLException {
        Sql.update(c, "INSERT INTO golden_members(golden_id, record_id, added_by) VALUES (?,?,?)", golden, record,
                decisionId);
    }

    static void endMembership(Connection c, String golden, long record, long decisionId) throws SQLException {
        Sql.update(c, "UPDATE golden_members SET removed_by = ? WHERE golden_id = ? AND record_id = ? AND removed_by "
                + "IS NULL", decisionId, golden, record);
    }

    /** Ends the current values of a golden record (a decision sets new ones). */
    static void supersedeValues(Connection c, String golden, long decisionId) throws SQLException {
        Sql.update(c, "UPDATE golden_values SET superseded_by = ? WHERE golden_id = ? AND superseded_by IS NULL",
                decisionId, golden);
    }

    /** Stores a golden record's values, set by a decision. */
    static void insertValues(Connection c, String golden, Collection<GoldenValue> values, long decisionId)
            throws SQLException {
        try (Sql.Batch batch = new Sql.Batch(c, "INSERT INTO golden_values(golden_id, field, value, origin, "
                + "origin_record, decision_id) VALUES (?,?,?,?,?,?)", Integer.MAX_VALUE)) {
            for (GoldenValue v : values) {
                batch.add(golden, v.field(), v.value(), v.manual() ? "MANUAL" : "RECORD",
                        v.manual() || v.originRecord() == 0 ? null : v.originRecord(), decisionId);
            }
        }
    }

    /** The current values of a golden record, in the order they were stored. */
    static List<GoldenValue> currentValues(Connection c, String golden) throws SQLException {
        return Sql.list(c, "SELECT field, value, origin, origin_record FROM golden_values WHERE golden_id = ? AND "
                + "superseded_by IS NULL ORDER BY " + Dialect.of(c).storageOrder(), rs -> new GoldenValue(
                rs.getString(1), rs.getString(2), "MANUAL".equals(rs.getString(3)), rs.getLong(4)), golden);
    }

    // ---- what undoing a merge needs ----

    /** The golden records whose memberships or values a decision touched. */
    static Set<String> touchedBy(Connection c, long decisionId) throws SQLException {
        return new LinkedHashSet<>(Sql.list(c, "SELECT DISTINCT golden_id FROM golden_members WHERE added_by = ? OR "
                + "removed_by = ? UNION SELECT DISTINCT golden_id FROM golden_values WHERE decision_id = ?",
                rs -> rs.getString(1), decisionId, decisionId, decisionId));
    }

    /** The latest decision that shaped a golden record as it stands (its current memberships and values). */
    static long latestDecision(Connection c, String golden) throws SQLException {
        return Sql.number(c, "SELECT max(d) FROM (SELECT added_by d FROM golden_members WHERE golden_id = ? AND "
                + "removed_by IS NULL UNION SELECT decision_id FROM golden_values WHERE golden_id = ? AND "
                + "superseded_by IS NULL) AS shaped", golden, golden);
    }

    /** Ends the memberships a decision added, by the reverting decision. */
    static void endMembershipsAddedBy(Connection c, long decisionId, long revertId) throws SQLException {
        Sql.update(c, "UPDATE golden_members SET removed_by = ? WHERE added_by = ? AND removed_by IS NULL", revertId,
                decisionId);
    }

    /** A membership to restore: golden record, record, the decision that added it. */
    record Membership(String golden, long record, long addedBy) {
    }

    /** The memberships a decision ended that other decisions had added. */
    static List<Membership> endedBy(Connection c, long decisionId) throws SQLException {
        return Sql.list(c, "SELECT golden_id, record_id, added_by FROM golden_members WHERE removed_by = ? AND "
                + "added_by <> ?", rs -> new Membership(rs.getString(1), rs.getLong(2), rs.getLong(3)), decisionId,
                decisionId);
    }

    /** Ends the values a decision set, by the reverting decision. */
    static void supersedeValuesSetBy(Connection c, long decisionId, long revertId) throws SQLException {
        Sql.update(c, "UPDATE golden_values SET superseded_by = ? WHERE decision_id = ? AND superseded_by IS NULL",
                revertId, decisionId);
    }

    /** Brings back the values a decision ended, still owned by the decisions that set them. */
    static void restoreValuesEndedBy(Connection c, long decisionId) throws SQLException {
        Sql.update(c, "INSERT INTO golden_values(golden_id, field, value, origin, origin_record, decision_id) SELECT "
                + "golden_id, field, value, origin, origin_record, decision_id FROM golden_values WHERE superseded_by "
                + "= ? AND decision_id <> ? ORDER BY " + Dialect.of(c).storageOrder(), decisionId, decisionId);
    }

    /** Retires the golden record a decision created. */
    static void retireCreatedBy(Connection c, long decisionId) throws SQLException {
        Sql.update(c, "UPDATE golden_records SET status = 'RETIRED' WHERE created_by_decision = ?", decisionId);
    }

    /** Makes the golden records a decision had merged into another active again. */
    static void reactivateMergedBy(Connection c, long decisionId) throws SQLException {
        Sql.update(c, "UPDATE golden_records SET status = 'ACTIVE', merged_into = NULL WHERE status = 'MERGED_INTO' "
                + "AND id IN (SELECT golden_id FROM golden_members WHERE removed_by = ?)", decisionId);
    }
}
