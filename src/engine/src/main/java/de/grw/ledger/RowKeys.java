package de.grw.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed row hashes: what the ledger's checkpoints keep of each sealed row so that {@code verify} can name the row
 * an edit past the workbench changed, deleted or inserted, without a personal value in the anchor.
 * <p>
 * A row is named by its key (the primary key, or for the three tables without one the columns that tell their rows
 * apart: {@link #KEY_COLUMNS}); ids, field names, account names and setting names, never a person's values. Its
 * hash is HMAC-SHA-256 under a key derived from the ledger's private key ({@link LedgerKey#rowKey}), over the
 * table's name and every value of the row (as {@link StateDigest#text} writes it, each length-prefixed), cut to 128
 * bits. Without the key nobody can test a guessed birth date or name against the anchor (a plain hash of a row
 * would let anyone try all birth dates of a postcode); whoever holds the key can, as they can sign any state (README
 * "What it cannot prove"). A key whose rows are several (no primary key, the same key twice) keeps their hashes
 * sorted and joined by commas. An erasure of a person through the workbench changes rows like any write and is
 * sealed like one: the anchor keeps the key and a keyed hash of the row that was, not its values.
 */
final class RowKeys {
    /** The name of this scheme in a checkpoint's {@code "row_keys"}. */
    static final String SCHEME = "hmac-sha256-128-v1";
    /** The columns naming a row of each sealed table (its primary key, where it has one). */
    static final Map<String, List<String>> KEY_COLUMNS = Map.ofEntries(
            Map.entry("settings", List.of("key")),
            Map.entry("users", List.of("name")),
            Map.entry("sources", List.of("id")),
            Map.entry("decisions", List.of("id")),
            Map.entry("golden_records", List.of("id")),
            Map.entry("golden_members", List.of("golden_id", "record_id", "added_by")),
            Map.entry("golden_values", List.of("golden_id", "field", "decision_id")),
            Map.entry("cannot_links", List.of("record_a", "record_b", "decision_id")),
            Map.entry("access_log", List.of("id")),
            Map.entry("access_log_records", List.of("access_id", "record_id")),
            Map.entry("models", List.of("version")),
            Map.entry("model_activations", List.of("id")),
            Map.entry("kept_patterns", List.of("id")));
    private static final int BYTES = 16;

    private final Mac mac;

    RowKeys(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row: its key as text ({@code id=12}, {@code golden_id=G-1, field=name, decision_id=3}) and keyed hash. */
    record Keyed(String key, byte[] hash) {
    }

    /**
     * The positions of a table's key columns among {@code columns} (lower-case names, in the row's order; 0-based).
     */
    static int[] keyPositions(String table, List<String> columns) {
        List<String> names = KEY_COLUMNS.get(table);
        int[] at = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            at[k] = columns.indexOf(names.get(k));
            if (at[k] < 0) {
                throw new IllegalStateException("table " + table + " has no column " + names.get(k));
            }
        }
        return at;
    }

    /** The keyed hash and key of a row of {@code table}: its values in column order, its key columns at {@code keyAt}. */
    Keyed of(String table, List<Object> values, int[] keyAt) {
        put(table);
        for (Object v : values) {
            put(StateDigest.text(v));
        }
        byte[] hash = Arrays.copyOf(mac.doFinal(), BYTES);
        List<String> names = KEY_COLUMNS.get(table);
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < keyAt.length; k++) {
            key.append(k == 0 ? "" : ", ").append(names.get(k)).append('=')
                    .append(StateDigest.text(values.get(keyAt[k])));
        }
        return new Keyed(key.toString(), hash);
    }

    private void put(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    /** The text kept for a key: its rows' hashes, hex, sorted, joined by commas; "" for no row. */
    static String value(List<byte[]> hashes) {
        if (hashes == null || hashes.isEmpty()) {
            return "";
        }
        List<String> hex = new ArrayList<>(hashes.size());
        hashes.forEach(h -> hex.add(HexFormat.of().formatHex(h)));
        hex.sort(null);
        return String.join(",", hex);
    }
}
