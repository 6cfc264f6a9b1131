package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the rows of the sealed tables that differ from a checkpoint ({@code verify}, when a table's digest differs):
 * the checkpoint's keyed row hashes ({@link RowKeys}) are replayed from the anchor — the first checkpoint of a chain
 * carries every row, each later one the keys its write changed and the checkpoint it builds on ({@code "base"}) —
 * and compared with the store's rows hashed under the same key. A row is named by table and key, with what happened
 * to it: changed (a value differs: an edited cell, two rows' values swapped), deleted (its key is gone) or inserted
 * (a key the checkpoint does not have). Rows whose values are all as sealed but moved to other places (SQLite's
 * rowid) are not a row's change and are said as such.
 */
final class RowNames {
    /** Rows named per table at most (the rest are counted). */
    static final int MAX_PER_TABLE = 20;

    private RowNames() {
    }

    /**
     * What differs row by row in {@code tables} between the store and {@code checkpoint}, in words ("" when the
     * checkpoint keeps no keyed row hashes: a ledger begun before them, until its next write).
     */
    static String name(Connection c, Path anchorFile, JsonNode checkpoint, List<String> tables, RowKeys keys)
            throws SQLException {
        if (tables.isEmpty() || !checkpoint.has("row_keys")) {
            return "";
        }
        Map<String, Map<String, String>> sealed = replay(anchorFile, checkpoint, tables);
        if (sealed == null) {
            return "; the rows that differ cannot be named (a checkpoint of the chain of keyed row hashes is "
                    + "missing from the anchor)";
        }
        RowDigestRepository now = RowDigestRepository.scan(c, keys);
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            Map<String, String> was = sealed.getOrDefault(table, Map.of());
            Map<String, String> is = now.rowKeys(table);
            List<String> rows = new ArrayList<>();
            Set<String> all = new TreeSet<>(was.keySet());
            all.addAll(is.keySet());
            for (String key : all) {
                String a = was.get(key);
                String b = is.get(key);
                if (a == null) {
                    rows.add("[" + key + "] inserted");
                } else if (b == null) {
                    rows.add("[" + key + "] deleted");
                } else if (!a.equals(b)) {
                    rows.add("[" + key + "] changed");
                }
            }
            if (rows.isEmpty()) {
                parts.add(table + ": no row's values differ from the checkpoint's (rows moved to other places)");
            } else {
                int shown = Math.min(rows.size(), MAX_PER_TABLE);
                parts.add(table + " row" + (rows.size() == 1 ? " " : "s ") + String.join(", ", rows.subList(0,
                        shown)) + (rows.size() > shown ? " and " + (rows.size() - shown) + " more" : ""));
            }
        }
        return "; " + String.join("; ", parts);
    }

    /**
     * The keyed row hashes of {@code tables} as {@code checkpoint} sealed them, or null when a checkpoint it builds
     * on is not in the anchor.
     */
    private static Map<String, Map<String, String>> replay(Path anchorFile, JsonNode checkpoint, List<String> tables) {
        Map<Long, JsonNode> byNumber = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(anchorFile, StandardCharsets.UTF_8)) {
            String text;
            while ((text = r.readLine()) != null) {
                JsonNode line = CanonicalJson.parse(text);
                if (line.has("row_keys")) {
                    byNumber.put(line.path("n").asLong(), line);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(anchorFile + ": the ledger's anchor cannot be read: " + e.getMessage(), e);
        }
        Deque<JsonNode> chain = new ArrayDeque<>();
        JsonNode at = byNumber.get(checkpoint.path("n").asLong());
        Set<Long> seen = new HashSet<>();
        while (at != null && seen.add(at.path("n").asLong())) {
            chain.push(at);
            JsonNode base = at.path("row_keys").path("base");
            if (base.isMissingNode() || base.isNull()) {
                break;
            }
            at = byNumber.get(base.asLong());
        }
        if (at == null || chain.isEmpty() || chain.peek().path("row_keys").has("base")) {
            return null;
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        for (JsonNode line : chain) {
            for (String table : tables) {
                JsonNode rows = line.path("row_keys").path("rows").path(table);
                Map<String, String> kept = out.computeIfAbsent(table, t -> new HashMap<>());
                rows.fields().forEachRemaining(e -> {
                    if (e.getValue().asText().isEmpty()) {
                        kept.remove(e.getKey());
                    } else {
                        kept.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        return out;
    }
}
