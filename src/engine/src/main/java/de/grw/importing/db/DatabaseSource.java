package de.grw.importing.db;

import java.util.Arrays;
import java.util.Objects;

/**
 * A table or a read-only query of a database, to be read like a file: where (a JDBC URL), as whom (user and
 * password), what (a table, optionally {@code schema.table}, or one SELECT statement) and how many rows to fetch per
 * round trip. {@link #toString()} never shows the password, and the URL it shows has any {@code password=} parameter
 * masked ({@link Databases#safeUrl}).
 *
 * @param url       JDBC URL, e.g. {@code jdbc:postgresql://localhost/register} or {@code jdbc:sqlite:/data/x.db}
 * @param user      database user, or {@code null} (SQLite, or a user given in the URL)
 * @param password  the user's password, or {@code null}; the caller may wipe it after use
 * @param table     table or view name as the user typed it ({@code personen}, {@code meldewesen.personen}), or
 *                  {@code null} when a query is given
 * @param query     a single SELECT (or WITH ... SELECT) statement, or {@code null} when a table is given
 * @param fetchSize rows fetched per round trip; {@code 0} for {@value #DEFAULT_FETCH_SIZE}
 */
public record DatabaseSource(String url, String user, char[] password, String table, String query, int fetchSize) {
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    public DatabaseSource {
        url = Objects.requireNonNull(url, "url").strip();
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new IllegalArgumentException("not a JDBC URL (it must begin with jdbc:): " + Databases.safeUrl(url));
        }
        user = blankToNull(user);
        table = blankToNull(table);
        query = blankToNull(query);
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("name either a table or a query for " + Databases.safeUrl(url));
        }
        if (fetchSize < 0) {
            throw new IllegalArgumentException("the fetch size must not be negative: " + fetchSize);
        }
        if (fetchSize == 0) {
            fetchSize = DEFAULT_FETCH_SIZE;
        }
    }

    /** A whole table (or view). */
    public static DatabaseSource ofTable(String url, String user, char[] password, String table) {
        return new DatabaseSource(url, user, password, table, null, 0);
    }

    /** The rows of a read-only query. */
    public static DatabaseSource ofQuery(String url, String user, char[] password, String query) {
        return new DatabaseSource(url, user, password, null, query, 0);
    }

    public DatabaseSource withPassword(char[] newPassword) {
        return new DatabaseSource(url, user, newPassword, table, query, fetchSize);
    }

    public DatabaseSource withFetchSize(int newFetchSize) {
        return new DatabaseSource(url, user, password, table, query, newFetchSize);
    }

    /** The kind of database, from the URL. */
    public Databases.Kind kind() {
        return Databases.kind(url);
    }

    /** The URL with a password parameter masked, for messages and logs. */
    public String safeUrl() {
        return Databases.safeUrl(url);
    }

    /** For messages: {@code jdbc:postgresql://localhost/register, table personen} or {@code ..., query}. */
    public String describe() {
        return safeUrl() + (table != null ? ", table " + table : ", query");
    }

    /**
     * The source name a table gets by default: the table name without a schema ({@code meldewesen.personen} gives
     * {@code personen}); {@code null} for a query, which the user must name.
     */
    public String defaultSourceName() {
        if (table == null) {
            return null;
        }
        int dot = table.lastIndexOf('.');
        return dot > 0 && dot < table.length() - 1 ? table.substring(dot + 1) : table;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseSource d && url.equals(d.url) && Objects.equals(user, d.user)
                && Objects.equals(table, d.table) && Objects.equals(query, d.query) && fetchSize == d.fetchSize
                && Arrays.equals(password, d.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, table, query, fetchSize);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "DatabaseSource[url=" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none"
                : "***") + ", " + (table != null ? "table=" + table : "query=" + query) + ", fetchSize=" + fetchSize
                + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
