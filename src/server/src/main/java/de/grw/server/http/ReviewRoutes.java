package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.caseRef;
import static de.grw.server.http.Api.json;
import static de.grw.server.http.Api.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.Text;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The review's routes beyond the queue, a cluster and a decision on it ({@link Api}): the sources, a golden
 * record, the decisions, a revert and a supervisor's rejection. Each calls the session's {@code SignedIn}; the
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
                new Route(HandlerType.POST, "/api/v1/decisions/{id}/rejection", true, this::reject));
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
}
