package de.grw.access;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Finds the records that stand for a person, for questions to the access log. */
final class PersonRepository {
    private PersonRepository() {
    }

    static List<Long> currentMembersOfGolden(Connection c, String golden) throws SQLException {
        return distinct(Sql.list(c, "SELECT record_id FROM golden_members WHERE golden_id = ? AND removed_by IS NULL",
                rs -> rs.getLong(1), golden));
    }

    static List<Long> everMembersOfGolden(Connection c, String golden) throws SQLException {
        return distinct(Sql.list(c, "SELECT record_id FROM golden_members WHERE golden_id = ?", rs -> rs.getLong(1),
                golden));
    }

    static boolean goldenExists(Connection c, String golden) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM golden_records WHERE id = ?", rs -> true, golden).isPresent();
    }

    static boolean recordExists(Connection c, long id) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM records WHERE id = ?", rs -> true, id).isPresent();
    }

    static List<Long> recordsByKey(Connection c, String source, String recordKey) throws SQLException {
        return distinct(Sql.list(c, "SELECT r.id FROM records r JOIN sources s ON s.id = r.source_id WHERE s.name = ? "
                + "AND r.record_key = ?", rs -> rs.getLong(1), source, recordKey));
    }

    private static List<Long> distinct(List<Long> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }
}
