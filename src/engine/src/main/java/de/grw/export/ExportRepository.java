package de.grw.export;

import de.grw.store.Sql;
import de.grw.store.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/** What an export reads: the active golden records, their current members and values with their origin. */
final class ExportRepository {
    private ExportRepository() {
    }

    static List<String> activeGoldenIds(Connection c) throws SQLException {
        return Sql.list(c, "SELECT id FROM golden_records WHERE status = 'ACTIVE' ORDER BY id", rs -> rs.getString(1));
    }

    /** The current members of the active golden records, by golden id and record id. */
    static void eachActiveMember(Connection c, BiConsumer<String, GoldenExporter.Member> sink) throws SQLException {
        try (var ps = c.prepareStatement("SELECT m.golden_id, r.id, s.name, r.record_key, r.blocked "
                + "FROM golden_members m JOIN golden_records g ON g.id = m.golden_id JOIN records r ON r.id = "
                + "m.record_id JOIN sources s ON s.id = r.source_id WHERE g.status = 'ACTIVE' AND m.removed_by IS NULL "
                + "ORDER BY m.golden_id, r.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs.getString(1), new GoldenExporter.Member(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5) != 0));
            }
        }
    }

    /** The current values of the active golden records with their origin, by golden id, in stored order. */
    static void eachActiveValue(Connection c, BiConsumer<String, GoldenExporter.Value> sink) throws SQLException {
        try (var ps = c.prepareStatement("SELECT v.golden_id, v.field, v.value, v.origin, v.origin_record, s.name, "
                + "r.record_key, v.decision_id FROM golden_values v JOIN golden_records g ON g.id = v.golden_id "
                + "LEFT JOIN records r ON r.id = v.origin_record LEFT JOIN sources s ON s.id = r.source_id "
                + "WHERE g.status = 'ACTIVE' AND v.superseded_by IS NULL ORDER BY v.golden_id, v."
                + Dialect.of(c).storageOrder());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs.getString(1), new GoldenExporter.Value(rs.getString(2), rs.getString(3),
                        rs.getString(4).toUpperCase(Locale.ROOT), Sql.nullableLong(rs, 5), rs.getString(6),
                        rs.getString(7), rs.getLong(8)));
            }
        }
    }
}
