package de.grw.importing.db;

import de.grw.common.CancellationToken;
import de.grw.common.CancelledException;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.read.DetectedFormat;
import de.grw.importing.read.HeaderNames;
import de.grw.importing.read.ReadOptions;
import de.grw.importing.read.PreviewSink;
import de.grw.importing.read.RowSink;
import de.grw.importing.read.TablePreview;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a database table or query result into a {@link RowSink}, like {@link de.grw.importing.read.TabularReader}
 * reads a file: the header is the result's column labels, every row a row of text cells. Stateless and thread-safe.
 *
 * <p>Large tables are streamed, never loaded whole: rows are fetched {@link DatabaseSource#fetchSize()} at a time
 * (PostgreSQL: a server-side cursor in a read-only transaction with auto-commit off; SQLite steps through its
 * result). The connection is read-only; a query must be a single SELECT ({@link QueryCheck}).
 *
 * <p>Cells as text: numbers as written without a spurious {@code .0} ({@code 12.0} is {@code 12}; a
 * {@code NUMERIC(10,2)} keeps {@code 12.50}), dates and times in ISO 8601, booleans as {@code true}/{@code false},
 * SQL NULL as {@code null}, other types in the database's text form. A column of binary data cannot be read as text:
 * it is reported once ({@link RowSink#unreadable} with row 0) and its cells are {@code null}; a single value that the
 * driver cannot convert is reported for its row and column, and the row is kept. A cell longer than
 * {@link ReadOptions#DEFAULT_MAX_FIELD_CHARS} characters rejects its row, as in files.
 *
 * <p>Failures (server down, login refused, missing table, a forbidden query) are {@link UserFacingException}s that
 * name the URL (password masked) and the problem. Progress goes to phase {@value #PHASE}, in rows (total unknown).
 */
public final class DatabaseReader {
    public static final String PHASE = "read";
    private static final int CANCEL_EVERY = 256;
    private static final int PROGRESS_EVERY = 8192;
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final int maxFieldChars;

    public DatabaseReader() {
        this(ReadOptions.DEFAULT_MAX_FIELD_CHARS);
    }

    public DatabaseReader(int maxFieldChars) {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be positive: " + maxFieldChars);
        }
        this.maxFieldChars = maxFieldChars;
    }

    /**
     * Reads every row: {@link RowSink#header} once, then each row as {@link RowSink#row} (or {@link RowSink#rejected}
     * when a cell is too long), in the order the database returns them (a table: its natural order; a query: its
     * {@code ORDER BY}).
     *
     * @return what was read, e.g. {@code PostgreSQL table public.personen}
     */
    public DetectedFormat read(DatabaseSource source, RowSink sink, CancellationToken cancel,
                               ProgressListener progress) {
        return run(source, sink, 0, cancel == null ? CancellationToken.NONE : cancel,
                progress == null ? ProgressListener.NONE : progress);
    }

    /** The header and the first {@code maxRows} rows, for an import preview and a quality profile of the columns. */
    public TablePreview preview(DatabaseSource source, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        PreviewSink sink = new PreviewSink(maxRows);
        DetectedFormat format = run(source, sink, maxRows + 1, CancellationToken.NONE, ProgressListener.NONE);
        return sink.preview(format);
    }

    /**
     * Connects and checks that the table exists (or the query is allowed and runs), without reading rows; for a
     * "test connection" button.
     */
    public DetectedFormat check(DatabaseSource source) {
        return preview(source, 0).format();
    }

    /** The tables and views the user can read ({@code schema.table} where there are schemas), sorted. */
    public List<String> tables(String url, String user, char[] password) {
        try (Connection c = Databases.connect(url, user, password, true)) {
            return SqlNames.tables(c).stream().map(SqlNames.TableRef::display).sorted().toList();
        } catch (SQLException e) {
            throw Databases.failure(url, e);
        }
    }

    private DetectedFormat run(DatabaseSource source, RowSink sink, int maxRows, CancellationToken cancel,
                               ProgressListener progress) {
        Databases.Kind kind = source.kind();
        String sql;
        String origin;
        cancel.throwIfCancelled();
        try (Connection c = Databases.connect(source.url(), source.user(), source.password(), true)) {
            if (source.table() != null) {
                SqlNames.TableRef table = SqlNames.existingTable(c, source.url(), source.table());
                sql = "SELECT * FROM " + table.sql(SqlNames.quoteString(c));
                origin = kind.label() + " table " + table.display();
            } else {
                sql = QueryCheck.singleSelect(source.query(), kind);
                origin = kind.label() + " query";
            }
            c.setAutoCommit(false); // PostgreSQL fetches with a cursor only inside a transaction
            try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(source.fetchSize());
                if (maxRows > 0) {
                    st.setMaxRows(maxRows);
                }
                try (ResultSet rs = st.executeQuery(sql)) {
                    stream(rs, kind, sink, cancel, progress);
                } catch (PreviewSink.Full enough) {
                    // the preview has its rows
                }
            } finally {
                rollbackQuietly(c);
            }
            return DetectedFormat.database(origin);
        } catch (SQLException e) {
            throw Databases.failure(source.url(), e);
        }
    }

    private void stream(ResultSet rs, Databases.Kind kind, RowSink sink, CancellationToken cancel,
                        ProgressListener progress) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            labels.add(meta.getColumnLabel(i));
        }
        HeaderNames.Names names = HeaderNames.of(labels, false);
        List<String> header = names.names();
        sink.header(header);
        names.report(0, sink);
        CellReader[] readers = new CellReader[n];
        for (int i = 0; i < n; i++) {
            readers[i] = cellReader(meta, i + 1, kind);
            if (readers[i] == null) {
                sink.unreadable(0, 0, i, de.grw.common.Text.of("import.db_binary_column", header.get(i),
                        meta.getColumnTypeName(i + 1)));
            }
        }
        long row = 0;
        progress.progress(PHASE, 0, -1);
        while (rs.next()) {
            row++;
            String[] cells = new String[n];
            int tooLong = -1;
            for (int i = 0; i < n; i++) {
                if (readers[i] == null) {
                    continue;
                }
                String cell;
                try {
                    cell = readers[i].read(rs, i + 1);
                } catch (SQLException | RuntimeException e) {
                    cell = null;
                    sink.unreadable(row, row, i, de.grw.common.Text.of("import.db_unreadable_value", header.get(i),
                            meta.getColumnTypeName(i + 1), Databases.firstLine(e.getMessage())));
                }
                if (cell != null && cell.length() > maxFieldChars && tooLong < 0) {
                    tooLong = i;
                }
                cells[i] = cell;
            }
            if (tooLong >= 0) {
                sink.rejected(row, row, de.grw.common.Text.of("import.db_too_long", header.get(tooLong),
                        String.format(Locale.ROOT, "%,d", maxFieldChars)), raw(cells));
            } else {
                sink.row(row, row, cells);
            }
            if (row % CANCEL_EVERY == 0) {
                if (cancel.isCancelled()) {
                    rs.getStatement().cancel();
                    throw new CancelledException();
                }
                if (row % PROGRESS_EVERY == 0) {
                    progress.progress(PHASE, row, -1);
                }
            }
        }
        progress.progress(PHASE, row, row);
    }

    /** The beginning of a rejected row, for the reject file. */
    private static String raw(String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(c == null ? "" : c.length() > 100 ? c.substring(0, 100) + "..." : c);
            if (sb.length() > 1000) {
                return sb.substring(0, 1000);
            }
        }
        return sb.toString();
    }

    /** Reads one cell of the current row as text ({@code null} for SQL NULL). */
    @FunctionalInterface
    private interface CellReader {
        String read(ResultSet rs, int column) throws SQLException;
    }

    /** How a column is read; {@code null} for a column that cannot be read as text at all (binary data). */
    private static CellReader cellReader(ResultSetMetaData meta, int column, Databases.Kind kind)
            throws SQLException {
        int type = meta.getColumnType(column);
        if (kind == Databases.Kind.SQLITE) {
            String declared = meta.getColumnTypeName(column);
            if (declared != null && declared.toUpperCase(Locale.ROOT).contains("BLOB")) {
                return null;
            }
            return DatabaseReader::sqliteCell; // dynamic typing: each value has its own storage class
        }
        String typeName = meta.getColumnTypeName(column);
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return null;
            case Types.BOOLEAN:
                return DatabaseReader::booleanCell;
            case Types.BIT:
                return "bool".equalsIgnoreCase(typeName) || "boolean".equalsIgnoreCase(typeName)
                        ? DatabaseReader::booleanCell : DatabaseReader::textCell;
            case Types.REAL:
                return DatabaseReader::realCell;
            case Types.FLOAT, Types.DOUBLE:
                return DatabaseReader::doubleCell;
            case Types.NUMERIC, Types.DECIMAL:
                return DatabaseReader::decimalCell;
            case Types.DATE:
                return DatabaseReader::dateCell;
            case Types.TIME:
                return (rs, i) -> orText(rs, i, () -> {
                    LocalTime t = rs.getObject(i, LocalTime.class);
                    return t == null ? null : t.toString();
                });
            case Types.TIME_WITH_TIMEZONE:
                return (rs, i) -> orText(rs, i, () -> {
                    OffsetTime t = rs.getObject(i, OffsetTime.class);
                    return t == null ? null : t.toString();
                });
            case Types.TIMESTAMP:
                if (!"timestamptz".equalsIgnoreCase(typeName)) {
                    return DatabaseReader::timestampCell;
                }
                // PostgreSQL reports timestamptz as TIMESTAMP
                return (rs, i) -> orText(rs, i, () -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
                });
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return (rs, i) -> orText(rs, i, () -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
                });
            default:
                // text, integers (their text form is plain), and everything with a text form in the database
                return DatabaseReader::textCell;
        }
    }

    private static String textCell(ResultSet rs, int i) throws SQLException {
        return rs.getString(i);
    }

    private static String booleanCell(ResultSet rs, int i) throws SQLException {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : Boolean.toString(b);
    }

    private static String realCell(ResultSet rs, int i) throws SQLException {
        float f = rs.getFloat(i);
        return rs.wasNull() ? null : number(Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null,
                Float.toString(f));
    }

    private static String doubleCell(ResultSet rs, int i) throws SQLException {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : number(Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null,
                Double.toString(d));
    }

    private static String decimalCell(ResultSet rs, int i) throws SQLException {
        return orText(rs, i, () -> {
            BigDecimal d = rs.getBigDecimal(i);
            if (d == null) {
                return null;
            }
            // an integral value without its zeros (12.00 -> 12); a fraction as stored (12.50)
            return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString()
                    : d.toPlainString();
        });
    }

    private static String dateCell(ResultSet rs, int i) throws SQLException {
        return orText(rs, i, () -> {
            LocalDate d = rs.getObject(i, LocalDate.class);
            if (d == null) {
                return null;
            }
            return d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : d.toString();
        });
    }

    private static String timestampCell(ResultSet rs, int i) throws SQLException {
        return orText(rs, i, () -> {
            LocalDateTime t = rs.getObject(i, LocalDateTime.class);
            if (t == null) {
                return null;
            }
            return t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity"
                    : LOCAL_DATE_TIME.format(t);
        });
    }

    /** SQLite: by the value's storage class (INTEGER, REAL, TEXT, BLOB, NULL). */
    private static String sqliteCell(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Double d) {
            return number(Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null, d.toString());
        }
        if (v instanceof byte[]) {
            throw new SQLException("binary data (BLOB)");
        }
        return v.toString(); // Integer, Long
    }

    /** A floating-point number without a spurious {@code .0} and without an exponent. */
    private static String number(BigDecimal value, String fallback) {
        if (value == null) {
            return fallback;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    @FunctionalInterface
    private interface TypedRead {
        String read() throws SQLException;
    }

    /** A typed read, or the driver's text form of the value where the typed read fails (e.g. NUMERIC 'NaN'). */
    private static String orText(ResultSet rs, int i, TypedRead typed) throws SQLException {
        try {
            return typed.read();
        } catch (SQLException | RuntimeException e) {
            return rs.getString(i);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection closes next; nothing was written
        }
    }
}
