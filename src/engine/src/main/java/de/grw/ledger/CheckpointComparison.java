package de.grw.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the store's state compares with the anchor's checkpoints: whether it matches the last checkpoint (or the
 * last committed one), and, when not, what differs, in words ({@link #describe}).
 */
final class CheckpointComparison {
    private CheckpointComparison() {
    }

    /**
     * What differs between the store's state and the last checkpoint (or, when the last one's transaction is not
     * known to have committed, the last committed one); empty if it matches either.
     */
    static Optional<String> compare(Anchor anchor, Connection c, StateDigest now) throws SQLException {
        JsonNode last = anchor.lastCheckpoint();
        JsonNode committed = anchor.lastCommitted();
        if (last == null) {
            return Optional.of("the anchor " + anchor.file() + " holds no checkpoint");
        }
        StateDigest[] ordered = new StateDigest[1];
        if (matches(last, in(c, last, now, ordered))
                || (committed != null && matches(committed, in(c, committed, now, ordered)))) {
            return Optional.empty();
        }
        JsonNode against = committed != null ? committed : last;
        return Optional.of(describe(against, in(c, against, now, ordered)));
    }

    /**
     * The state in the scheme the checkpoint was written in: row digests, or (a checkpoint of a ledger begun before
     * them, without {@code "digest"}) the ordered digests, computed once.
     */
    static StateDigest in(Connection c, JsonNode checkpoint, StateDigest rowDigests, StateDigest[] ordered)
            throws SQLException {
        if (RowDigestRepository.SCHEME.equals(checkpoint.path("digest").asText())) {
            return rowDigests;
        }
        if (ordered[0] == null) {
            ordered[0] = StateDigest.ordered(c);
        }
        return ordered[0];
    }

    static boolean matches(JsonNode checkpoint, StateDigest now) {
        return checkpoint.path("journal_size").asLong() == now.journalSize()
                && checkpoint.path("journal_head").asText().equals(now.journalHead())
                && differing(checkpoint, now).isEmpty();
    }

    private static List<String> differing(JsonNode checkpoint, StateDigest now) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> t : now.tables().entrySet()) {
            JsonNode sealed = checkpoint.path("tables").path(t.getKey());
            if (sealed.isMissingNode()) {
                continue; // sealed since a later schema version (models, model_activations: 17): the next write seals it
            }
            if (!t.getValue().equals(sealed.asText())) {
                out.add(t.getKey());
            }
        }
        return out;
    }

    /** Names what differs from a checkpoint: the tables, and how the journal does. */
    private static String describe(JsonNode checkpoint, StateDigest now) {
        List<String> parts = new ArrayList<>();
        List<String> tables = differing(checkpoint, now);
        if (!tables.isEmpty()) {
            parts.add((tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables)
                    + (tables.size() == 1 ? " differs" : " differ"));
        }
        long signed = checkpoint.path("journal_size").asLong();
        if (now.journalSize() < signed) {
            parts.add("the journal has " + now.journalSize() + " entries, the checkpoint sealed " + signed
                    + " (entries removed)");
        } else if (now.journalSize() > signed) {
            parts.add("the journal has " + now.journalSize() + " entries, the checkpoint sealed " + signed
                    + " (entries added past the workbench)");
        } else if (!checkpoint.path("journal_head").asText().equals(now.journalHead())) {
            parts.add("the journal's head is " + Anchor.abbreviate(now.journalHead()) + ", the checkpoint sealed "
                    + Anchor.abbreviate(checkpoint.path("journal_head").asText()) + " (entries rewritten)");
        }
        return String.join("; ", parts) + " since the signed checkpoint " + checkpoint.path("n").asLong() + " of "
                + checkpoint.path("at").asText();
    }
}
