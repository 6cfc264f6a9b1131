package de.grw.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Something that watches a workspace's writes from outside the store (the ledger): it looks at the store at the
 * start of every write transaction and may refuse the write, records the state at its end, before the commit, and
 * hears when the commit went through. {@link Workspace#write} runs these around the work, one write at a time.
 */
public interface WriteGuard {
    /** At the start of a write transaction: refuses (throws) when the store is not as last recorded. */
    void before(Connection c) throws SQLException;

    /** At the end of the work, before the commit: records the state the transaction leaves. */
    void after(Connection c) throws SQLException;

    /** After the commit of the transaction whose state {@link #after} recorded. */
    void committed();

    /**
     * Checks the store as it is now against what was recorded: empty when it matches, else what differs. Also
     * says, in {@link Check#summary}, what was checked.
     */
    Check check(Connection c) throws SQLException;

    /** The result of {@link #check}: a one-line summary, and the problem if there is one. */
    record Check(String summary, Optional<String> problem) {
    }
}
