package de.grw.review;

import de.grw.common.Text;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Session;
import de.grw.users.AccountRules;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The four-eyes check of a supervisor's approval or rejection, one place for both: the decision's proposer is
 * neither the supervisor's own account nor another account of the same person (issue 14: persons, not names).
 */
final class FourEyes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FourEyes.class);

    private FourEyes() {
    }

    /**
     * Refuses {@code session} reviewing decision {@code d} it proposed itself or whose proposer is the same person.
     *
     * @param approving true for an approval, false for a rejection
     */
    static void require(Connection c, Session session, DecisionView d, boolean approving) throws SQLException {
        String verb = approving ? "approve" : "reject";
        if (d.proposedBy().equals(session.user())) {
            LOG.warn("refused: {} may not {} decision {}, their own proposal (four eyes)", session.user(), verb,
                    d.id());
            throw new AccessDeniedException(Text.of(approving ? "review.four_eyes_approve" : "review.four_eyes_reject",
                    session.user(), d.id()));
        }
        if (AccountRules.samePerson(c, session, d.proposedBy())) {
            LOG.warn("refused: {} may not {} decision {}: {} who proposed it is the same person (four eyes)",
                    session.user(), verb, d.id(), d.proposedBy());
            throw new AccessDeniedException(Text.of("review.four_eyes_person", session.user(), d.id(),
                    d.proposedBy()));
        }
    }
}
