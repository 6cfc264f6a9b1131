package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.caseRef;
import static de.grw.server.http.Api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.Text;
import de.grw.review.BulkViews;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Bulk work: a random sample of a band's clusters (or of a batch of pending merges) shown and logged, then one
 * command for the whole batch that names the sample. The engine ({@code BulkReview}) checks the rights, that the
 * sample was shown to this user, and decides each cluster as a decision of its own (four eyes per decision).
 */
final class BulkRoutes implements Api.RouteGroup {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.POST, "/api/v1/bulk/samples", true, this::sample),
                new Route(HandlerType.POST, "/api/v1/bulk/proposals", true, this::propose),
                new Route(HandlerType.POST, "/api/v1/approvals/samples", true, this::approvalSample),
                new Route(HandlerType.POST, "/api/v1/approvals/batch", true, this::approveAll));
    }

    /** {@code POST /api/v1/bulk/samples}: {@code {"sources":[...], "min":0.95, "max":1, "caseRef":...}}. */
    record SampleRequest(List<String> sources, Double min, Double max, String caseRef) {
    }

    private void sample(Context ctx) throws JsonProcessingException {
        SampleRequest req = body(ctx, SampleRequest.class);
        double min = req.min() == null ? 0 : req.min();
        double max = req.max() == null ? 1 : req.max();
        if (min < 0 || max > 1 || min > max) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'min' and 'max' must lie in 0 to 1, min <= max"));
        }
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().review().sampleForBulk(req.sources() == null ? List.of() : req.sources(),
                min, max, caseRef(ctx, req.caseRef())));
    }

    /** {@code POST /api/v1/bulk/proposals}: a {@code BulkProposal}; answers what was proposed and skipped. */
    private void propose(Context ctx) throws JsonProcessingException {
        BulkViews.Proposal req = body(ctx, BulkViews.Proposal.class);
        BulkViews.Proposal withCase = new BulkViews.Proposal(req.sources(), req.minProbability(),
                req.maxProbability(), req.clusters(), req.sampleId(), req.sampleIds(), req.comment(),
                caseRef(ctx, req.caseRef()));
        json(ctx, actor(ctx).signedIn().review().proposeAll(withCase));
    }

    /** {@code POST /api/v1/approvals/samples}: {@code {"decisions":[...], "caseRef":...}}. */
    record ApprovalSampleRequest(List<Long> decisions, String caseRef) {
    }

    private void approvalSample(Context ctx) throws JsonProcessingException {
        ApprovalSampleRequest req = body(ctx, ApprovalSampleRequest.class);
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().approval().sampleForApproval(req.decisions() == null ? List.of()
                : req.decisions(), caseRef(ctx, req.caseRef())));
    }

    /** {@code POST /api/v1/approvals/batch}: a {@code BulkApproval}; answers what was approved and refused. */
    private void approveAll(Context ctx) throws JsonProcessingException {
        json(ctx, actor(ctx).signedIn().approval().approveAll(body(ctx, BulkViews.Approval.class)));
    }
}
