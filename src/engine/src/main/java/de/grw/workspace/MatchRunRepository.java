package de.grw.workspace;

import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a match run reads from the workspace (every record, the golden records' memberships) and the runs it stores.
 * The clusters a run proposes are in {@link ClusterRepository}.
 */
public final class MatchRunRepository {
    private MatchRunRepository() {
    }

    /** One record as matching reads it. */
    @FunctionalInterface
    public interface RecordSink {
        void record(long id, long sourceId, String sourceName, String recordKey, String valuesJson)
                throws SQLException;
    }

    /** Every record of the workspace in id order, streamed (a workspace may hold millions). */
    public static void eachRecord(Connection c, RecordSink sink) throws SQLException {
        try (var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, r.source_id, s.name, r.record_key, r.values_json "
                     + "FROM records r JOIN sources s ON s.id = r.source_id ORDER BY r.id")) {
            while (rs.next()) {
                sink.record(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }

    /** The current members of every active golden record, each group's ids ascending. */
    public static List<long[]> activeGoldenGroups(Connection c) throws SQLException {
        Map<String, List<Long>> members = new LinkedHashMap<>();
        for (String[] row : Sql.list(c, "SELECT m.golden_id, m.record_id FROM golden_members m JOIN golden_records g "
                + "ON g.id = m.golden_id WHERE m.removed_by IS NULL AND g.status = 'ACTIVE' ORDER BY m.golden_id",
                rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))})) {
            members.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Long.parseLong(row[1]));
        }
        List<long[]> out = new ArrayList<>();
        members.values().forEach(l -> out.add(l.stream().mapToLong(Long::longValue).sorted().toArray()));
        return out;
    }

    /** Stores a run; returns its id. */
    public static long insert(Connection c, String startedAt, String finishedAt, String startedBy, double threshold,
                              String profileJson, String modelJson, String statsJson) throws SQLException {
        return Sql.insert(c, "INSERT INTO match_runs(started_at, finished_at, started_by, threshold, profile_json, "
                + "model_json, stats_json) VALUES (?,?,?,?,?,?,?)", startedAt, finishedAt, startedBy, threshold,
                profileJson, modelJson, statsJson);
    }
}
