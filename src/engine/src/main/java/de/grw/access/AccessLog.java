package de.grw.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who saw or exported which person's data, when, and for which case. Every display or export of records is logged
 * in the same transaction as the read that produced it; the log refuses UPDATE and DELETE.
 */
public final class AccessLog {
    private AccessLog() {
    }

    /** One logged access. */
    public record Entry(long id, String at, String user, String action, String caseRef, String detail,
                        List<Long> recordIds) {
    }

    public static long record(Connection c, Instant at, String user, String action, String caseRef, String detail,
                              Collection<Long> recordIds) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_log(at, user_name, action, case_ref, detail) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, at.toString());
            ps.setString(2, user);
            ps.setString(3, action);
            ps.setString(4, caseRef == null ? "" : caseRef);
            ps.setString(5, detail == null ? "" : detail);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_log_records(access_id, record_id) VALUES (?,?)")) {
            for (Long r : recordIds) {
                ps.setLong(1, id);
                ps.setLong(2, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Accesses to any of the given records, newest first. */
    public static List<Entry> byRecords(Connection c, Collection<Long> recordIds) throws SQLException {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", recordIds.stream().map(r -> "?").toList());
        return query(c, "WHERE l.id IN (SELECT access_id FROM access_log_records WHERE record_id IN (" + in + "))",
                new ArrayList<>(recordIds));
    }

    /** Accesses by a user, newest first. */
    public static List<Entry> byUser(Connection c, String user) throws SQLException {
        return query(c, "WHERE l.user_name = ?", List.of(user));
    }

    /** One access by its id, if there is one. */
    public static java.util.Optional<Entry> find(Connection c, long id) throws SQLException {
        return query(c, "WHERE l.id = ?", List.of(id)).stream().findFirst();
    }

    /** All accesses, newest first. */
    public static List<Entry> all(Connection c) throws SQLException {
        return query(c, "", List.of());
    }

    private static List<Entry> query(Connection c, String where, List<?> params) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.at, l.user_name, l.action, l.case_ref, "
                + "l.detail, (SELECT " + de.grw.store.Dialect.of(c).listOf("record_id")
                + " FROM access_log_records r WHERE r.access_id = l.id) "
                + "FROM access_log l " + where + " ORDER BY l.id DESC")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Long> ids = new ArrayList<>();
                    String list = rs.getString(7);
                    if (list != null && !list.isEmpty()) {
                        for (String s : list.split(",")) {
                            ids.add(Long.parseLong(s));
                        }
                    }
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), ids));
                }
            }
        }
        return out;
    }

    /** A user's latest access: id, time, action, case reference. */
    public static java.util.Optional<Object[]> latestOf(Connection c, String user) throws SQLException {
        return de.grw.store.Sql.first(c, "SELECT id, at, action, case_ref FROM access_log WHERE user_name = ? "
                + "ORDER BY at DESC, id DESC LIMIT 1", rs -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4)}, user);
    }

    /** The records an access concerned. */
    public static List<Long> recordsOf(Connection c, long accessId) throws SQLException {
        return de.grw.store.Sql.list(c, "SELECT record_id FROM access_log_records WHERE access_id = ?",
                rs -> rs.getLong(1), accessId);
    }
}
