package de.grw.api.local;

import de.grw.api.Comparisons;
import de.grw.api.ReviewApi;
import de.grw.review.BulkReview;
import de.grw.review.BulkViews;
import de.grw.review.DecisionCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The review through the engine's {@link ReviewService}, as the signed-in user. */
final class LocalReview implements ReviewApi {
    private final LocalSignedIn signedIn;
    private final ReviewService review;
    private final Comparisons comparisons;
    private final BulkReview bulk;

    LocalReview(LocalSignedIn signedIn, ReviewService review) {
        this.signedIn = signedIn;
        this.review = review;
        this.bulk = new BulkReview(review);
        this.comparisons = new Comparisons(review.profile(), review.governance());
    }

    @Override
    public List<QueueEntry> queue(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                  double maxProbability, int limit, de.grw.review.QueueMode mode) {
        return review.queueBySources(signedIn.session(), statuses, sources == null ? List.of() : sources,
                minProbability, maxProbability, limit, mode);
    }

    @Override
    public List<QueueEntry> queueWithNames(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                           double maxProbability, int limit, String caseRef,
                                           de.grw.review.QueueMode mode) {
        return review.queueWithNames(signedIn.session(), statuses, sources == null ? List.of() : sources,
                minProbability, maxProbability, limit, caseRef, mode);
    }

    @Override
    public BulkViews.Sample sampleForBulk(List<String> sources, double minProbability, double maxProbability,
                                          String caseRef) {
        return bulk.sampleForProposal(signedIn.session(), sources == null ? List.of() : sources, minProbability,
                maxProbability, caseRef);
    }

    @Override
    public BulkViews.Result proposeAll(BulkViews.Proposal proposal) {
        return bulk.proposeAll(signedIn.session(), Objects.requireNonNull(proposal, "proposal"));
    }

    @Override
    public int count(Set<ClusterStatus> statuses) {
        return review.count(signedIn.session(), statuses);
    }

    @Override
    public List<String> sources() {
        return review.sources(signedIn.session());
    }

    @Override
    public List<Long> memberIds(long clusterId) {
        return review.memberIds(signedIn.session(), clusterId);
    }

    @Override
    public ClusterView show(long clusterId, String caseRef) {
        return review.show(signedIn.session(), clusterId, caseRef);
    }

    @Override
    public ClusterView prefetch(long clusterId, String caseRef) {
        return review.prefetch(signedIn.session(), clusterId, caseRef);
    }

    @Override
    public Optional<ClaimView> shown(long clusterId, String caseRef) {
        return review.shown(signedIn.session(), clusterId, caseRef);
    }

    @Override
    public GoldenView golden(String goldenId, String caseRef) {
        return review.golden(signedIn.session(), goldenId, caseRef);
    }

    @Override
    public DecisionView propose(long clusterId, DecisionCommand decision, String comment, String caseRef) {
        var session = signedIn.session();
        Objects.requireNonNull(decision, "decision");
        return review.propose(session, clusterId, decision, comment, caseRef);
    }

    @Override
    public Optional<ClaimView> claim(long clusterId) {
        return review.claim(signedIn.session(), clusterId);
    }

    @Override
    public Optional<ClaimView> claimOf(long clusterId) {
        return review.claimOf(signedIn.session(), clusterId);
    }

    @Override
    public void release(long clusterId) {
        review.release(signedIn.session(), clusterId);
    }

    @Override
    public DecisionView revert(long decisionId, String comment, String caseRef) {
        return review.revert(signedIn.session(), decisionId, comment, caseRef);
    }

    @Override
    public List<DecisionView> decisions() {
        return review.decisions(signedIn.session());
    }

    @Override
    public DecisionView decision(long decisionId) {
        return review.decision(signedIn.session(), decisionId);
    }

    @Override
    public Optional<String> goldenRecordOf(long decisionId) {
        return review.goldenRecordOf(signedIn.session(), decisionId);
    }

    @Override
    public Comparisons comparisons() {
        signedIn.open();
        return comparisons;
    }
}
