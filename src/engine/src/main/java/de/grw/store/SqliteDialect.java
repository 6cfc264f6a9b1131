package de.grw.store;

/**
 * The SQL that only SQLite understands, in one place. Every other statement of the repositories is written so that
 * PostgreSQL reads it too; a PostgreSQL-backed store (a later issue) supplies its own text for these.
 */
public final class SqliteDialect {
    private SqliteDialect() {
    }

    /**
     * The order rows were stored in ({@code rowid}): the journal is read in it, not by its sequence numbers, so that
     * rows put out of order show; golden values are listed in it. PostgreSQL: an identity column.
     */
    public static final String STORAGE_ORDER = "rowid";

    /**
     * The join from a cluster's members to their records when the queue is filtered by source: SQLite's
     * {@code CROSS JOIN} fixes the join order, so it does not walk all records of a source for every cluster.
     * PostgreSQL: a plain {@code JOIN} (its planner needs no hint, and refuses {@code CROSS JOIN ... ON}).
     */
    public static final String MEMBERS_TO_RECORDS = "cluster_members m CROSS JOIN records r ON r.id = m.record_id";

    /**
     * A comma-separated list of a group's values ({@code group_concat}). PostgreSQL: {@code string_agg(x::text, ',')}.
     */
    public static String listOf(String column) {
        return "group_concat(" + column + ")";
    }
}
