package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL that differs between the stores, in one place. Every other statement of the repositories is written so
 * that SQLite and PostgreSQL both read it (plain joins, {@code LIMIT}, {@code ON CONFLICT ... DO UPDATE}, integers
 * for flags, text compared byte by byte: the PostgreSQL schema declares its text columns {@code COLLATE "C"}).
 * A repository finds the dialect of the connection it was handed with {@link #of(Connection)}.
 */
public interface Dialect {
    /** {@code sqlite} or {@code postgresql}: also the folder of the store's migrations under {@code db/migration}. */
    String name();

    /**
     * The column that gives the order rows were stored in, for the golden values (listed in the order a decision
     * set them). SQLite: {@code rowid}; PostgreSQL: the identity column {@code pos} that the table carries there.
     * (The journal needs none: its {@code seq} is SQLite's rowid.)
     */
    String storageOrder();

    /**
     * The join from a cluster's members ({@code m}) to their records ({@code r}) when the queue is filtered by
     * source. SQLite: {@code CROSS JOIN}, which fixes the join order, so it does not walk all records of a source
     * for every cluster; PostgreSQL: a plain {@code JOIN} (its planner needs no hint, and refuses
     * {@code CROSS JOIN ... ON}).
     */
    String membersToRecords();

    /** A comma-separated list of a group's values: {@code group_concat} or {@code string_agg}. */
    String listOf(String column);

    /**
     * The schema version of the store the connection belongs to (the last migration applied): SQLite keeps it in
     * {@code user_version} as well, PostgreSQL only in Flyway's history table.
     */
    int schemaVersion(Connection c) throws SQLException;

    /**
     * Runs a bulk write (a match run storing its clusters: index pages touched all over the file) with a large page
     * cache where the store keeps one per connection, and the connection's own size again afterwards. SQLite: 256
     * MiB instead of its default 2 MiB (the pages of the clusters' fingerprint and member indexes stay in memory
     * instead of being read again for each insert); PostgreSQL: as is (its buffers are the server's).
     */
    default <T> T withBulkCache(Connection c, SqlWork<T> work) throws SQLException {
        return work.run(c);
    }

    /**
     * A number that changes whenever another connection commits a change to the store (SQLite's
     * {@code PRAGMA data_version}), so that a connection can tell that nobody else wrote since it last looked; -1
     * where the store offers none (PostgreSQL).
     */
    default long dataVersion(Connection c) throws SQLException {
        return -1;
    }

    /** The dialect of a connection that a store handed out (a pooled one included). */
    static Dialect of(Connection c) throws SQLException {
        return c.isWrapperFor(org.postgresql.PGConnection.class) ? PostgresDialect.INSTANCE : SqliteDialect.INSTANCE;
    }
}
