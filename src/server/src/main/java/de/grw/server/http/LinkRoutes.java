package de.grw.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.Text;
import de.grw.server.engine.EngineAdapter;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * The routes of real-time linking for other applications (accounts with the role {@code API}, or {@code API_STORE}
 * to store linked records too; clerks and supervisors may use them as well): {@code POST /api/v1/link}, {@code GET /api/v1/golden/{id}} and
 * {@code GET /api/v1/golden?familyName=&givenName=&birthDate=}. Every call needs a session and a case reference (in
 * the body, the header {@value Api#CASE_HEADER} or the parameter {@code caseRef}); the engine's link service checks
 * the right to link, masks and writes the access log. Registered beside {@link Api}'s routes and described in the
 * same OpenAPI description.
 */
final class LinkRoutes {
    private final EngineAdapter engine;

    LinkRoutes(EngineAdapter engine) {
        this.engine = engine;
    }

    List<Api.Route> routes() {
        return List.of(
                new Api.Route(HandlerType.POST, "/api/v1/link", true, this::link),
                new Api.Route(HandlerType.GET, "/api/v1/golden/{id}", true, this::golden),
                new Api.Route(HandlerType.GET, "/api/v1/golden", true, this::search));
    }

    /**
     * {@code POST /api/v1/link}: {@code {"record":{"family_name":"Müller",...},"caseRef":"...","store":"..."}}.
     *
     * @param record  profile field names to values
     * @param caseRef the case reference (or in the header)
     * @param store   the name of an existing source to store the record in (needs the right to store: role
     *                {@code API_STORE}, clerks, supervisors), or absent to only link
     */
    record LinkRequest(Map<String, String> record, String caseRef, String store) {
    }

    private void link(Context ctx) throws JsonProcessingException {
        LinkRequest req = Api.body(ctx, LinkRequest.class);
        if (req.record() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'record' is required"));
        }
        if (req.store() != null && req.store().isBlank()) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'store' names no source"));
        }
        Api.json(ctx, engine.link(Api.actor(ctx), req.record(), Api.caseRef(ctx, req.caseRef()), req.store()));
    }

    private void golden(Context ctx) {
        Api.json(ctx, engine.golden(Api.actor(ctx), ctx.pathParam("id"), Api.caseRef(ctx, null)));
    }

    private void search(Context ctx) {
        Api.json(ctx, engine.search(Api.actor(ctx), ctx.queryParam("familyName"), ctx.queryParam("givenName"),
                ctx.queryParam("birthDate"), Api.caseRef(ctx, null)));
    }
}
