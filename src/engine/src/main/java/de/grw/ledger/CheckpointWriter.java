package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a ledger's lines to its anchor, each signed with the ledger's key: the checkpoint of the state a write
 * leaves (before its commit, forced to the disk), the mark that its transaction committed (not forced: a lost mark
 * leaves the checkpoint accepted anyway), and the journal's tree heads (every {@code treeHeadEvery} journal entries
 * and at every export), each also kept in the other database when one is configured.
 */
final class CheckpointWriter {
    private final Anchor anchor;
    private final LedgerKey key;
    private final String id;
    private final String storeName;
    private final Optional<DatabaseAnchorRepository> database;
    private final long treeHeadEvery;

    CheckpointWriter(Anchor anchor, LedgerKey key, String id, String storeName,
                     Optional<DatabaseAnchorRepository> database, long treeHeadEvery) {
        this.anchor = anchor;
        this.key = key;
        this.id = id;
        this.storeName = storeName;
        this.database = database;
        this.treeHeadEvery = treeHeadEvery;
    }

    /** Appends the checkpoint of {@code now}; returns its line's number. */
    long checkpoint(StateDigest now, String at, boolean rowDigests) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "checkpoint");
        m.put("at", at);
        m.put("ledger", id);
        m.put("store", storeName);
        m.put("journal_size", now.journalSize());
        m.put("journal_head", now.journalHead());
        if (rowDigests) {
            m.put("digest", RowDigestRepository.SCHEME);
        }
        m.put("tables", now.tables());
        return anchor.append(m, key).path("n").asLong();
    }

    /** Appends a tree head of the journal when {@code treeHeadEvery} entries were added since the last one. */
    void treeHeadIfDue(Connection c, long journalSize, String at) throws SQLException {
        JsonNode lastHead = anchor.lastTreeHead();
        if (journalSize - (lastHead == null ? 0 : lastHead.path("size").asLong()) >= treeHeadEvery) {
            treeHead(TreeHead.of(Journal.all(c), at));
        }
    }

    void treeHead(TreeHead head) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "tree_head");
        m.put("at", head.at());
        m.put("ledger", id);
        m.put("size", head.size());
        m.put("root", head.root());
        m.put("chain_head", head.chainHead());
        JsonNode line = anchor.append(m, key);
        database.ifPresent(d -> d.insert(storeName, line));
    }

    /** Appends the mark that checkpoint {@code of}'s transaction committed. */
    void committed(long of, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "committed");
        m.put("at", at);
        m.put("ledger", id);
        m.put("of", of);
        anchor.append(m, key, false); // see Anchor#append: a lost mark leaves the checkpoint accepted anyway
    }

    /** The anchor file's lines by number, each in canonical form. */
    Map<Long, String> fileLines() {
        Map<Long, String> out = new HashMap<>();
        try {
            for (String text : Files.readAllLines(anchor.file(), StandardCharsets.UTF_8)) {
                JsonNode line = CanonicalJson.parse(text);
                out.put(line.path("n").asLong(), CanonicalJson.write(line));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(anchor.file() + ": the ledger's anchor cannot be read: " + e.getMessage(),
                    e);
        }
        return out;
    }
}
