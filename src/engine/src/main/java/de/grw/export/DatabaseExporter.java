package de.grw.export;

import de.grw.common.UserFacingException;
import de.grw.importing.db.Databases;
import de.grw.importing.db.SqlNames;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports the approved golden records of a workspace into database tables instead of files: the same selection,
 * rights, blocking-notice rules and logging as {@link GoldenExporter} (whose code it shares), written into three
 * tables of a SQLite or PostgreSQL database:
 * <ul>
 * <li>the golden table: {@code golden_id} and one {@code TEXT} column per profile field but the record id;</li>
 * <li>the lineage table: {@code golden_id, field, value, origin, origin_source, origin_record_key,
 * origin_record_id, decision_id};</li>
 * <li>the members table: {@code golden_id, source, record_key, record_id};</li>
 * </ul>
 * each with a last column {@code exported_at} (the export's time, ISO 8601 UTC), which tells appended exports apart.
 *
 * <p>{@link Mode#CREATE} creates the three tables and fails if one exists; {@link Mode#APPEND} adds rows to existing
 * tables and fails, before anything is written or logged, if a column is missing or of an unfit type. All tables are
 * written in <em>one</em> database transaction: either everything arrives or nothing does (a failure in the middle
 * rolls back the tables created and the rows inserted). Every name that comes from the user is a quoted identifier.
 *
 * <p>As with files, the export is logged in the access log and the journal before the database is written: a
 * failed write leaves a logged export without rows, never rows without a log entry. The target is checked first
 * (connection, login, tables, columns), so that the usual mistakes fail before anything is logged.
 */
public final class DatabaseExporter {
    private static final int BATCH = 1_000;
    static final String EXPORTED_AT = "exported_at";

    private final Workspace workspace;

    public DatabaseExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Whether the tables are created or appended to. */
    public enum Mode {
        /** Create the tables; fail if one exists. */
        CREATE,
        /** Append to existing tables whose columns fit; fail if one is missing. */
        APPEND;

        /** {@code create} or {@code append}, any case. */
        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + text + "' (create, append)");
        }
    }

    /**
     * Where to export to. {@link #toString()} does not show the password.
     *
     * @param url            JDBC URL of the target database ({@code jdbc:sqlite:FILE} is created if missing)
     * @param user           database user, or {@code null}
     * @param password       its password, or {@code null}
     * @param table          the golden table, e.g. {@code golden} or {@code auswertung.golden}
     * @param lineageTable   the lineage table, or {@code null} for {@code <table>_lineage}
     * @param membersTable   the members table, or {@code null} for {@code <table>_members}
     * @param mode           create or append
     * @param includeBlocked also export golden records under a blocking notice (right and case reference needed)
     * @param caseRef        case reference for the logs
     */
    public record Target(String url, String user, char[] password, String table, String lineageTable,
                         String membersTable, Mode mode, boolean includeBlocked, String caseRef) {
        public Target {
            Objects.requireNonNull(url, "url");
            if (!Databases.isJdbcUrl(url)) {
                throw new IllegalArgumentException("not a JDBC URL: " + Databases.safeUrl(url));
            }
            if (table == null || table.isEmpty()) {
                throw new IllegalArgumentException("the export needs a table name");
            }
            lineageTable = lineageTable == null || lineageTable.isEmpty() ? table + "_lineage" : lineageTable;
            membersTable = membersTable == null || membersTable.isEmpty() ? table + "_members" : membersTable;
            mode = mode == null ? Mode.CREATE : mode;
            caseRef = caseRef == null ? "" : caseRef.strip();
        }

        @Override
        public String toString() {
            return "Target[url=" + Databases.safeUrl(url) + ", user=" + user + ", table=" + table + ", lineageTable="
                    + lineageTable + ", membersTable=" + membersTable + ", mode=" + mode + ", includeBlocked="
                    + includeBlocked + ", caseRef=" + caseRef + "]";
        }
    }

    /**
     * What an export wrote.
     *
     * @param tables the tables written, as the database names them (golden, lineage, members)
     * @param rows   rows inserted per table, in the same order
     */
    public record Result(int goldenRecords, int records, int blockedLeftOut, int blockedIncluded, List<String> tables,
                         List<Integer> rows) {
        public Result {
            tables = List.copyOf(tables);
            rows = List.copyOf(rows);
        }
    }

    /** A column the export writes: its name and whether it holds a number. */
    private record Column(String name, boolean number) {
    }

    /** A table to write: where, its columns as the table names them, and how each is bound. */
    private record Plan(SqlNames.TableRef table, boolean create, List<Column> columns, List<String> targetNames,
                        boolean[] asText) {
    }

    public Result export(Session session, Target target) {
        GoldenExporter.checkRights(session, target.includeBlocked(), target.caseRef());
        workspace.checkIntegrity();
        List<String> fields = GoldenExporter.fields(workspace);
        List<Column> golden = new ArrayList<>();
        golden.add(new Column("golden_id", false));
        fields.forEach(f -> golden.add(new Column(f, false)));
        golden.add(new Column(EXPORTED_AT, false));
        List<Column> lineage = new ArrayList<>();
        for (String h : GoldenExporter.LINEAGE_HEADER) {
            lineage.add(new Column(h, h.equals("origin_record_id") || h.equals("decision_id")));
        }
        lineage.add(new Column(EXPORTED_AT, false));
        List<Column> members = new ArrayList<>();
        for (String h : GoldenExporter.MEMBERS_HEADER) {
            members.add(new Column(h, h.equals("record_id")));
        }
        members.add(new Column(EXPORTED_AT, false));
        Set<String> names = new HashSet<>(List.of(target.table(), target.lineageTable(), target.membersTable()));
        if (names.size() < 3) {
            throw new UserFacingException("the golden, lineage and members tables need three different names");
        }

        try (Connection c = Databases.connect(target.url(), target.user(), target.password(), false)) {
            c.setAutoCommit(false);
            String quote = SqlNames.quoteString(c);
            List<Plan> plans;
            try {
                plans = List.of(plan(c, target, target.table(), golden), plan(c, target, target.lineageTable(),
                        lineage), plan(c, target, target.membersTable(), members));
                c.rollback();
            } catch (SQLException e) {
                throw Databases.failure(target.url(), e);
            }

            ExportEvent.Target payload = ExportEvent.Target.database(Databases.safeUrl(target.url()),
                    plans.get(0).table().display(), plans.get(1).table().display(), plans.get(2).table().display(),
                    target.mode().name().toLowerCase(Locale.ROOT));
            GoldenExporter.Snapshot snapshot = GoldenExporter.selectAndLog(workspace, session,
                    target.includeBlocked(), target.caseRef(), "to database table " + plans.get(0).table().display()
                            + " (" + Databases.safeUrl(target.url()) + ")", payload);
            GoldenExporter.Tables t = GoldenExporter.tables(fields, snapshot.exported());
            String exportedAt = workspace.now().toString();
            List<Integer> counts = new ArrayList<>();
            try {
                for (Plan p : plans) {
                    if (p.create()) {
                        create(c, quote, p);
                    }
                }
                counts.add(insert(c, quote, plans.get(0), t.goldenRows(), exportedAt));
                counts.add(insert(c, quote, plans.get(1), t.lineageRows(), exportedAt));
                counts.add(insert(c, quote, plans.get(2), t.memberRows(), exportedAt));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                String why = e instanceof SQLException sql ? Databases.explain(sql) : e.getMessage();
                throw new UserFacingException(Databases.safeUrl(target.url()) + ": the export into the database "
                        + "failed and was rolled back, nothing was written (" + why + "); the export was logged, "
                        + "repeat it once the problem is solved", e);
            }
            return new Result(snapshot.exported().size(), snapshot.records(), snapshot.leftOut(),
                    snapshot.blockedIncluded(), plans.stream().map(p -> p.table().display()).toList(), counts);
        } catch (SQLException e) {
            throw Databases.failure(target.url(), e);
        }
    }

    /** Resolves a target table and checks it against the mode, before anything is logged or written. */
    private static Plan plan(Connection c, Target target, String userName, List<Column> columns) throws SQLException {
        SqlNames.Target t = SqlNames.target(c, userName);
        String url = Databases.safeUrl(target.url());
        List<String> names = columns.stream().map(Column::name).toList();
        boolean[] asText = new boolean[columns.size()];
        if (target.mode() == Mode.CREATE) {
            if (t.exists()) {
                throw new UserFacingException(url + ": table " + SqlNames.display(t.table().display())
                        + " exists already; append to it with --mode append, or name another table");
            }
            for (int i = 0; i < columns.size(); i++) {
                asText[i] = !columns.get(i).number();
            }
            return new Plan(t.table(), true, columns, names, asText);
        }
        if (!t.exists()) {
            throw new UserFacingException(url + ": table " + SqlNames.display(userName) + " does not exist; create "
                    + "it with --mode create");
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + t.table().sql(SqlNames.quoteString(c)) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.put(meta.getColumnName(i), meta.getColumnType(i));
                typeNames.put(meta.getColumnName(i), meta.getColumnTypeName(i));
            }
        }
        boolean sqlite = Databases.kind(target.url()) == Databases.Kind.SQLITE;
        List<String> targetNames = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            String found = types.containsKey(col.name()) ? col.name() : types.keySet().stream()
                    .filter(n -> n.equalsIgnoreCase(col.name())).findFirst().orElse(null);
            if (found == null) {
                missing.add(col.name());
                continue;
            }
            targetNames.add(found);
            int type = types.get(found);
            boolean text = isText(type);
            asText[i] = text || sqlite || !col.number();
            if (!sqlite && !(text || (col.number() && isInteger(type)))) {
                unfit.add(found + " (" + typeNames.get(found) + ", needs " + (col.number() ? "an integer or text"
                        : "text") + ")");
            }
        }
        if (!missing.isEmpty() || !unfit.isEmpty()) {
            throw new UserFacingException(url + ": the columns of table " + SqlNames.display(t.table().display())
                    + " do not fit the export" + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unfit.isEmpty() ? "" : "; of an unfit type: " + String.join(", ", unfit))
                    + "; export with --mode create into a new table instead");
        }
        return new Plan(t.table(), false, columns, targetNames, asText);
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.NVARCHAR
                || type == Types.NCHAR || type == Types.LONGNVARCHAR || type == Types.CLOB || type == Types.NCLOB;
    }

    private static boolean isInteger(int type) {
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.NUMERIC || type == Types.DECIMAL;
    }

    private static void create(Connection c, String quote, Plan p) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(p.table().sql(quote)).append(" (");
        for (int i = 0; i < p.columns().size(); i++) {
            Column col = p.columns().get(i);
            sql.append(i == 0 ? "" : ", ").append(SqlNames.quote(col.name(), quote))
                    .append(col.number() ? " BIGINT" : " TEXT");
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql.append(')').toString());
        }
    }

    private static int insert(Connection c, String quote, Plan p, List<List<Object>> rows, String exportedAt)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(p.table().sql(quote)).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < p.targetNames().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(SqlNames.quote(p.targetNames().get(i), quote));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        int n = p.columns().size();
        int pending = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (List<Object> row : rows) {
                for (int i = 0; i < n; i++) {
                    Object v = i == n - 1 ? exportedAt : row.get(i);
                    if (v == null) {
                        ps.setNull(i + 1, p.asText()[i] ? Types.VARCHAR : Types.BIGINT);
                    } else if (p.asText()[i]) {
                        ps.setString(i + 1, v.toString());
                    } else {
                        ps.setLong(i + 1, ((Number) v).longValue());
                    }
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return rows.size();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // closing the connection without a commit discards the work as well
        }
    }
}
