package de.grw.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases of their own for the tests on the PostgreSQL test server: a new empty one, or a copy of a template
 * ({@code CREATE DATABASE ... TEMPLATE}, a file copy on the server: a matched sample workspace in a fraction of a
 * second). Every database made here is dropped when the test closes its {@link TestStore}, and at the latest when
 * the JVM ends.
 * <p>
 * The server, as for {@code PostgresTestServer}: {@code GRW_PG_URL} (a JDBC URL of a database to connect to for
 * administration), {@code GRW_PG_USER}, {@code GRW_PG_PASSWORD}; else localhost:5432 as {@code postgres} with the
 * password {@code .ci/run} sets. Without a server the tests are skipped, except under {@code CI=true}, where that is
 * a failure.
 */
public final class PostgresDatabases {
    /** The schema the test workspaces live in (a real server may use any; "grw" is the default of the config). */
    public static final String SCHEMA = "grw";
    private static final String ADMIN_URL = env("GRW_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = env("GRW_PG_USER", "postgres");
    private static final String PASSWORD = env("GRW_PG_PASSWORD", "grw-ci-postgres");
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile String unavailable;
    private static volatile boolean checked;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (String db : Set.copyOf(CREATED)) {
                dropQuietly(db);
            }
        }));
    }

    private PostgresDatabases() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Skips the calling test when no server answers (fails it under CI=true). */
    public static synchronized void requireServer() {
        if (!checked) {
            try (Connection c = admin()) {
                c.isValid(5);
            } catch (SQLException e) {
                unavailable = "no PostgreSQL server for the tests at " + ADMIN_URL + " as " + USER + " ("
                        + e.getMessage() + "); start one (see .ci/run) or set GRW_PG_URL, GRW_PG_USER, GRW_PG_PASSWORD";
            }
            checked = true;
        }
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(unavailable);
            }
            Assumptions.abort(unavailable);
        }
    }

    private static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(ADMIN_URL, p);
    }

    /** A new, empty database; returns its name. */
    public static String create() {
        return create(null);
    }

    /** A new database, a copy of {@code template} (which nobody may be connected to); returns its name. */
    public static String copyOf(String template) {
        return create(template);
    }

    private static String create(String template) {
        requireServer();
        String name = "grw_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String sql = "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + (template == null ? "template0"
                : template);
        for (int attempt = 1; ; attempt++) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute(sql);
                CREATED.add(name);
                return name;
            } catch (SQLException e) {
                // the template's last connections may still be closing on the server ("being accessed by other
                // users"): wait a moment
                if (!"55006".equals(e.getSQLState()) || attempt == 50) {
                    throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
                }
                sleep(100);
            }
        }
    }

    public static void drop(String database) {
        dropQuietly(database);
    }

    private static void dropQuietly(String database) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            CREATED.remove(database);
        } catch (SQLException e) {
            // left for the server's owner; named in the log of the test run
            System.err.println("test database " + database + " not dropped: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JDBC URL of a database of the test server. */
    public static String url(String database) {
        String base = ADMIN_URL.contains("?") ? ADMIN_URL.substring(0, ADMIN_URL.indexOf('?')) : ADMIN_URL;
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    /** The store configuration of a test database (the workspace in schema {@value #SCHEMA}). */
    public static PostgresStore.Config config(String database) {
        return PostgresStore.Config.of(url(database), USER, PASSWORD, SCHEMA).withPoolSize(4);
    }

    /** Opens the workspace store in a test database. */
    public static PostgresStore open(String database) {
        return PostgresStore.open(config(database), Clock.systemUTC());
    }

    /** A connection to a test database as its owner, with the workspace's schema first in the search path. */
    public static Connection raw(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("currentSchema", SCHEMA);
        return DriverManager.getConnection(url(database), p);
    }

    /** Runs statements as the test server's administrator (roles, grants); auto-commit. */
    public static void administer(String... sql) throws SQLException {
        requireServer();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
