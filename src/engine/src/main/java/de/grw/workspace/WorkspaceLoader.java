package de.grw.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.matching.blocking.RecordKeys;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a match run needs out of the store: every record (streamed in id order, the source names looked up once
 * instead of joined per row), the active golden records, the clerks' "not a duplicate" pairs, the active model, the
 * last run, the standing clusters and the blocking keys kept with the snapshot.
 */
final class WorkspaceLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows fetched per round trip (PostgreSQL otherwise reads the whole result into memory first). */
    static final int FETCH_SIZE = 10_000;

    private WorkspaceLoader() {
    }

    /**
     * What a run reads: record ids ascending (index = position in the table), the table and the decisions;
     * {@code fromSnapshot} records (the first ones) came out of the {@link RecordSnapshot}, the rest out of the
     * records table.
     */
    record Loaded(long[] ids, RecordTable table, List<long[]> golden, Set<Long> cannotLinks,
                  ModelRepository.ActiveModel active, ModelRepository.LastRun lastRun,
                  List<ClusterRepository.Standing> standing, int fromSnapshot, RecordKeys keys,
                  de.grw.matching.data.KeptValues normalised) {
        Loaded(long[] ids, RecordTable table, List<long[]> golden, Set<Long> cannotLinks,
               ModelRepository.ActiveModel active, ModelRepository.LastRun lastRun,
               List<ClusterRepository.Standing> standing, int fromSnapshot, RecordKeys keys) {
            this(ids, table, golden, cannotLinks, active, lastRun, standing, fromSnapshot, keys, null);
        }
    }

    /** Reads everything, the records out of the snapshot of this fingerprint when there is a valid one. */
    static Loaded load(Connection c, MatchProfile profile, String snapshotFingerprint) throws SQLException {
        int fields = profile.fields().size();
        // sized for all records at once: growing the columns of a million records by half each time copies them
        // about three times over
        long count = de.grw.store.Sql.number(c, "SELECT count(*) FROM records");
        RecordTable.Builder builder = new RecordTable.Builder(fields, (int) Math.min(Integer.MAX_VALUE - 16,
                Math.max(1024, count)));
        RecordSnapshot.Read read = snapshotFingerprint == null ? null
                : RecordSnapshot.read(c, snapshotFingerprint, fields, profile.blocking().size(), builder);
        long[] old = read == null ? null : read.ids();
        long after = old == null || old.length == 0 ? Long.MIN_VALUE : old[old.length - 1];
        long[] added = records(c, builder, after);
        long[] ids = added;
        if (old != null) {
            ids = java.util.Arrays.copyOf(old, old.length + added.length);
            System.arraycopy(added, 0, ids, old.length, added.length);
        }
        return new Loaded(ids, builder.build(), MatchRunRepository.activeGoldenGroups(c),
                ClusterRepository.activeCannotLinks(c), ModelRepository.active(c), ModelRepository.lastRun(c),
                ClusterRepository.standing(c), old == null ? 0 : old.length, read == null ? null : read.keys(),
                read == null ? null : read.normalised());
    }

    /** Streams all records into the builder in id order; returns their ids. */
    static long[] records(Connection c, RecordTable.Builder builder) throws SQLException {
        return records(c, builder, Long.MIN_VALUE);
    }

    /** Streams the records with an id above {@code after} into the builder in id order; returns their ids. */
    static long[] records(Connection c, RecordTable.Builder builder, long after) throws SQLException {
        Map<Long, String> sourceNames = RecordRowsRepository.sourceNames(c);
        Map<Long, Integer> sourceIndex = new HashMap<>();
        long[][] idsHolder = {new long[1024]};
        int[] count = {0};
        RecordRowsRepository.recordsAfter(c, after, FETCH_SIZE, (id, sourceId, key, valuesJson) -> {
            int index = sourceIndex.computeIfAbsent(sourceId, k -> builder.addSource(sourceNames.get(k)));
            String[] values;
            try {
                values = JSON.readValue(valuesJson, String[].class);
            } catch (java.io.IOException e) {
                throw new SQLException("record " + id + " has unreadable values", e);
            }
            if (count[0] == idsHolder[0].length) {
                idsHolder[0] = java.util.Arrays.copyOf(idsHolder[0], count[0] * 2);
            }
            idsHolder[0][count[0]++] = id;
            builder.add(index, key, values);
        });
        long[] ids = idsHolder[0];
        int n = count[0];
        return java.util.Arrays.copyOf(ids, n);
    }
}
