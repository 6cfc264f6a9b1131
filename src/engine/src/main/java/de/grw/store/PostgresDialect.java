package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's text for what differs between the stores (see {@link Dialect}). */
public final class PostgresDialect implements Dialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String storageOrder() {
        return "pos";
    }

    @Override
    public String membersToRecords() {
        return "cluster_members m JOIN records r ON r.id = m.record_id";
    }

    @Override
    public String listOf(String column) {
        return "string_agg(" + column + "::text, ',' ORDER BY " + column + ")";
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        return (int) Sql.number(c, "SELECT max(CAST(version AS INTEGER)) FROM " + Migrations.HISTORY
                + " WHERE success AND version IS NOT NULL");
    }

    @Override
    public String toString() {
        return name();
    }
}
