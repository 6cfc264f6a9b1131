package de.grw.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Where one test's workspace lives (a file in the test's folder, or a database of its own on the PostgreSQL test
 * server), to open as often as the test needs; closing it drops the database.
 */
public interface TestStore extends AutoCloseable {
    StoreKind kind();

    /** Opens the workspace (again). */
    Workspace open();

    /** Creates the workspace for a profile (see {@link de.grw.workspace.WorkspaceSetup}); returns it open. */
    Workspace create(String profile);

    /**
     * A connection straight to the store, past the engine, as whoever holds it can get one: the owner of the file
     * with any SQLite tool, the owner of the database with {@code psql} ({@code search_path} set to the workspace's
     * schema; auto-commit on).
     */
    Connection raw() throws SQLException;

    /** Drops the database (a file is left to the test's folder). */
    @Override
    void close();

    /** A new store of a kind for one test: the file {@code dir/ws.grw}, or a new empty database. */
    static TestStore of(StoreKind kind, Path dir) {
        return kind == StoreKind.SQLITE ? file(dir.resolve("ws.grw")) : postgres(PostgresDatabases.create());
    }

    /** A workspace file. */
    static TestStore file(Path file) {
        return new TestStore() {
            @Override
            public StoreKind kind() {
                return StoreKind.SQLITE;
            }

            @Override
            public Workspace open() {
                return Workspace.open(file, Clock.systemUTC());
            }

            @Override
            public Workspace create(String profile) {
                return de.grw.workspace.WorkspaceSetup.create(file, Clock.systemUTC(), profile);
            }

            @Override
            public Connection raw() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            }

            @Override
            public void close() {
                // the test's folder goes with the test
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }

    /** A database of the PostgreSQL test server, dropped when closed. */
    static TestStore postgres(String database) {
        return new TestStore() {
            @Override
            public StoreKind kind() {
                return StoreKind.POSTGRESQL;
            }

            @Override
            public Workspace open() {
                return Workspace.of(PostgresDatabases.open(database));
            }

            @Override
            public Workspace create(String profile) {
                return de.grw.workspace.WorkspaceSetup.create(PostgresDatabases.open(database), profile);
            }

            @Override
            public Connection raw() throws SQLException {
                return PostgresDatabases.raw(database);
            }

            @Override
            public void close() {
                PostgresDatabases.drop(database);
            }

            @Override
            public String toString() {
                return "PostgreSQL database " + database;
            }
        };
    }
}
