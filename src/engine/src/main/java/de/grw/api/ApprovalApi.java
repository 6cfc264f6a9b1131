package de.grw.api;

import de.grw.review.BulkViews;
import de.grw.review.ReviewViews.DecisionView;
import java.util.List;

/** Supervisors' approval of proposed merges: nobody approves or rejects their own proposal (four eyes). */
public interface ApprovalApi {

    /** Merges waiting for a supervisor's approval. */
    List<DecisionView> pending();

    /** Approves a pending merge, which then takes effect; returns the decision as it stands now. */
    DecisionView approve(long decisionId, String comment);

    /**
     * A random sample of a batch of pending merges (one's own proposals left out) with their records, shown to the
     * signed-in supervisor and logged: a bulk approval must name this sample ({@link #approveAll}).
     */
    BulkViews.Sample sampleForApproval(List<Long> decisions, String caseRef);

    /**
     * Approves each pending merge of a batch as its own decision: one's own proposals are refused (four eyes per
     * decision), the rest approved; refused as a whole unless the sample it names was shown to this supervisor.
     */
    BulkViews.Result approveAll(BulkViews.Approval approval);

    /** Rejects a pending merge; the cluster returns to the queue with the comment as its note. */
    DecisionView reject(long decisionId, String comment);
}
