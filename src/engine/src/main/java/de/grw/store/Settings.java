package de.grw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Key-value settings of a workspace (its profile, governance, counters), inside the caller's transaction. */
public final class Settings {
    /** The match profile as JSON. */
    public static final String PROFILE = "profile";
    /** The governance settings as JSON. */
    public static final String GOVERNANCE = "governance";
    /** The last golden record number issued. */
    /** The id of the workspace's ledger (its anchor file in the ledger's home), once it keeps one. */
    public static final String LEDGER_ID = "ledger.id";
    public static final String GOLDEN_COUNTER = "golden_counter";

    private Settings() {
    }

    public static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static void put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** Increments a counter and returns its new value. */
    public static long next(Connection c, String key) throws SQLException {
        long next = get(c, key).map(Long::parseLong).orElse(0L) + 1;
        put(c, key, Long.toString(next));
        return next;
    }
}
