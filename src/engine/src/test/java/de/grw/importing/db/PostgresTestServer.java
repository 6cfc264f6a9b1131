package de.grw.importing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for the tests, with a fresh database per test class ({@code grw_test_<random>}, dropped
 * afterwards). Register with {@code @RegisterExtension static final PostgresTestServer PG = new PostgresTestServer();}.
 *
 * <p>The server: {@code GRW_PG_URL} (a JDBC URL of a database to connect to for administration, e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres}), {@code GRW_PG_USER} and {@code GRW_PG_PASSWORD} if set (as
 * {@code .ci/run} sets them); else localhost:5432 as {@code postgres} with the test password that {@code .ci/run}
 * gives that role. If no server answers, the tests are skipped with a message, except in CI ({@code CI=true}), where
 * a missing server is a failure.
 */
public final class PostgresTestServer implements BeforeAllCallback, AfterAllCallback {
    /** The password {@code .ci/run} sets for the role postgres of the local test server. */
    public static final String LOCAL_TEST_PASSWORD = "grw-ci-postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private String database;

    public PostgresTestServer() {
        adminUrl = env("GRW_PG_URL", "jdbc:postgresql://localhost:5432/postgres");
        user = env("GRW_PG_USER", "postgres");
        password = env("GRW_PG_PASSWORD", LOCAL_TEST_PASSWORD);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try (Connection admin = admin()) {
            database = "grw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            String message = "no PostgreSQL server for the tests at " + adminUrl + " as " + user + " ("
                    + e.getMessage() + "); start one (see .ci/run) or set GRW_PG_URL, GRW_PG_USER, GRW_PG_PASSWORD";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (database == null) {
            return;
        }
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(adminUrl, p);
    }

    /** JDBC URL of this test class's database. */
    public String url() {
        String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    /** The URL with a different database name (for "database does not exist"). */
    public String urlOf(String otherDatabase) {
        String u = url();
        return u.substring(0, u.lastIndexOf('/') + 1) + otherDatabase;
    }

    /** host:port of the server, e.g. {@code localhost:5432}. */
    public String hostAndPort() {
        String rest = url().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    public String user() {
        return user;
    }

    public char[] password() {
        return password.toCharArray();
    }

    public String passwordText() {
        return password;
    }

    /** A connection to this class's database (auto-commit on). */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url(), p);
    }

    /** Runs statements in this class's database. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** A source reading a table of this class's database. */
    public DatabaseSource table(String table) {
        return DatabaseSource.ofTable(url(), user, password(), table);
    }

    /** A source reading a query in this class's database. */
    public DatabaseSource query(String query) {
        return DatabaseSource.ofQuery(url(), user, password(), query);
    }
}
