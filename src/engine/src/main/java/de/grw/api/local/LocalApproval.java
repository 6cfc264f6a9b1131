package de.grw.api.local;

import de.grw.api.ApprovalApi;
import de.grw.review.BulkReview;
import de.grw.review.BulkViews;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import java.util.List;

/** The approval through the engine's {@link ReviewService} (rights and four eyes are checked there). */
final class LocalApproval implements ApprovalApi {
    private final LocalSignedIn signedIn;
    private final ReviewService review;
    private final BulkReview bulk;

    LocalApproval(LocalSignedIn signedIn, ReviewService review) {
        this.signedIn = signedIn;
        this.review = review;
        this.bulk = new BulkReview(review);
    }

    @Override
    public BulkViews.Sample sampleForApproval(List<Long> decisions, String caseRef) {
        return bulk.sampleForApproval(signedIn.session(), decisions, caseRef);
    }

    @Override
    public BulkViews.Result approveAll(BulkViews.Approval approval) {
        return bulk.approveAll(signedIn.session(), java.util.Objects.requireNonNull(approval, "approval"));
    }

    @Override
    public List<DecisionView> pending() {
        return review.pendingApprovals(signedIn.session());
    }

    @Override
    public DecisionView approve(long decisionId, String comment) {
        return review.approve(signedIn.session(), decisionId, comment);
    }

    @Override
    public DecisionView reject(long decisionId, String comment) {
        return review.reject(signedIn.session(), decisionId, comment);
    }
}
