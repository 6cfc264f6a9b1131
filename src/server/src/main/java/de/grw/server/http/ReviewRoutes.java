package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.caseRef;
import static de.grw.server.http.Api.json;
import static de.grw.server.http.Api.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.api.JournalApi;
import de.grw.common.Text;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The review's routes beyond the queue, a cluster and a decision on it ({@link Api}): the sources, a golden
 * record, the decisions, a revert and a supervisor's rejection, the claims on clusters and the change feed. Each calls the session's {@code SignedIn}; the
 * engine checks the rights, the four eyes and the case reference, masks and logs.
 */
final class ReviewRoutes implements Api.RouteGroup {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/api/v1/sources", true, this::sources),
                new Route(HandlerType.GET, "/api/v1/golden-records/{id}", true, this::golden),
                new Route(HandlerType.GET, "/api/v1/decisions", true, this::decisions),
                new Route(HandlerType.GET, "/api/v1/decisions/{id}", true, this::decision),
                new Route(HandlerType.POST, "/api/v1/decisions/{id}/revert", true, this::revert),
                new Route(HandlerType.POST, "/api/v1/decisions/{id}/rejection", true, this::reject),
                new Route(HandlerType.GET, "/api/v1/clusters/{id}/claim", true, this::claimOf),
                new Route(HandlerType.POST, "/api/v1/clusters/{id}/claim", true, this::claim),
                new Route(HandlerType.DELETE, "/api/v1/clusters/{id}/claim", true, this::release),
                new Route(HandlerType.GET, "/api/v1/clusters/{id}/prefetch", true, this::prefetch),
                new Route(HandlerType.POST, "/api/v1/clusters/{id}/shown", true, this::shown),
                new Route(HandlerType.GET, "/api/v1/changes", true, this::changes));
    }

    /** {@code GET /api/v1/sources}: the names of the workspace's sources, in import order. */
    private void sources(Context ctx) {
        json(ctx, actor(ctx).signedIn().review().sources());
    }

    /** {@code GET /api/v1/golden-records/{id}} with a case reference: a golden record as the review shows it. */
    private void golden(Context ctx) {
        String id = ctx.pathParam("id").strip();
        String caseRef = caseRef(ctx, null);
        if (caseRef == null) {
            throw new ApiProblem(400, Text.of("server.case_required"));
        }
        json(ctx, actor(ctx).signedIn().review().golden(id, caseRef));
    }

    /** {@code GET /api/v1/decisions}: all decisions, newest first. */
    private void decisions(Context ctx) {
        json(ctx, actor(ctx).signedIn().review().decisions());
    }

    /** {@code GET /api/v1/decisions/{id}}: one decision as it stands now. */
    private void decision(Context ctx) {
        json(ctx, actor(ctx).signedIn().review().decision(whole(ctx.pathParam("id"), "id", -1)));
    }

    /** {@code POST /api/v1/decisions/{id}/revert}: {@code {"comment":..., "caseRef":...}}. */
    record RevertRequest(String comment, String caseRef) {
    }

    private void revert(Context ctx) throws JsonProcessingException {
        long id = whole(ctx.pathParam("id"), "id", -1);
        RevertRequest req = body(ctx, RevertRequest.class);
        String caseRef = caseRef(ctx, req.caseRef());
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().review().revert(id, req.comment(), caseRef));
    }

    /** {@code POST /api/v1/decisions/{id}/rejection}: {@code {"comment":...}}. */
    record RejectionRequest(String comment) {
    }

    private void reject(Context ctx) throws JsonProcessingException {
        long id = whole(ctx.pathParam("id"), "id", -1);
        RejectionRequest req = body(ctx, RejectionRequest.class);
        json(ctx, actor(ctx).signedIn().approval().reject(id, req.comment()));
    }

    /** {@code {"claim": {...}}}, or {@code {"claim": null}} when nobody holds one. */
    record ClaimAnswer(ClaimView claim) {
    }

    /** {@code GET /api/v1/clusters/{id}/claim}: who reviews the cluster, until when. */
    private void claimOf(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        json(ctx, new ClaimAnswer(actor(ctx).signedIn().review().claimOf(id).orElse(null)));
    }

    /** {@code POST /api/v1/clusters/{id}/claim}: claims or renews; answers the claim in force (maybe another's). */
    private void claim(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        json(ctx, new ClaimAnswer(actor(ctx).signedIn().review().claim(id).orElse(null)));
    }

    /** {@code DELETE /api/v1/clusters/{id}/claim}: ends one's own claim. */
    private void release(Context ctx) {
        actor(ctx).signedIn().review().release(whole(ctx.pathParam("id"), "id", -1));
        ctx.status(204);
    }

    /** {@code {"cluster": {...}}}: a cluster read ahead, not yet shown. */
    record PrefetchAnswer(de.grw.review.ReviewViews.ClusterView cluster) {
    }

    /**
     * {@code GET /api/v1/clusters/{id}/prefetch} with a case reference: the cluster as {@code GET /api/v1/clusters/{id}}
     * returns it (masked alike), read ahead of the clerk's key press: NOT logged in the access log and not claimed.
     * The client calls {@code POST .../shown} when it shows it.
     */
    private void prefetch(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        String caseRef = caseRef(ctx, null);
        if (caseRef == null) {
            throw new ApiProblem(400, Text.of("server.case_required"));
        }
        json(ctx, new PrefetchAnswer(actor(ctx).signedIn().review().prefetch(id, caseRef)));
    }

    /** {@code POST /api/v1/clusters/{id}/shown}: {@code {"caseRef":...}}. */
    record ShownRequest(String caseRef) {
    }

    /**
     * {@code POST /api/v1/clusters/{id}/shown}: a cluster read ahead is now on the clerk's screen: logged once in
     * the access log with the case reference and claimed; answers the claim in force afterwards.
     */
    private void shown(Context ctx) throws JsonProcessingException {
        long id = whole(ctx.pathParam("id"), "id", -1);
        ShownRequest req = body(ctx, ShownRequest.class);
        String caseRef = caseRef(ctx, req.caseRef());
        if (caseRef == null) {
            throw new ApiProblem(400, Text.of("server.case_required"));
        }
        json(ctx, new ClaimAnswer(actor(ctx).signedIn().review().shown(id, caseRef).orElse(null)));
    }

    /**
     * {@code GET /api/v1/changes?after=SEQ&wait=25}: the changes after a journal number; waits (long poll) up to
     * {@code wait} seconds, at most {@value JournalApi#MAX_WAIT_SECONDS}, while there is none.
     */
    private void changes(Context ctx) {
        long after = whole(ctx.queryParam("after"), "after", 0);
        long wait = whole(ctx.queryParam("wait"), "wait", JournalApi.MAX_WAIT_SECONDS);
        if (after < 0 || wait < 0 || wait > JournalApi.MAX_WAIT_SECONDS) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'after' must be 0 or more, 'wait' 0 to "
                    + JournalApi.MAX_WAIT_SECONDS + " seconds"));
        }
        json(ctx, actor(ctx).signedIn().journal().changes(after, (int) wait));
    }
}
