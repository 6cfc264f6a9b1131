package de.grw.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a workspace's tables live, and the only way to reach them: work runs in a transaction that the store opens,
 * commits before the call returns (so whatever a caller acknowledges to a user is stored), and rolls back on any
 * failure. Two stores: {@link SqliteStore}, one file on one machine (the embedded default), and
 * {@link PostgresStore}, a schema in a PostgreSQL database shared by a server's users.
 * <p>
 * The repositories hold the SQL; what differs between the stores is in {@link #dialect()}. Write work may run more
 * than once (PostgreSQL retries a transaction that lost a serialization conflict), so it must depend only on the
 * database and its inputs, and keep its results inside the transaction's return value.
 */
public interface Store extends AutoCloseable {
    /** Runs read-only work in one transaction that sees one consistent state. */
    <T> T read(SqlWork<T> work);

    /** Runs work in one write transaction, one writer at a time, and commits it before returning. */
    <T> T write(SqlWork<T> work);

    Dialect dialect();

    Clock clock();

    /** The current time, to the millisecond, as the store records it. */
    default Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What to call the store in messages: the file, or the database and schema (never a password). */
    String name();

    /** Schema versions applied when the store was opened (empty if it was current). */
    List<Integer> migrated();

    /**
     * Checks that the store is not damaged before work that must not rely on a damaged one (verifying the journal,
     * exporting); throws a {@link de.grw.common.UserFacingException} naming the store and the problems found.
     */
    void checkIntegrity();

    @Override
    void close();
}
