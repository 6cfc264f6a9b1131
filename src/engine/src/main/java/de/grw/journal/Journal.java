package de.grw.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The workspace's append-only journal: every change is appended in the same transaction as the change itself, and
 * chained to the previous entry by a SHA-256 hash. The database refuses UPDATE and DELETE on it (triggers); any
 * tampering that gets past them (editing the file) is found by {@link JournalVerifier}.
 */
public final class Journal {
    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private Journal() {
    }

    /**
     * Appends an entry inside the caller's transaction and returns it.
     *
     * @param payload the action's details: a record or map that Jackson writes as a JSON object (written in
     *                canonical form, keys sorted, so the field order of a record does not matter)
     */
    public static JournalEntry append(Connection c, Instant at, String user, JournalAction action, Object payload)
            throws SQLException {
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        JournalEntry draft = new JournalEntry(seq, at.toString(), user, action.code(), CanonicalJson.write(payload),
                prev, "");
        JournalEntry entry = new JournalEntry(seq, draft.at(), user, action.code(), draft.payload(), prev,
                draft.computeHash());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO journal(seq, at, user_name, action, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, entry.seq());
            ps.setString(2, entry.at());
            ps.setString(3, entry.user());
            ps.setString(4, entry.action());
            ps.setString(5, entry.payload());
            ps.setString(6, entry.prev());
            ps.setString(7, entry.hash());
            ps.executeUpdate();
        }
        return entry;
    }

    /**
     * All entries in sequence order: on SQLite {@code seq} is the rowid, so this is also the order they are stored
     * in. The verifier checks the numbers and the chain, so entries renumbered, inserted or removed show.
     */
    public static List<JournalEntry> all(Connection c) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        each(c, out::add);
        return out;
    }

    public static void each(Connection c, Consumer<JournalEntry> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, at, user_name, action, payload, prev_hash, hash FROM journal ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                consumer.accept(new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
    }

    /** At most {@code limit} entries after {@code seq}, in order (a change feed's next page). */
    public static List<JournalEntry> after(Connection c, long seq, int limit) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, user_name, action, payload, prev_hash, hash "
                + "FROM journal WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The last entry's number; 0 for an empty journal. */
    public static long latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The {@code decision.proposed} entry of a decision, if the journal has one: its payload's {@code decision} is
     * the id (canonical JSON sorts the keys, so {@code "decision":ID,} is followed by the next key).
     */
    public static java.util.Optional<JournalEntry> proposal(Connection c, long decision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, user_name, action, payload, prev_hash, hash "
                + "FROM journal WHERE action = ? AND payload LIKE ? ORDER BY seq")) {
            ps.setString(1, JournalAction.DECISION_PROPOSED.code());
            ps.setString(2, "%\"decision\":" + decision + ",%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JournalEntry e = new JournalEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                    if (CanonicalJson.parse(e.payload()).path("decision").asLong(-1) == decision) {
                        return java.util.Optional.of(e);
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }
}
