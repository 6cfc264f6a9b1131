package de.grw.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One workspace: sources, records, match runs, clusters, decisions, golden records, users, the journal and the
 * access log, in a {@link Store}: a SQLite file on this machine ({@link #open(Path, Clock)}, the embedded default)
 * or a schema of a PostgreSQL database ({@link #of(Store)} with a {@link PostgresStore}). The services take a
 * workspace and run their work in its transactions; a call returns only after its transaction has committed, so
 * whatever a caller acknowledges to a user is stored.
 */
public final class Workspace implements AutoCloseable {
    private final Store store;
    private volatile WriteGuard guard;

    private Workspace(Store store) {
        this.store = store;
    }

    /** A workspace in an open store (already migrated). */
    public static Workspace of(Store store) {
        return new Workspace(store);
    }

    /** Creates a new workspace file (readable by its owner only); fails if the file exists. */
    public static Workspace create(Path file, Clock clock) {
        return new Workspace(SqliteStore.create(file, clock));
    }

    /** Opens an existing workspace file, migrating an older schema to the current one. */
    public static Workspace open(Path file, Clock clock) {
        return new Workspace(SqliteStore.open(file, clock));
    }

    /** Opens the file at a given (older) schema version; for tests of migrations. */
    static Workspace openAtVersion(Path file, Clock clock, int version) {
        return new Workspace(SqliteStore.openAtVersion(file, clock, version));
    }

    public Store store() {
        return store;
    }

    public Dialect dialect() {
        return store.dialect();
    }

    /** What to call the workspace in messages: its file, or its database and schema. */
    public String name() {
        return store.name();
    }

    /** Whether the workspace is a file on this machine (else it is in a database server). */
    public boolean isLocal() {
        return store instanceof SqliteStore;
    }

    /**
     * The workspace's file.
     *
     * @throws IllegalStateException for a workspace in a database server (see {@link #isLocal()}, {@link #name()})
     */
    public Path file() {
        if (store instanceof SqliteStore s) {
            return s.file();
        }
        throw new IllegalStateException("the workspace " + store.name() + " is not a file");
    }

    public Clock clock() {
        return store.clock();
    }

    /** The current time, to the millisecond, as the workspace records it. */
    public Instant now() {
        return store.now();
    }

    /** Schema versions applied when this workspace was opened (empty if it was current). */
    public List<Integer> migrated() {
        return store.migrated();
    }

    /**
     * Runs work in one write transaction and commits it before returning; on any failure rolls back and rethrows.
     * With a {@link WriteGuard} (the ledger), the guard looks at the store before the work (and may refuse it) and
     * records the state after it, before the commit; writes then run one at a time in this process.
     */
    public <T> T write(SqlWork<T> work) {
        WriteGuard g = guard;
        if (g == null) {
            return store.write(work);
        }
        synchronized (g) {
            T result = store.write(c -> {
                g.before(c);
                T r = work.run(c);
                g.after(c);
                return r;
            });
            g.committed();
            return result;
        }
    }

    /** Puts a guard on every later write (see {@link #write}); {@code null} removes it. */
    public void guard(WriteGuard writeGuard) {
        this.guard = writeGuard;
    }

    /** The guard on the writes, if there is one. */
    public java.util.Optional<WriteGuard> guard() {
        return java.util.Optional.ofNullable(guard);
    }

    /** Runs read-only work in one transaction, so that it sees one consistent state. */
    public <T> T read(SqlWork<T> work) {
        return store.read(work);
    }

    /**
     * Checks that the store is not damaged (SQLite: {@code PRAGMA quick_check}) before work that must not rely on a
     * damaged one: verifying the journal, exporting.
     *
     * @throws de.grw.common.UserFacingException naming the workspace and the first problems found
     */
    public void checkIntegrity() {
        store.checkIntegrity();
    }

    @Override
    public void close() {
        store.close();
    }
}
