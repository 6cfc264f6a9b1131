package de.grw.workspace;

import de.grw.importing.ImportProblem;
import de.grw.store.Migrations;
import de.grw.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The imported sources, their records (stored once, never changed) and the problems their import reported. */
public final class SourceRepository {
    private SourceRepository() {
    }

    /** A source that has this name or this content's SHA-256: its name and SHA-256. */
    public static Optional<String[]> byNameOrContent(Connection c, String name, String sha) throws SQLException {
        return Sql.first(c, "SELECT name, sha256 FROM sources WHERE name = ? OR sha256 = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, name, sha);
    }

    /** Inserts a source about to be imported (its format and counts follow with {@link #finish}); returns its id. */
    public static long insert(Connection c, String name, String label, String sha, String importedAt, String user)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO sources(name, file_name, sha256, imported_at, imported_by, format, "
                + "columns_json, mapping_json, profile_name, rows_read, rows_rejected) "
                + "VALUES (?,?,?,?,?,'','[]','{}','',0,0)", name, label, sha, importedAt, user);
    }

    /** Completes a source after its records are in. */
    public static void finish(Connection c, long sourceId, String format, String columnsJson, String mappingJson,
                              String profileName, long rowsRead, long rowsRejected, String sha) throws SQLException {
        Sql.update(c, "UPDATE sources SET format = ?, columns_json = ?, mapping_json = ?, profile_name = ?, "
                + "rows_read = ?, rows_rejected = ?, sha256 = ? WHERE id = ?", format, columnsJson, mappingJson,
                profileName, rowsRead, rowsRejected, sha, sourceId);
    }

    /** Names of the sources, in import order. */
    public static List<String> names(Connection c) throws SQLException {
        return Sql.list(c, "SELECT name FROM sources ORDER BY id", rs -> rs.getString(1));
    }

