package de.grw.store;

import de.grw.common.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * One workspace: a SQLite file (WAL, foreign keys on, synchronous commits) holding sources, records, match runs,
 * clusters, decisions, golden records, users, the journal and the access log. All work runs in transactions on one
 * connection; a call returns only after its transaction has committed, so whatever a caller acknowledges to a user
 * is on disk.
 */
public final class Workspace implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Workspace.class);
    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final List<Integer> migrated;

    private Workspace(Path file, Connection connection, Clock clock, List<Integer> migrated) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.migrated = migrated;
    }

    /** Creates a new workspace file; fails if the file exists. */
    public static Workspace create(Path file, Clock clock) {
        if (Files.exists(file)) {
            throw new UserFacingException(de.grw.common.Text.of("workspace.exists", file));
        }
        return connect(file, clock, true);
    }

    /** Opens an existing workspace, migrating an older schema to the current one. */
    public static Workspace open(Path file, Clock clock) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(de.grw.common.Text.of("workspace.not_found", file));
        }
        return connect(file, clock, false);
    }

    /** Opens the file at a given (older) schema version; for tests of migrations. */
    static Workspace openAtVersion(Path file, Clock clock, int version) {
        return connect(file, clock, true, version);
    }

    private static Workspace connect(Path file, Clock clock, boolean creating) {
        return connect(file, clock, creating, Migrations.latestVersion());
    }

    private static Workspace connect(Path file, Clock clock, boolean creating, int targetVersion) {
        Connection c = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && creating) {
                Files.createDirectories(dir);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(10_000);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            if (!creating) {
                checkIsWorkspace(c, file);
            }
            List<Integer> migrated;
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    migrated = Migrations.migrate(c, targetVersion);
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            }
            return new Workspace(file, c, clock, migrated);
        } catch (SQLException | java.io.IOException e) {
            closeQuietly(c);
            throw new UserFacingException(de.grw.common.Text.of("workspace.cannot_open", file, e.getMessage()), e);
        }
    }

    private static void checkIsWorkspace(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal'")) {
            // version 0: an empty file or another application's database, which opening must not turn into one
            if (Migrations.version(c) == 0 || !rs.next() || rs.getInt(1) == 0) {
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

    public Clock clock() {
        return clock;
    }

    /** The current time, to the millisecond, as the workspace records it. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Schema versions applied when this workspace was opened (empty if it was current). */
    public List<Integer> migrated() {
        return migrated;
    }

    /**
     * Runs work in one write transaction ({@code BEGIN IMMEDIATE}) and commits it before returning; on any failure
     * rolls back and rethrows. Other processes may read meanwhile (WAL) and wait for their turn to write.
     */
    public synchronized <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs read-only work in one transaction, so that it sees one consistent state. */
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
     * Checks the file's structure with SQLite's {@code PRAGMA quick_check} (every page of every table and index, the
     * b-trees and the record formats; it does not compare indexes with their tables). Run before work that must not
     * rely on a damaged file: verifying the journal, exporting.
     *
     * @throws UserFacingException naming the file and the first problems found when the file is damaged
     */
    public void checkIntegrity() {
        List<String> problems;
        try {
            problems = read(c -> {
                List<String> out = new java.util.ArrayList<>();
                try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check(5)")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (UserFacingException e) {
            problems = List.of(e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage());
        }
        if (!problems.equals(List.of("ok"))) {
            throw new UserFacingException(de.grw.common.Text.of("workspace.damaged", file,
                    String.join("; ", problems)));
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
