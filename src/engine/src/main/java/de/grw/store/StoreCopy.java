package de.grw.store;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a workspace from a file on one machine into PostgreSQL, for an office whose trial becomes a shared
 * workspace behind a server: every table row for row, with its ids, in the order the rows were stored, in one
 * transaction of the target (all or nothing). Records, decisions, golden records with their history, accounts (their
 * salted hashes), the journal and the access log arrive as they were: the journal verifies with the same head, and
 * work goes on where it stopped (ids continue after the highest copied). The target must be an empty store (a new
 * schema); both stores are at the current schema version once opened.
 */
public final class StoreCopy {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreCopy.class);
    /** Every table of the schema, each after those it refers to. */
    static final List<String> TABLES = List.of("settings", "users", "sources", "source_feeds", "records",
            "record_snapshots", "import_problems", "match_runs", "kept_patterns", "models", "model_activations", "clusters", "cluster_members", "cluster_pairs", "cluster_claims",
            "decisions",
            "golden_records", "golden_members", "golden_values", "cannot_links", "journal", "access_log",
            "access_log_records");
    /**
     * Tables not copied: the ledger's change log, which every write of a ledger empties and whose row references
     * (SQLite's rowids) mean nothing in PostgreSQL.
     */
    static final List<String> NOT_COPIED = List.of("ledger_changes");
    /** Tables whose {@code id} is an identity column in PostgreSQL: they continue after the highest id copied. */
    private static final List<String> IDENTITIES = List.of("sources", "source_feeds", "records", "record_snapshots",
            "import_problems", "match_runs", "kept_patterns", "clusters", "decisions", "access_log");
    private static final int BATCH = 2_000;

    private StoreCopy() {
    }

    /** Rows copied per table, in copy order. */
    public record Result(Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies everything of {@code from} into {@code to}.
     *
     * @throws UserFacingException when the target holds anything, or the copy fails (nothing is left in the target)
     */
    public static Result copy(SqliteStore from, PostgresStore to) {
        return from.read(source -> to.write(target -> {
            for (String table : TABLES) {
                if (Sql.number(target, "SELECT count(*) FROM " + table) > 0) {
                    throw new UserFacingException(Text.of("workspace.initialised", to.name()));
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                rows.put(table, copyTable(source, target, table));
            }
            for (String table : IDENTITIES) {
                Sql.first(target, "SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST(max(id), 1), max(id) IS "
                        + "NOT NULL) FROM " + table, rs -> null, table);
            }
            LOG.info("workspace {} copied into {}: {} rows", from.name(), to.name(),
                    rows.values().stream().mapToLong(Long::longValue).sum());
            return new Result(Collections.unmodifiableMap(rows));
        }));
    }

    /** One table, in the order its rows were stored (SQLite's rowid), with the columns the source has. */
    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long n = 0;
        try (PreparedStatement read = source.prepareStatement("SELECT * FROM " + table + " ORDER BY rowid");
             ResultSet rs = read.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + "(" + String.join(", ", columns) + ") VALUES ("
                    + Sql.marks(columns.size()) + ")";
            try (Sql.Batch batch = new Sql.Batch(target, insert, BATCH)) {
                Object[] row = new Object[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    batch.add(row);
                    n++;
                }
            }
        }
        return n;
    }
}
