package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.json;
import static de.grw.server.http.Api.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The model versions (issue 15), as the engine's {@code ModelsApi} for the session's user: the engine checks the
 * rights and four eyes, so a forged request of a clerk, or of the supervisor who trained a version, is refused there
 * (403) exactly as through the desktop.
 * <ul>
 * <li>{@code GET /api/v1/models}: the versions, newest first, with which is active;</li>
 * <li>{@code POST /api/v1/models}: trains a new version (long work; not active until activated);</li>
 * <li>{@code POST /api/v1/models/{version}/activation} {@code {"comment": "..."}}: activates a version trained by
 * someone else;</li>
 * <li>{@code POST /api/v1/models/{version}/reversion} {@code {"comment": "..."}}: goes back to a version that was
 * active before.</li>
 * </ul>
 */
final class ModelRoutes implements Api.RouteGroup {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/api/v1/models", true, this::list),
                new Route(HandlerType.POST, "/api/v1/models", true, this::train),
                new Route(HandlerType.POST, "/api/v1/models/{version}/activation", true, this::activate),
                new Route(HandlerType.POST, "/api/v1/models/{version}/reversion", true, this::revert));
    }

    /** The body of an activation or a going back. */
    record Change(String comment) {
    }

    private void list(Context ctx) {
        json(ctx, actor(ctx).signedIn().models().list());
    }

    private void train(Context ctx) {
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().models().train(ProgressListener.NONE, CancellationToken.NONE));
    }

    private void activate(Context ctx) throws JsonProcessingException {
        json(ctx, actor(ctx).signedIn().models().activate(version(ctx), comment(ctx)));
    }

    private void revert(Context ctx) throws JsonProcessingException {
        json(ctx, actor(ctx).signedIn().models().revert(version(ctx), comment(ctx)));
    }

    private static int version(Context ctx) {
        return (int) whole(ctx.pathParam("version"), "version", -1);
    }

    private static String comment(Context ctx) throws JsonProcessingException {
        return ctx.body().isBlank() ? "" : body(ctx, Change.class).comment();
    }
}