    /** A source by name: its id and the columns it was imported with (JSON), or empty. */
    public static Optional<Object[]> byName(Connection c, String name) throws SQLException {
        return Sql.first(c, "SELECT id, columns_json FROM sources WHERE name = ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, name);
    }

    /** The source a file with this SHA-256 was imported as or appended to, if any. */
    public static Optional<String> withContent(Connection c, String sha) throws SQLException {
        return Sql.first(c, "SELECT name FROM sources WHERE sha256 = ? UNION ALL SELECT s.name FROM source_feeds f "
                + "JOIN sources s ON s.id = f.source_id WHERE f.sha256 = ?", rs -> rs.getString(1), sha, sha);
    }

    /** The record keys a source holds. */
    public static java.util.Set<String> keys(Connection c, long sourceId) throws SQLException {
        return new java.util.HashSet<>(Sql.list(c, "SELECT record_key FROM records WHERE source_id = ?",
                rs -> rs.getString(1), sourceId));
    }

    /** Inserts a feed appended to a source (its counts follow with {@link #finishFeed}); returns its id. */
    public static long insertFeed(Connection c, long sourceId, String label, String sha, String at, String user)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO source_feeds(source_id, file_name, sha256, appended_at, appended_by) "
                + "VALUES (?,?,?,?,?)", sourceId, label, sha, at, user);
    }

    /** Completes a feed after its records are in; marks the problems stored for it since {@code firstProblem}. */
    public static void finishFeed(Connection c, long feedId, long sourceId, long firstProblem, long rowsRead,
                                  long rowsRejected, long appended, long keysPresent) throws SQLException {
        Sql.update(c, "UPDATE source_feeds SET rows_read = ?, rows_rejected = ?, records_appended = ?, keys_present = ? "
                + "WHERE id = ?", rowsRead, rowsRejected, appended, keysPresent, feedId);
        Sql.update(c, "UPDATE import_problems SET feed_id = ? WHERE source_id = ? AND id >= ?", feedId, sourceId,
                firstProblem);
    }

    /** The next id an import problem will get. */
    public static long nextProblemId(Connection c) throws SQLException {
        return Sql.number(c, "SELECT coalesce(max(id), 0) + 1 FROM import_problems");
    }

    /** Inserts records in batches: one call of {@link #add} per record, then {@link #close()}. */
    public static final class RecordWriter implements AutoCloseable {
        private final Sql.Batch batch;

        private final Long feedId;

        public RecordWriter(Connection c, int batchSize) throws SQLException {
            this(c, batchSize, null);
        }

        /** @param feedId the feed the records arrive with, or {@code null} for a source's first import */
        public RecordWriter(Connection c, int batchSize, Long feedId) throws SQLException {
            this.feedId = feedId;
            batch = new Sql.Batch(c, "INSERT INTO records(source_id, record_key, row_number, line, cells_json, "
                    + "values_json, normalised_json, blocked" + (feedId == null ? ") VALUES (?,?,?,?,?,?,?,?)"
                    : ", feed_id) VALUES (?,?,?,?,?,?,?,?,?)"), batchSize);
        }

        /** Adds a record (bound by hand: a million of them are imported in one go). */
        public void add(long sourceId, String recordKey, long rowNumber, long line, String cellsJson,
                        String valuesJson, String normalisedJson, boolean blocked) throws SQLException {
            PreparedStatement ps = batch.statement();
            ps.setLong(1, sourceId);
            ps.setString(2, recordKey);
            ps.setLong(3, rowNumber);
            ps.setLong(4, line);
            ps.setString(5, cellsJson);
            ps.setString(6, valuesJson);
            ps.setString(7, normalisedJson);
            ps.setInt(8, blocked ? 1 : 0);
            if (feedId != null) {
                ps.setLong(9, feedId);
            }
            batch.added();
        }

        /** Writes what is pending. */
        public void flush() throws SQLException {
            batch.flush();
        }

        @Override
        public void close() throws SQLException {
            batch.close();
        }
    }

    /** Stores the problems an import reported. */
    public static void insertProblems(Connection c, long sourceId, List<ImportProblem> problems) throws SQLException {
        // a workspace held at an older schema (only in tests of migrations) has no message_text yet
        boolean texts = Migrations.version(c) >= 3;
        try (Sql.Batch batch = new Sql.Batch(c, "INSERT INTO import_problems(source_id, line, row_number, kind, "
                + "column_name, message, raw" + (texts ? ", message_text) VALUES (?,?,?,?,?,?,?,?)"
                : ") VALUES (?,?,?,?,?,?,?)"), Integer.MAX_VALUE)) {
            for (ImportProblem p : problems) {
                if (texts) {
                    batch.add(sourceId, p.line(), p.rowNumber(), p.kind(), p.column(), p.message(), p.rawText(),
                            de.grw.common.TextJson.write(p.text()));
                } else {
                    batch.add(sourceId, p.line(), p.rowNumber(), p.kind(), p.column(), p.message(), p.rawText());
                }
            }
        }
    }

    /** The problems stored for a source, in file order, at most {@code limit} of them. */
    public static List<ImportProblem> problems(Connection c, long sourceId, int limit) throws SQLException {
        return Sql.list(c, "SELECT s.file_name, p.line, p.row_number, p.kind, p.column_name, p.message, p.raw, "
                + "p.message_text FROM import_problems p JOIN sources s ON s.id = p.source_id WHERE p.source_id = ? "
                + "ORDER BY p.id LIMIT ?", rs -> new ImportProblem(rs.getString(1), rs.getLong(2), rs.getLong(3),
                ImportProblem.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                de.grw.common.TextJson.read(rs.getString(8))), sourceId, limit);
    }

    /** The ids of the records under a blocking notice. */
    public static List<Long> blockedRecordIds(Connection c) throws SQLException {
        return Sql.list(c, "SELECT id FROM records WHERE blocked <> 0", rs -> rs.getLong(1));
    }

    /** Which of {@code ids} are records under a blocking notice (all blocked ids read once for more than 500). */
    public static List<Long> blockedAmong(Connection c, java.util.Collection<Long> ids) throws SQLException {
        if (ids.size() > 500) {
            java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
            return blockedRecordIds(c).stream().filter(wanted::contains).toList();
        }
        return Sql.list(c, "SELECT id FROM records WHERE blocked <> 0 AND id IN ("
                + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")", rs -> rs.getLong(1),
                ids.toArray());
    }
}
