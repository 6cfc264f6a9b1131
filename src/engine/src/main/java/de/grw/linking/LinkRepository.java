package de.grw.linking;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads real-time linking needs beyond the matching's: golden membership and the journal since a point; and
 * what storing a linked record needs of its source.
 */
final class LinkRepository {
    private LinkRepository() {
    }

    /** One journal entry's action and payload. */
    record Change(long seq, String action, String payload) {
    }

    static long lastSeq(Connection c) throws SQLException {
        return Sql.number(c, "SELECT coalesce(max(seq), 0) FROM journal");
    }

    static List<Change> changesAfter(Connection c, long seq) throws SQLException {
        return Sql.list(c, "SELECT seq, action, payload FROM journal WHERE seq > ? ORDER BY seq",
                rs -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3)), seq);
    }

    /** The active golden record of every record that has one. */
    static Map<Long, String> activeGolden(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (Object[] row : Sql.list(c, "SELECT m.record_id, m.golden_id FROM golden_members m JOIN golden_records g "
                + "ON g.id = m.golden_id WHERE m.removed_by IS NULL AND g.status = 'ACTIVE'",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            out.put((Long) row[0], (String) row[1]);
        }
        return out;
    }

    /** The active golden record of each of the given records that has one. */
    static Map<Long, String> activeGoldenOf(Connection c, List<Long> recordIds) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        for (int from = 0; from < recordIds.size(); from += 500) {
            List<Long> part = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
            for (Object[] row : Sql.list(c, "SELECT m.record_id, m.golden_id FROM golden_members m JOIN "
                    + "golden_records g ON g.id = m.golden_id WHERE m.removed_by IS NULL AND g.status = 'ACTIVE' "
                    + "AND m.record_id IN (" + Sql.marks(part.size()) + ")",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}, part.toArray())) {
                out.put((Long) row[0], (String) row[1]);
            }
        }
        return out;
    }

    /** A record as the link index reads it: database id, source name, record key, canonical values (JSON). */
    record StoredRecord(long id, String source, String key, String valuesJson) {
    }

    /** The given records, ascending by id (those that exist). */
    static List<StoredRecord> records(Connection c, List<Long> recordIds) throws SQLException {
        List<StoredRecord> out = new ArrayList<>();
        for (int from = 0; from < recordIds.size(); from += 500) {
            List<Long> part = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
            out.addAll(Sql.list(c, "SELECT r.id, s.name, r.record_key, r.values_json FROM records r JOIN sources s "
                    + "ON s.id = r.source_id WHERE r.id IN (" + Sql.marks(part.size()) + ") ORDER BY r.id",
                    rs -> new StoredRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    part.toArray()));
        }
        out.sort(java.util.Comparator.comparingLong(StoredRecord::id));
        return out;
    }

    /** The records of clusters (those a decision was about). */
    static List<Long> clusterRecords(Connection c, List<Long> clusterIds) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (int from = 0; from < clusterIds.size(); from += 500) {
            List<Long> part = clusterIds.subList(from, Math.min(clusterIds.size(), from + 500));
            out.addAll(Sql.list(c, "SELECT DISTINCT record_id FROM cluster_members WHERE cluster_id IN ("
                    + Sql.marks(part.size()) + ")", rs -> rs.getLong(1), part.toArray()));
        }
        return out;
    }

    /** The current records of a golden record. */
    static List<Long> goldenMembers(Connection c, String golden) throws SQLException {
        return Sql.list(c, "SELECT record_id FROM golden_members WHERE golden_id = ? AND removed_by IS NULL "
                + "ORDER BY record_id", rs -> rs.getLong(1), golden);
    }

    // ---- storing a linked record ({@link LinkStore}) ----

    /** A source as storing a record into it needs it: its id, columns and the field each column is mapped to. */
    record Source(long id, List<String> columns, Map<String, String> mapping) {
    }

    /** The source of this name, if the workspace has one. */
    static java.util.Optional<Source> source(Connection c, String name) throws SQLException {
        java.util.Optional<String[]> row = Sql.first(c, "SELECT id, columns_json, mapping_json FROM sources "
                + "WHERE name = ?", rs -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2),
                rs.getString(3)}, name);
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<String> columns = List.of(json.readValue(row.get()[1], String[].class));
            Map<String, String> mapping = new HashMap<>();
            json.readTree(row.get()[2]).fields().forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
            return java.util.Optional.of(new Source(Long.parseLong(row.get()[0]), columns, mapping));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("source " + name + " has unreadable columns or mapping", e);
        }
    }

    /** Whether the source holds a record with this key. */
    static boolean hasKey(Connection c, long sourceId, String key) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM records WHERE source_id = ? AND record_key = ?", rs -> 1, sourceId, key)
                .isPresent();
    }

    /** The database id of the source's (newest) record with this key. */
    static long recordId(Connection c, long sourceId, String key) throws SQLException {
        return Sql.number(c, "SELECT max(id) FROM records WHERE source_id = ? AND record_key = ?", sourceId, key);
    }
}
