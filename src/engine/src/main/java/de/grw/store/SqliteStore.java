package de.grw.store;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A workspace in one SQLite file (WAL, foreign keys on, synchronous commits) on one machine: the embedded default.
 * All work runs in transactions on one connection, one at a time; a write begins with {@code BEGIN IMMEDIATE}, so
 * it holds the file's write lock from its first statement, and other processes may read meanwhile (WAL) and wait
 * for their turn to write.
 * <p>
 * A new file, and a folder created for it, are readable by their owner only ({@link OwnerOnly}). Whoever owns the
 * file can still change it with any SQLite tool: the engine's rules hold only for work that goes through it, which
 * is why a shared workspace belongs on a server ({@link PostgresStore}).
 */
public final class SqliteStore implements Store {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteStore.class);
    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final List<Integer> migrated;

    private SqliteStore(Path file, Connection connection, Clock clock, List<Integer> migrated) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.migrated = migrated;
    }

    /** Creates a new workspace file (owner-only), with the current schema; fails if the file exists. */
    public static SqliteStore create(Path file, Clock clock) {
        if (Files.exists(file)) {
            throw new UserFacingException(Text.of("workspace.exists", file));
        }
        return connect(file, clock, true, Migrations.latestVersion());
    }

    /** Opens an existing workspace file, migrating an older schema to the current one. */
    public static SqliteStore open(Path file, Clock clock) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(Text.of("workspace.not_found", file));
        }
        return connect(file, clock, false, Migrations.latestVersion());
    }

    /** Opens or creates the file at a given (older) schema version; for tests of migrations. */
    static SqliteStore openAtVersion(Path file, Clock clock, int version) {
        return connect(file, clock, !Files.exists(file), version);
    }

    private static SqliteStore connect(Path file, Clock clock, boolean creating, int targetVersion) {
        Connection c = null;
        try {
            if (creating) {
                OwnerOnly.createFile(file.toAbsolutePath());
            }
            c = DriverManager.getConnection(url(file), config().toProperties());
            int current = SqliteDialect.INSTANCE.schemaVersion(c);
            if (!creating) {
                checkIsWorkspace(c, current);
                OwnerOnly.warnIfShared(file.toAbsolutePath());
            }
            List<Integer> migrated = current >= targetVersion && current <= Migrations.latestVersion() ? List.of()
                    : Migrations.migrate(flywaySource(file), SqliteDialect.INSTANCE, null, current,
                    hasHistory(c) ? 0 : current, targetVersion);
            if (!migrated.isEmpty()) {
                LOG.info("workspace {} migrated from schema {} to {}", file, current,
                        migrated.get(migrated.size() - 1));
            }
            return new SqliteStore(file, c, clock, new ArrayList<>(migrated));
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            throw new UserFacingException(Text.of("workspace.cannot_open", file, e.getMessage()), e);
        }
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        return config;
    }

    /**
     * Connections for Flyway: the workspace's settings, and transactions that begin {@code IMMEDIATE}, so that two
     * processes opening an old workspace at once migrate it one after the other.
     */
    private static SQLiteDataSource flywaySource(Path file) {
        SQLiteConfig config = config();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url(file));
        return ds;
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        return Sql.number(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                Migrations.HISTORY) > 0;
    }

    private static void checkIsWorkspace(Connection c, int version) throws SQLException {
        try {
            // version 0: an empty file or another application's database, which opening must not turn into one
            if (version == 0 || Sql.number(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                    + "'journal'") == 0) {
                throw new SQLException("not a workbench workspace");
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("file is not a database")) {
                throw new SQLException("not a workbench workspace (not a SQLite file)", e);
            }
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public Dialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<Integer> migrated() {
        return List.copyOf(migrated);
    }

    /**
     * One write transaction ({@code BEGIN IMMEDIATE}), committed before returning; on any failure rolled back and
     * rethrown.
     */
    @Override
    public synchronized <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    @Override
    public synchronized <T> T read(SqlWork<T> work) {
        return inTransaction("BEGIN", work);
    }

    private <T> T inTransaction(String begin, SqlWork<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
            try {
                T result = work.run(connection);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(s);
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("transaction on {} failed and was rolled back", file, e);
            throw new UserFacingException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite's {@code PRAGMA quick_check}: every page of every table and index, the b-trees and the record formats
     * (it does not compare indexes with their tables).
     */
    @Override
    public void checkIntegrity() {
        List<String> problems;
        try {
            problems = read(c -> Sql.list(c, "PRAGMA quick_check(5)", rs -> rs.getString(1)));
        } catch (UserFacingException e) {
            problems = List.of(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage());
        }
        if (!problems.equals(List.of("ok"))) {
            throw new UserFacingException(Text.of("workspace.damaged", file, String.join("; ", problems)));
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }
}
