package de.grw.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a match run reads records and record snapshots with: all records above an id, streamed in id order, and
 * the snapshot segments of a fingerprint. The decoding stays in {@link WorkspaceLoader} and {@link RecordSnapshot}.
 */
final class RecordRowsRepository {
    private RecordRowsRepository() {
    }

    /** One stored record as read: id, source, key and the values as the JSON array the import wrote. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(long id, long sourceId, String key, String valuesJson) throws SQLException;
    }

    /** One snapshot segment row: the id range it covers, the count and sum of its ids, its bytes. */
    record SegmentRow(long firstRecordId, long lastRecordId, long recordCount, long idSum, byte[] data,
                      byte[] blockKeys) {
    }

    /** Streams the records with an id above {@code after} in id order, {@code fetchSize} rows at a time. */
    static void recordsAfter(Connection c, long after, int fetchSize, RowConsumer consumer) throws SQLException {
        try (var s = c.prepareStatement("SELECT id, source_id, record_key, values_json FROM records WHERE id > ? "
                + "ORDER BY id")) {
            s.setFetchSize(fetchSize);
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
                }
            }
        }
    }

    /** The names of the sources by id. */
    static java.util.Map<Long, String> sourceNames(Connection c) throws SQLException {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (Object[] row : de.grw.store.Sql.list(c, "SELECT id, name FROM sources",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }

    /** How many records have an id up to {@code last}, and the sum of their ids: {count, sum}. */
    static long[] countAndIdSum(Connection c, long last) throws SQLException {
        return de.grw.store.Sql.first(c, "SELECT count(*), coalesce(sum(id), 0) FROM records WHERE id <= ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, last).orElseThrow();
    }

    /** The snapshot segments of a fingerprint in the order of their first record id. */
    static List<SegmentRow> segments(Connection c, String fingerprint) throws SQLException {
        List<SegmentRow> rows = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT first_record_id, last_record_id, record_count, id_sum, data, "
                + "block_keys FROM record_snapshots WHERE fingerprint = ? ORDER BY first_record_id")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SegmentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getBytes(5), rs.getBytes(6)));
                }
            }
        }
        return rows;
    }
}
