package de.grw.api.local;

import de.grw.api.ApprovalApi;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import java.util.List;

/** The approval through the engine's {@link ReviewService} (rights and four eyes are checked there). */
final class LocalApproval implements ApprovalApi {
    private final LocalSignedIn signedIn;
    private final ReviewService review;

    LocalApproval(LocalSignedIn signedIn, ReviewService review) {
        this.signedIn = signedIn;
        this.review = review;
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
