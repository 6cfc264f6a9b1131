package de.grw.api;

import de.grw.review.ReviewViews.DecisionView;
import java.util.List;

/** Supervisors' approval of proposed merges: nobody approves or rejects their own proposal (four eyes). */
public interface ApprovalApi {

    /** Merges waiting for a supervisor's approval. */
    List<DecisionView> pending();

    /** Approves a pending merge, which then takes effect; returns the decision as it stands now. */
    DecisionView approve(long decisionId, String comment);

    /** Rejects a pending merge; the cluster returns to the queue with the comment as its note. */
    DecisionView reject(long decisionId, String comment);
}
