package de.grw.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The digests of the sealed tables, kept row by row so that a write re-hashes only the rows it changed (scheme
 * {@value #SCHEME}).
 * <p>
 * A row's hash is SHA-256 over its values (each length-prefixed, as {@link StateDigest} writes them), on SQLite
 * preceded by its rowid (the order golden values were stored in is their rowid, so a reordering is a change). The
 * rows of a table fall into 256 buckets by the first byte of their hash; a bucket's digest is SHA-256 over its
 * row hashes in sorted order (duplicates kept), and the table's digest SHA-256 over its column names and every
 * non-empty bucket's number, size and digest. So the digest depends only on the table's columns and the multiset
 * of its rows (with their rowids on SQLite): the same whether it was computed from scratch ({@link #scan}, as
 * {@code verify} does) or kept up to date ({@link #apply}), and any row edited, added, removed or moved changes it
 * (SHA-256's collision resistance; no homomorphic sum that a chosen set of rows could cancel).
 * <p>
 * Which rows a write changed, the store says: the triggers of schema version 14 write the rowid (SQLite) or
 * {@code ctid} (PostgreSQL) of every row inserted, updated or deleted in a sealed table into
 * {@code ledger_changes}, which {@link #apply} reads and empties. The log itself is not trusted: a row it names is
 * re-read as it is, a row it does not name keeps its hash, so a trigger dropped or a row changed past the
 * workbench can never bring a change into the digest that the workbench did not make; the ledger's check at the
 * start of a write compares the digest computed from scratch (on SQLite after another connection wrote the store,
 * and in {@code verify}) or, on PostgreSQL, brought up to date by {@link #reconcile} with every row whose version
 * changed since, whatever wrote it.
 */
final class RowDigestRepository {
    /** The name of this scheme in a checkpoint ({@code "digest"}); checkpoints without it hold ordered digests. */
    static final String SCHEME = "rows-v2";
    static final int BUCKETS = 256;

    private final boolean sqlite;
    private final Map<String, DigestTable> tables = new LinkedHashMap<>();
    /** The keyed row hashes kept beside the digests ({@link RowKeys}), or null when none are kept. */
    private final RowKeys keys;

    private RowDigestRepository(boolean sqlite, RowKeys keys) {
        this.sqlite = sqlite;
        this.keys = keys;
    }

    /** Reads every row of every sealed table and computes the digests from scratch. */
    static RowDigestRepository scan(Connection c) throws SQLException {
        return scan(c, null);
    }

    /**
     * Reads every row of every sealed table and computes the digests from scratch, and with {@code keys} (not
     * null) each row's key and keyed hash.
     */
    static RowDigestRepository scan(Connection c, RowKeys keys) throws SQLException {
        RowDigestRepository d = new RowDigestRepository(isSqlite(c), keys);
        for (String[] t : StateDigest.TABLES) {
            DigestTable table = new DigestTable(t[0], d.header(c, t[0]));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + d.ref() + ", * FROM " + t[0]);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long key = d.key(rs.getString(1));
                    table.rows.put(key, d.hash(rs));
                    d.keep(table, key, rs);
                    if (!d.sqlite) {
                        table.xmins.put(key, rs.getLong(2));
                    }
                }
            }
            table.touched.clear();
            table.rows.values().forEach(table::addUnsorted);
            table.sortAll();
            d.tables.put(t[0], table);
        }
        return d;
    }

    private static boolean isSqlite(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
    }

    /**
     * The columns read before a row's values: its place (SQLite's rowid; PostgreSQL's ctid and the id of the
     * transaction that wrote this version of the row, {@code xmin}).
     */
    private String ref() {
        return sqlite ? "rowid" : "ctid::text, xmin::text::bigint";
    }

    /** The first column of a row's values after {@link #ref}. */
    private int firstValue() {
        return sqlite ? 2 : 3;
    }

    /** A row's place: SQLite's rowid, or PostgreSQL's ctid {@code (block,offset)} as one number. */
    private long key(String ref) {
        if (sqlite) {
            return Long.parseLong(ref);
        }
        String s = ref.substring(1, ref.length() - 1);
        int comma = s.indexOf(',');
        return (Long.parseLong(s.substring(0, comma)) << 16) | Long.parseLong(s.substring(comma + 1));
    }

    private byte[] header(Connection c, String table) throws SQLException {
        MessageDigest md = StateDigest.sha256();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                put(md, meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return md.digest();
    }

    /** With keys: keeps the key and keyed hash of the row under the cursor, at its place. */
    private void keep(DigestTable table, long place, ResultSet rs) throws SQLException {
        if (keys == null) {
            return;
        }
        int columns = rs.getMetaData().getColumnCount();
        if (table.keyAt == null) {
            List<String> names = new ArrayList<>();
            for (int i = firstValue(); i <= columns; i++) {
                names.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
            table.keyAt = RowKeys.keyPositions(table.name, names);
        }
        List<Object> values = new ArrayList<>(columns);
        for (int i = firstValue(); i <= columns; i++) {
            values.add(rs.getObject(i));
        }
        RowKeys.Keyed k = keys.of(table.name, values, table.keyAt);
        table.keyedAt.put(place, k);
        table.keyed.computeIfAbsent(k.key(), x -> new ArrayList<>(1)).add(k.hash());
        table.touched.add(k.key());
    }

    /** With keys: forgets the key and keyed hash of the row that was at {@code place}. */
    private void forget(DigestTable table, long place) {
        if (keys == null) {
            return;
        }
        RowKeys.Keyed was = table.keyedAt.remove(place);
        if (was == null) {
            return;
        }
        table.touched.add(was.key());
        List<byte[]> hashes = table.keyed.get(was.key());
        if (hashes != null) {
            for (int i = 0; i < hashes.size(); i++) {
                if (Arrays.equals(hashes.get(i), was.hash())) {
                    hashes.remove(i);
                    break;
                }
            }
            if (hashes.isEmpty()) {
                table.keyed.remove(was.key());
            }
        }
    }

    /** The hash of the row under the cursor (column 1 its place, the table's columns after it). */
    private byte[] hash(ResultSet rs) throws SQLException {
        MessageDigest md = StateDigest.sha256();
        int columns = rs.getMetaData().getColumnCount();
        if (sqlite) {
            put(md, rs.getString(1));
        }
        for (int i = firstValue(); i <= columns; i++) {
            put(md, StateDigest.text(rs.getObject(i)));
        }
        return md.digest();
    }

    private static void put(MessageDigest md, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    /**
     * Brings the digests up to date with the rows this transaction changed (as the change log names them) and
     * empties the change log.
     */
    void apply(Connection c) throws SQLException {
        Map<String, Set<String>> changed = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tbl, row_ref FROM ledger_changes")) {
            while (rs.next()) {
                changed.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
        clearChanges(c);
        for (Map.Entry<String, Set<String>> e : changed.entrySet()) {
            DigestTable table = tables.get(e.getKey());
            if (table == null) {
                continue; // not a sealed table: nothing of it is in the digest
            }
            String where = sqlite ? "rowid = ?" : "ctid = ?::tid";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ref() + ", * FROM " + e.getKey()
                    + " WHERE " + where)) {
                for (String ref : e.getValue()) {
                    rehash(ps, table, ref);
                }
            }
        }
    }

    /** Reads the row at {@code ref} again (with {@code ps}, the table's select by place) and hashes it. */
    private void rehash(PreparedStatement ps, DigestTable table, String ref) throws SQLException {
        long key = key(ref);
        byte[] old = table.rows.remove(key);
        table.xmins.remove(key);
        forget(table, key);
        if (old != null) {
            table.remove(old);
        }
        if (sqlite) {
            ps.setLong(1, key);
        } else {
            ps.setString(1, ref);
        }
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                byte[] h = hash(rs);
                table.rows.put(key, h);
                table.add(h);
                keep(table, key, rs);
                if (!sqlite) {
                    table.xmins.put(key, rs.getLong(2));
                }
            }
        }
    }

    /** What {@link #reconcile} found: rows re-read, or that a table's columns changed (a full scan is needed). */
    record Reconciled(boolean columnsChanged, long rowsRead, long rowsChanged) {
    }

    /**
     * PostgreSQL only: brings the digests up to date with every row changed in the store since they were last
     * computed, by whatever means, without trusting the change log. Every version of a row PostgreSQL writes gets a
     * new place or the id of the transaction that wrote it ({@code ctid}, {@code xmin}: an {@code UPDATE} writes a
     * new version, with the writing transaction's id, even with the same values; a row deleted has no place any
     * more), so reading every sealed row's place and {@code xmin} (not its values) finds each row inserted, updated
     * or deleted since, and only those are read and hashed again. A row's values cannot change without a new
     * version except by editing the database's files under the server (out of this ledger's reach, like any
     * store edited by the key's holder). Freezing by {@code VACUUM} (which shows {@code xmin} as 2) and rewrites
     * ({@code VACUUM FULL}, {@code CLUSTER}) look like changes and are read again: the same values hash the same.
     * A table whose columns changed is reported, not reconciled (the caller scans from scratch).
     */
    Reconciled reconcile(Connection c) throws SQLException {
        if (sqlite) {
            throw new IllegalStateException("SQLite keeps no row versions: scan instead");
        }
        Map<String, byte[]> headers = headers(c);
        for (String[] t : StateDigest.TABLES) {
            DigestTable table = tables.get(t[0]);
            if (table == null || !Arrays.equals(table.header, headers.get(t[0]))) {
                return new Reconciled(true, 0, 0);
            }
        }
        // every sealed row's place and version in one statement: one round trip, whatever the number of tables
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < StateDigest.TABLES.size(); i++) {
            q.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(", ctid::text, xmin::text::bigint FROM ").append(StateDigest.TABLES.get(i)[0]);
        }
        List<List<String>> stale = new ArrayList<>();
        List<Set<Long>> seen = new ArrayList<>();
        for (String[] t : StateDigest.TABLES) {
            stale.add(new ArrayList<>());
            seen.add(new java.util.HashSet<>(tables.get(t[0]).rows.size() * 2));
        }
        long read = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q.toString())) {
            while (rs.next()) {
                read++;
                int i = rs.getInt(1);
                String ref = rs.getString(2);
                long key = key(ref);
                seen.get(i).add(key);
                Long xmin = tables.get(StateDigest.TABLES.get(i)[0]).xmins.get(key);
                if (xmin == null || xmin != rs.getLong(3)) {
                    stale.get(i).add(ref);
                }
            }
        }
        long changed = 0;
        for (int i = 0; i < StateDigest.TABLES.size(); i++) {
            String name = StateDigest.TABLES.get(i)[0];
            DigestTable table = tables.get(name);
            Set<Long> present = seen.get(i);
            for (Long key : new ArrayList<>(table.rows.keySet())) {
                if (!present.contains(key)) {
                    table.xmins.remove(key);
                    forget(table, key);
                    table.remove(table.rows.remove(key));
                    changed++;
                }
            }
            if (!stale.get(i).isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ref() + ", * FROM " + name
                        + " WHERE ctid = ?::tid")) {
                    for (String ref : stale.get(i)) {
                        rehash(ps, table, ref);
                        changed++;
                    }
                }
            }
        }
        return new Reconciled(false, read, changed);
    }

    /**
     * PostgreSQL: each sealed table's header (as {@link #header} computes it: its column names in order) from the
     * catalogue, in one statement.
     */
    private static Map<String, byte[]> headers(Connection c) throws SQLException {
        Map<String, MessageDigest> mds = new LinkedHashMap<>();
        StringBuilder in = new StringBuilder();
        for (String[] t : StateDigest.TABLES) {
            mds.put(t[0], StateDigest.sha256());
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(t[0]).append('\'');
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT k.relname, a.attname "
                + "FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid WHERE k.relnamespace = "
                + "current_schema()::regnamespace AND k.relname IN (" + in + ") AND a.attnum > 0 AND NOT "
                + "a.attisdropped ORDER BY k.relname, a.attnum")) {
            while (rs.next()) {
                put(mds.get(rs.getString(1)), rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, byte[]> out = new HashMap<>();
        mds.forEach((t, md) -> out.put(t, md.digest()));
        return out;
    }

    /** Whether these digests can be brought up to date by {@link #reconcile} (PostgreSQL). */
    boolean reconcilable() {
        return !sqlite;
    }

    /** Empties the change log (after a scan, which covers every row anyway). */
    static void clearChanges(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ledger_changes");
        }
    }

    /** Whether keyed row hashes are kept ({@link RowKeys}). */
    boolean keyed() {
        return keys != null;
    }

    /**
     * The keyed row hashes for a checkpoint, by table and row key ({@link RowKeys#value}: "" for a key without
     * rows): every row ({@code all}) or the keys changed since the last call (or the scan); then forgets the
     * changes. Tables without a row in the result are left out.
     */
    Map<String, Map<String, String>> rowKeys(boolean all) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (DigestTable t : tables.values()) {
            Map<String, String> rows = new java.util.TreeMap<>();
            for (String key : all ? t.keyed.keySet() : t.touched) {
                rows.put(key, RowKeys.value(t.keyed.get(key)));
            }
            t.touched.clear();
            if (!rows.isEmpty()) {
                out.put(t.name, rows);
            }
        }
        return out;
    }

    /** The keyed row hashes of one table by key, as {@link #rowKeys} gives them (every row). */
    Map<String, String> rowKeys(String table) {
        Map<String, String> out = new HashMap<>();
        DigestTable t = tables.get(table);
        t.keyed.forEach((k, v) -> out.put(k, RowKeys.value(v)));
        return out;
    }

    /** The digest of each sealed table, in {@link StateDigest#TABLES} order. */
    Map<String, String> digests() {
        Map<String, String> out = new LinkedHashMap<>();
        tables.forEach((name, t) -> out.put(name, t.digest()));
        return out;
    }

    /** The state: these digests with the journal's end. */
    StateDigest state(Connection c) throws SQLException {
        LedgerRepository.JournalEnd end = LedgerRepository.journalEnd(c);
        return new StateDigest(digests(), end.size(), end.head() == null ? StateDigest.NONE : end.head());
    }

    /**
     * The sealed tables whose change-log trigger is missing or disabled (a write to them would not be logged, so
     * the ledger could not keep their digests row by row).
     */
    static List<String> tablesWithoutTriggers(Connection c) throws SQLException {
        boolean sqlite = isSqlite(c);
        String q = sqlite
                ? "SELECT tbl_name, COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ledger\\_%' "
                + "ESCAPE '\\' GROUP BY tbl_name"
                : "SELECT k.relname, COUNT(*) FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid "
                + "WHERE k.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal "
                + "AND t.tgname LIKE 'ledger\\_%' AND t.tgenabled <> 'D' GROUP BY k.relname";
        Map<String, Long> present = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
            while (rs.next()) {
                present.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        long expected = sqlite ? 3 : 1;
        List<String> missing = new ArrayList<>();
        for (String[] t : StateDigest.TABLES) {
            if (present.getOrDefault(t[0], 0L) < expected) {
                missing.add(t[0]);
            }
        }
        return missing;
    }
}
