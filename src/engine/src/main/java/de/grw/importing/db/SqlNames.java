package de.grw.importing.db;

import de.grw.common.UserFacingException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Table and column names that come from a user, made safe for SQL: every such name is a quoted identifier (the
 * driver's quote character, quotes inside the name doubled), never pasted into a statement as it was typed. A table
 * is looked up in the database's metadata before it is used, so that a missing one is reported by name.
 */
public final class SqlNames {
    private static final String[] TABLE_TYPES = {"TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE",
        "PARTITIONED TABLE"};

    private SqlNames() {
    }

    /** A table as the database knows it. {@code schema} is {@code null} where the database has none (SQLite). */
    public record TableRef(String schema, String name) {
        /** The quoted, schema-qualified name for a statement. */
        public String sql(String quote) {
            return schema == null ? SqlNames.quote(name, quote) : SqlNames.quote(schema, quote) + "."
                    + SqlNames.quote(name, quote);
        }

        /** {@code public.personen}, or {@code personen} without a schema. */
        public String display() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /** {@code name} as a quoted identifier: {@code "x"; DROP"} becomes {@code "x""; DROP"""}. */
    public static String quote(String name, String quote) {
        if (name.indexOf('\0') >= 0) {
            throw new UserFacingException(de.grw.common.Text.of("db.name_nul", name.replace('\0', '?')));
        }
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** The identifier quote of a connection's database ({@code "} where the driver names none). */
    public static String quoteString(Connection c) throws SQLException {
        String q = c.getMetaData().getIdentifierQuoteString();
        return q == null || q.isBlank() ? "\"" : q.strip();
    }

    /** Every table and view the connection can see, with its schema. */
    public static List<TableRef> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<TableRef> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", TABLE_TYPES)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (schema != null && (schema.equals("pg_catalog") || schema.equals("information_schema"))) {
                    continue;
                }
                out.add(new TableRef(schema == null || schema.isEmpty() ? null : schema, name));
            }
        }
        return out;
    }

    /**
     * Finds the table a user named: exactly as typed, else as {@code schema.table}, else ignoring case (as the
     * database would for an unquoted name); among several of the same name, the one in the connection's current
     * schema.
     *
     * @throws UserFacingException when there is no such table, or the name is ambiguous
     */
    public static TableRef existingTable(Connection c, String url, String userName) throws SQLException {
        TableRef found = find(c, userName);
        if (found == null) {
            List<String> names = tables(c).stream().map(TableRef::display).sorted().toList();
            Object known = names.isEmpty() ? de.grw.common.Text.of("db.no_tables")
                    : de.grw.common.Text.of("db.tables_there", String.join(", ", names.subList(0,
                            Math.min(12, names.size()))) + (names.size() > 12 ? ", ..." : ""));
            throw new UserFacingException(de.grw.common.Text.of("db.table_not_found", Databases.safeUrl(url),
                    display(userName), known));
        }
        return found;
    }

    /**
     * The table a user named as an export target: the existing one if there is one ({@link #find}); otherwise a new
     * name, {@code schema.table} if the part before the first dot is an existing schema, else the whole text as one
     * name, in the connection's current schema.
     */
    public static Target target(Connection c, String userName) throws SQLException {
        TableRef existing = find(c, userName);
        if (existing != null) {
            return new Target(existing, true);
        }
        int dot = userName.indexOf('.');
        if (dot > 0 && dot < userName.length() - 1) {
            String schema = userName.substring(0, dot);
            if (schemas(c).contains(schema)) {
                return new Target(new TableRef(schema, userName.substring(dot + 1)), false);
            }
        }
        String current = null;
        try {
            current = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            // a driver without schemas
        }
        return new Target(new TableRef(current == null || current.isEmpty() ? null : current, userName), false);
    }

    /** An export target table and whether it exists already. */
    public record Target(TableRef table, boolean exists) {
    }

    /** The table a user named, or {@code null}. */
    static TableRef find(Connection c, String userName) throws SQLException {
        List<TableRef> all = tables(c);
        List<TableRef> exact = new ArrayList<>();
        List<TableRef> qualified = new ArrayList<>();
        List<TableRef> folded = new ArrayList<>();
        for (TableRef t : all) {
            if (t.name().equals(userName)) {
                exact.add(t);
            } else if (t.schema() != null && t.display().equals(userName)) {
                qualified.add(t);
            } else if (t.name().equalsIgnoreCase(userName)
                    || (t.schema() != null && t.display().equalsIgnoreCase(userName))) {
                folded.add(t);
            }
        }
        for (List<TableRef> candidates : List.of(exact, qualified, folded)) {
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.size() > 1) {
                return preferCurrentSchema(c, candidates, userName);
            }
        }
        return null;
    }

    private static TableRef preferCurrentSchema(Connection c, List<TableRef> candidates, String userName)
            throws SQLException {
        String current = c.getSchema();
        for (TableRef t : candidates) {
            if (current != null && current.equals(t.schema())) {
                return t;
            }
        }
        throw new UserFacingException(de.grw.common.Text.of("db.name_ambiguous", display(userName),
                String.join(", ", candidates.stream().map(TableRef::display).toList())));
    }

    private static Set<String> schemas(Connection c) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (ResultSet rs = c.getMetaData().getSchemas()) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return out;
    }

    /** A user's name for messages: in quotes, control characters made visible. */
    public static String display(String name) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            sb.append(Character.isISOControl(ch) ? String.format(Locale.ROOT, "\\u%04x", (int) ch) : ch);
        }
        return sb.append('\'').toString();
    }
}
