package de.grw.importing.db;

import de.grw.common.UserFacingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the databases the workbench reads from and exports to, and the wording of their failures. SQLite
 * ({@code jdbc:sqlite:FILE}) and PostgreSQL ({@code jdbc:postgresql://HOST[:PORT]/DB}) have their drivers bundled;
 * another JDBC URL works if its driver is on the class path.
 *
 * <p>Every failure reaches the caller as a {@link UserFacingException} that names the URL (with a password parameter
 * masked) and the problem in plain words: server not reachable, login refused, database or table missing, a query
 * that is not allowed.
 */
public final class Databases {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;:]password=)[^&;]*");
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private Databases() {
    }

    /** The databases the workbench knows by name. */
    public enum Kind {
        SQLITE("SQLite"), POSTGRESQL("PostgreSQL"), OTHER("database");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@code SQLite}, {@code PostgreSQL} or {@code database}. */
        public String label() {
            return label;
        }
    }

    public static Kind kind(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) {
            return Kind.SQLITE;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        return Kind.OTHER;
    }

    /** Whether an argument is meant as a JDBC URL rather than a file. */
    public static boolean isJdbcUrl(String text) {
        return text != null && text.strip().regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /** The URL with the value of any {@code password=} parameter replaced by {@code ***}. */
    public static String safeUrl(String url) {
        return url == null ? null : PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    /**
     * Opens a connection.
     *
     * @param readOnly for reading a source: a SQLite file is opened read-only (and must exist); other databases get
     *                 {@link Connection#setReadOnly}, which PostgreSQL turns into read-only transactions
     */
    public static Connection connect(String url, String user, char[] password, boolean readOnly) {
        Kind kind = kind(url);
        try {
            if (kind == Kind.SQLITE) {
                return connectSqlite(url, readOnly);
            }
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", new String(password));
            }
            if (kind == Kind.POSTGRESQL) {
                p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
                p.setProperty("ApplicationName", "Golden Record Workbench");
            }
            Connection c = DriverManager.getConnection(url, p);
            try {
                c.setReadOnly(readOnly);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw failure(url, e);
        }
    }

    private static Connection connectSqlite(String url, boolean readOnly) throws SQLException {
        String rest = url.strip().substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        String path = q >= 0 ? rest.substring(0, q) : rest;
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        boolean memory = path.isEmpty() || path.equals(":memory:") || path.contains("mode=memory");
        if (!memory) {
            Path file = Path.of(path);
            if (readOnly && !Files.isRegularFile(file)) {
                throw new UserFacingException(de.grw.common.Text.of("db.file_missing", safeUrl(url), file));
            }
            Path dir = file.toAbsolutePath().getParent();
            if (!readOnly && dir != null && !Files.isDirectory(dir)) {
                throw new UserFacingException(de.grw.common.Text.of("db.folder_missing", safeUrl(url), dir));
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        Connection c = DriverManager.getConnection(url.strip(), config.toProperties());
        try {
            // opening is lazy: touch the file now, so that a file that is no database fails here, clearly
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** A failure of work on the database at {@code url}, in words for the user. */
    public static UserFacingException failure(String url, SQLException e) {
        return new UserFacingException(safeUrl(url) + ": " + explain(e), e);
    }

    /** What went wrong, in one sentence for the user (without the URL). */
    public static String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        Throwable cause = rootCause(e);
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return "cannot connect to the database server (" + firstLine(cause.getMessage()) + "); is it running, "
                    + "and are host and port right?";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + firstLine(cause.getMessage()) + "; check the host name in the URL";
        }
        if (cause instanceof SocketTimeoutException) {
            return "the database server did not answer in time (" + firstLine(cause.getMessage()) + ")";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the server refused the login: wrong user name or password (" + message + ")";
        }
        if (state.equals("08004") && message.toLowerCase(Locale.ROOT).contains("password")) {
            return "the server wants a password (" + message + "); set the environment variable GRW_DB_PASSWORD or "
                    + "run the command in a terminal to be asked";
        }
        if (state.equals("3D000")) {
            return "the database does not exist (" + message + ")";
        }
        if (state.equals("42P01") || message.contains("no such table")) {
            return "table not found (" + message + ")";
        }
        if (state.equals("42703") || message.contains("no such column")) {
            return "column not found (" + message + ")";
        }
        if (state.equals("42501")) {
            return "permission denied (" + message + ")";
        }
        if (state.equals("25006") || message.contains("SQLITE_READONLY")) {
            return "the query tried to change data, but sources are only read (" + message + ")";
        }
        if (state.equals("42601") || message.contains("syntax error")) {
            return "the SQL is not valid (" + message + ")";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled (" + message + ")";
        }
        if (message.contains("SQLITE_NOTADB")) {
            return "the file is not a SQLite database (" + message + ")";
        }
        if (message.contains("SQLITE_CANTOPEN")) {
            return "the database file cannot be opened (" + message + ")";
        }
        if (message.startsWith("No suitable driver")) {
            return "no database driver for this URL; the workbench brings drivers for SQLite (jdbc:sqlite:FILE) and "
                    + "PostgreSQL (jdbc:postgresql://HOST/DB)";
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl).strip() : m;
    }
}
