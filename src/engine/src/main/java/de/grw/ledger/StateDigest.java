package de.grw.ledger;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The governance state of a store as the ledger seals it: a SHA-256 digest of every governance table (its column
 * names, then every row in a fixed order, every value length-prefixed), and the journal's length and head hash. A
 * row edited, added or removed in any of these tables, or a column added or dropped, changes that table's digest;
 * the journal is sealed by its hash chain, whose head the checkpoint pins.
 *
 * @param tables       digest by table, in {@link #TABLES} order
 * @param journalSize  entries in the journal
 * @param journalHead  the last entry's hash ({@code 0…0} for none)
 */
public record StateDigest(Map<String, String> tables, long journalSize, String journalHead) {
    /**
     * The tables sealed, each with its order: the settings (governance, profile, the ledger's id), accounts and
     * roles, imports, decisions with their full payload, golden records with their members and values, the
     * cannot-links, the access log with its lists of records, and (since schema version 17) the model versions
     * with their activations, and (since schema version 20) the kept comparison-pattern counts training estimates
     * from. Derived data (match runs, clusters, claims, snapshots) and the records themselves
     * (which the database keeps unchangeable) are not sealed. A checkpoint written before a table was sealed does
     * not name it, and the table is not compared with that checkpoint.
     */
    static final List<String[]> TABLES = List.of(
            new String[] {"settings", "key"},
            new String[] {"users", "name"},
            new String[] {"sources", "id"},
            new String[] {"decisions", "id"},
            new String[] {"golden_records", "id"},
            new String[] {"golden_members", null},
            new String[] {"golden_values", null},
            new String[] {"cannot_links", null},
            new String[] {"access_log", "id"},
            new String[] {"access_log_records", "access_id, record_id"},
            new String[] {"models", "version"},
            new String[] {"model_activations", "id"},
            new String[] {"kept_patterns", "id"});

    static final String NONE = "0".repeat(64);

    /**
     * Reads and digests the store's governance state inside the caller's transaction, computed from scratch in the
     * scheme of {@link RowDigestRepository} (the one every checkpoint since schema version 14 names as {@code "digest"}).
     */
    static StateDigest of(Connection c) throws SQLException {
        return RowDigestRepository.scan(c).state(c);
    }

    /**
     * The digests of the first ledger (checkpoints without {@code "digest"}): each table's rows in a fixed order
     * hashed as one stream. Kept to compare the checkpoints of ledgers begun before row digests, and as the way of
     * main before them (the ledger benchmark's "full digest" run).
     */
    static StateDigest ordered(Connection c) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String[] t : TABLES) {
            MessageDigest md = sha256();
            LedgerRepository.eachRow(c, t[0], t[1], values -> {
                md.update((byte) 0x1e);
                for (Object v : values) {
                    put(md, text(v));
                }
            }, columns -> columns.forEach(name -> put(md, name)));
            tables.put(t[0], HexFormat.of().formatHex(md.digest()));
        }
        LedgerRepository.JournalEnd end = LedgerRepository.journalEnd(c);
        return new StateDigest(tables, end.size(), end.head() == null ? NONE : end.head());
    }

    /** A value as text, the same for the same value whatever type the driver returns it as. */
    static String text(Object v) {
        if (v == null) {
            return "\u0000null";
        }
        if (v instanceof byte[] b) {
            return "x" + HexFormat.of().formatHex(b);
        }
        if (v instanceof Double || v instanceof Float) {
            return Double.toString(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return v.toString();
    }

    private static void put(MessageDigest md, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    /** SHA-256 of the UTF-8 text, hex. */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose digests differ from {@code other}'s, in {@link #TABLES} order. */
    List<String> differingTables(StateDigest other) {
        return tables.keySet().stream().filter(t -> !tables.get(t).equals(other.tables.get(t))).toList();
    }
}
