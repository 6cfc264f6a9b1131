package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite's text for what differs between the stores (see {@link Dialect}). */
public final class SqliteDialect implements Dialect {
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String storageOrder() {
        return "rowid";
    }

    @Override
    public String membersToRecords() {
        return "cluster_members m CROSS JOIN records r ON r.id = m.record_id";
    }

    @Override
    public String listOf(String column) {
        return "group_concat(" + column + ")";
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The page cache of a bulk write, in KiB (SQLite takes a negative {@code cache_size} as KiB). */
    static final int BULK_CACHE_KIB = 256 * 1024;

    @Override
    public <T> T withBulkCache(Connection c, SqlWork<T> work) throws SQLException {
        long before = cacheSize(c);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = -" + BULK_CACHE_KIB);
        }
        try {
            return work.run(c);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA cache_size = " + before);
            }
        }
    }

    /** The connection's {@code cache_size} as SQLite reports it (pages, or KiB when negative). */
    static long cacheSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA cache_size")) {
            return rs.next() ? rs.getLong(1) : -2000;
        }
    }

    @Override
    public long dataVersion(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
