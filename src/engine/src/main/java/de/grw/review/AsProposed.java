package de.grw.review;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.review.ReviewViews.DecisionView;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a pending merge is approved: the stored decision must be the one the journal recorded as proposed, content,
 * cluster, proposer, comment and case reference alike. The approval applies the stored payload, and the journal shows
 * the proposal: a payload edited in the store between the two would otherwise be approved as edited while the journal
 * still shows the original. Checked always, with or without a ledger.
 */
final class AsProposed {
    private static final Logger LOG = LoggerFactory.getLogger(AsProposed.class);

    private AsProposed() {
    }

    static void require(Connection c, DecisionView d) throws SQLException {
        java.util.Optional<de.grw.journal.JournalEntry> entry = de.grw.journal.Journal.proposal(c, d.id());
        JsonNode proposed = entry.map(e -> CanonicalJson.parse(e.payload())).orElse(null);
        String by = entry.map(de.grw.journal.JournalEntry::user).orElse(null);
        de.grw.common.Text differs = null;
        if (proposed == null) {
            differs = de.grw.common.Text.of("review.not_as_proposed.no_entry");
        } else if (!proposed.path("content").equals(CanonicalJson.parse(d.payloadJson()))) {
            differs = de.grw.common.Text.of("review.not_as_proposed.content");
        } else if (d.clusterId() == null || proposed.path("cluster").asLong(-1) != d.clusterId()) {
            differs = de.grw.common.Text.of("review.not_as_proposed.cluster");
        } else if (!by.equals(d.proposedBy())) {
            differs = de.grw.common.Text.of("review.not_as_proposed.proposer");
        } else if (!proposed.path("comment").asText().equals(d.comment())
                || !proposed.path("case").asText().equals(d.caseRef())) {
            differs = de.grw.common.Text.of("review.not_as_proposed.comment");
        }
        if (differs != null) {
            LOG.error("refused: decision {} in the store differs from its proposal in the journal ({})", d.id(),
                    differs);
            throw new UserFacingException(de.grw.common.Text.of("review.not_as_proposed", d.id(), differs));
        }
    }
}
