package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.JournalEntry;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's tree heads also kept in a table of another database (central IT's), beside the anchor file: every
 * signed tree head line the ledger writes to its anchor is inserted, as signed, into
 * {@value #TABLE}{@code (store, ledger, n, line)} of the database that {@value #URL_VARIABLE} names (JDBC; user
 * and password from {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}). The table is created when missing;
 * the account may be given the right to insert and select only. Whoever holds the ledger's key and the anchor file
 * (the server's account) can rewrite both and the store consistently; the heads in another database, written by
 * inserts alone, still hold the journal as it was, and {@code verify} proves that today's journal extends each
 * of them, checks their signatures and finds one missing from the anchor file.
 */
final class DatabaseAnchorRepository {
    static final String URL_VARIABLE = "GRW_LEDGER_ANCHOR_DB";
    static final String URL_PROPERTY = "grw.ledger.anchor-db";
    static final String USER_VARIABLE = "GRW_LEDGER_ANCHOR_DB_USER";
    static final String PASSWORD_VARIABLE = "GRW_LEDGER_ANCHOR_DB_PASSWORD";
    static final String TABLE = "grw_ledger_tree_heads";

    private final String url;
    private final String user;
    private final String password;

    private DatabaseAnchorRepository(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The configured database anchor, if one is ({@value #URL_PROPERTY}, else {@value #URL_VARIABLE}). */
    static Optional<DatabaseAnchorRepository> configured() {
        String url = setting(URL_PROPERTY, URL_VARIABLE);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseAnchorRepository(url, setting(URL_PROPERTY + ".user", USER_VARIABLE),
                setting(URL_PROPERTY + ".password", PASSWORD_VARIABLE)));
    }

    private static String setting(String property, String variable) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Where it is, for messages: the URL without user or password. */
    String where() {
        int q = url.indexOf('?');
        return (q < 0 ? url : url.substring(0, q)) + " (table " + TABLE + ")";
    }

    private Connection connect() throws SQLException {
        Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user,
                password);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (store VARCHAR(1000) NOT NULL, ledger VARCHAR(100) "
                    + "NOT NULL, n BIGINT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (ledger, n))");
        }
        return c;
    }

    /** Inserts a signed tree-head line of the anchor; a failure refuses what wrote it. */
    void insert(String store, JsonNode line) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (store, ledger, n, line) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, store);
            ps.setString(2, line.path("ledger").asText());
            ps.setLong(3, line.path("n").asLong());
            ps.setString(4, CanonicalJson.write(line));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UserFacingException("the ledger's tree head cannot be written to the database anchor "
                    + where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every tree head the database holds for this store (under any ledger id): signed by the key, present
     * as the same line in the anchor file when it names this ledger, and extended by today's journal. Returns the
     * first problem, or a summary.
     */
    Check check(String store, String ledgerId, PublicKey key, Map<Long, String> fileLines,
                List<JournalEntry> journal) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT ledger, n, line FROM "
                + TABLE + " WHERE store = ? ORDER BY ledger, n")) {
            ps.setString(1, store);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3)});
                }
            }
        } catch (SQLException e) {
            return new Check(null, "the database anchor " + where() + " cannot be read: " + e.getMessage());
        }
        long proved = 0;
        for (String[] r : rows) {
            String what = "the database anchor's tree head " + r[1] + " of ledger " + r[0];
            JsonNode line;
            try {
                line = CanonicalJson.parse(r[2]);
            } catch (IllegalArgumentException e) {
                return new Check(null, what + " is not valid JSON");
            }
            ObjectNode unsigned = ((ObjectNode) line.deepCopy());
            unsigned.remove("sig");
            if (!LedgerKey.verify(key, CanonicalJson.write(unsigned), line.path("sig").asText())) {
                return new Check(null, what + " is not signed by the ledger's key");
            }
            if (!r[0].equals(ledgerId)) {
                return new Check(null, what + ": the store now keeps ledger " + ledgerId + " (the ledger was "
                        + "started anew)");
            }
            String inFile = fileLines.get(Long.parseLong(r[1]));
            if (!r[2].equals(inFile)) {
                return new Check(null, what + " is not line " + r[1] + " of the anchor file (the file was cut "
                        + "back or rewritten)");
            }
            TreeHead head = new TreeHead(line.path("size").asLong(), line.path("root").asText(),
                    line.path("chain_head").asText(), line.path("at").asText(), r[0], null, null);
            TreeHead.Extension ext = head.extendedBy(journal);
            if (!ext.ok()) {
                return new Check(null, what + ": " + ext.message());
            }
            proved = Math.max(proved, head.size());
        }
        return new Check(rows.size() + " tree heads in the database anchor " + where()
                + (rows.isEmpty() ? "" : ", the last of " + proved + " entries, extended by the journal"), null);
    }

    /** What {@link #check} found: a summary, or a problem. */
    record Check(String summary, String problem) {
    }
}
