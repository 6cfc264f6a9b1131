package de.grw.importing.db;

/**
 * A saved database connection: everything needed to read a source again except the password, which is never
 * saved. A {@code password=} parameter in the URL is removed before saving.
 *
 * @param url   JDBC URL (without a password)
 * @param user  database user, or {@code null}
 * @param table table name, or {@code null}
 * @param query query, or {@code null}
 */
public record ConnectionSettings(String url, String user, String table, String query) {
    public ConnectionSettings {
        if (url == null || !Databases.isJdbcUrl(url)) {
            throw new IllegalArgumentException("not a JDBC URL: " + Databases.safeUrl(url));
        }
        url = ConnectionStore.withoutPassword(url.strip());
        user = blankToNull(user);
        table = blankToNull(table);
        query = blankToNull(query);
    }

    /** The settings of a source, without its password. */
    public static ConnectionSettings of(DatabaseSource source) {
        return new ConnectionSettings(source.url(), source.user(), source.table(), source.query());
    }

    /** A source to read with these settings and a password given now. */
    public DatabaseSource toSource(char[] password) {
        return new DatabaseSource(url, user, password, table, query, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
