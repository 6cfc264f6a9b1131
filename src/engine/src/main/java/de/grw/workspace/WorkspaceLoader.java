package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a match run needs out of the store: every record (streamed in id order, the source names looked up once
 * instead of joined per row), the active golden records, the clerks' "not a duplicate" pairs, the active model, the
 * last run and the standing clusters.
 */
final class WorkspaceLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows fetched per round trip (PostgreSQL otherwise reads the whole result into memory first). */
    static final int FETCH_SIZE = 10_000;

    private WorkspaceLoader() {
    }

    /** What a run reads: record ids ascending (index = position in the table), the table and the decisions. */
    record Loaded(long[] ids, RecordTable table, List<long[]> golden, Set<Long> cannotLinks,
                  ModelRepository.ActiveModel active, ModelRepository.LastRun lastRun,
                  List<ClusterRepository.Standing> standing) {
    }

    static Loaded load(Connection c, MatchProfile profile) throws SQLException {
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        long[] ids = records(c, builder);
        return new Loaded(ids, builder.build(), MatchRunRepository.activeGoldenGroups(c),
                ClusterRepository.activeCannotLinks(c), ModelRepository.active(c), ModelRepository.lastRun(c),
                ClusterRepository.standing(c));
    }

    /** Streams the records into the builder in id order; returns their ids. */
    static long[] records(Connection c, RecordTable.Builder builder) throws SQLException {
        Map<Long, String> sourceNames = new HashMap<>();
        for (Object[] row : Sql.list(c, "SELECT id, name FROM sources", rs -> new Object[] {rs.getLong(1),
                rs.getString(2)})) {
            sourceNames.put((Long) row[0], (String) row[1]);
        }
        Map<Long, Integer> sourceIndex = new HashMap<>();
        long[] ids = new long[1024];
        int n = 0;
        try (var s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery("SELECT id, source_id, record_key, values_json FROM records "
                    + "ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long sourceId = rs.getLong(2);
                    String valuesJson = rs.getString(4);
                    int index = sourceIndex.computeIfAbsent(sourceId, k -> builder.addSource(sourceNames.get(k)));
                    String[] values;
                    try {
                        values = JSON.readValue(valuesJson, String[].class);
                    } catch (java.io.IOException e) {
                        throw new SQLException("record " + id + " has unreadable values", e);
                    }
                    if (n == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = id;
                    builder.add(index, rs.getString(3), values);
                }
            }
        }
        return java.util.Arrays.copyOf(ids, n);
    }
}
