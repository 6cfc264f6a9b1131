package de.grw.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.Text;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What body each route takes, as the OpenAPI description says it ({@code requestBody} and its content types), checked
 * before the route's handler runs, so that no handler acts on a body it does not read:
 * <ul>
 * <li>a route described without a body refuses one (400), but for an empty JSON object {@code {}}, which clients
 *     send to say "nothing";
 * <li>a route that takes JSON refuses a body of another declared type (415: text, a form, XML, multipart);
 * <li>an upload (a file's bytes) is not checked here.
 * </ul>
 * A JSON body is read here, before the handler; one larger than the server reads is answered by {@link Problems}
 * (413).
 */
final class BodyRules {
    private static final String JSON = "application/json";

    /** The largest JSON body the server reads (Javalin's limit for a body read whole, set to it). */
    static final long MAX_JSON = 1_000_000;
    /** A body too large is read and dropped up to this size, so that the client can read the refusal. */
    private static final long MAX_DRAINED = 16L << 20;

    /** "POST /api/v1/link" to its declared content types; absent: no body. */
    private final Map<String, List<String>> declared = new HashMap<>();

    private BodyRules(JsonNode description) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    List<String> types = new java.util.ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    declared.put(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), List.copyOf(types));
                }
            }
        }
    }

    /** The rules of the description the server serves. */
    static BodyRules described() {
        try (InputStream in = BodyRules.class.getResourceAsStream("/de/grw/server/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description is missing from the server's resources");
            }
            return new BodyRules(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses the request's body when the route does not take it. */
    void check(Api.Route route, Context ctx) {
        boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        List<String> types = declared.get(route.describe());
        if ((types == null || types.contains(JSON)) && ctx.contentLength() > MAX_JSON) {
            drain(ctx);
            throw new ApiProblem(413, Text.of("server.too_large"));
        }
        if (types == null) {
            if (!ctx.body().isBlank() && !ctx.body().strip().equals("{}")) {
                throw new ApiProblem(400, Text.of("server.no_body", route.describe()));
            }
            return;
        }
        if (!types.contains(JSON)) {
            return; // an upload: its bytes are the file
        }
        String type = ctx.header("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            throw new ApiProblem(415, Text.of("server.media_type", route.describe(), type == null ? "none"
                    : mediaType));
        }
        // read now (Javalin keeps it for the handler): a handler that refuses the path before it reads the body
        // would leave it unread, and the connection could not serve the client's next request
        ctx.body();
    }

    /**
     * Reads a body too large to the end, without keeping it: a client that is still sending when the refusal comes
     * would otherwise see its connection closed instead of the answer. Past {@link #MAX_DRAINED} it is closed anyway.
     */
    private static void drain(Context ctx) {
        if (ctx.contentLength() > MAX_DRAINED) {
            return;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            in.skipNBytes(ctx.contentLength());
        } catch (IOException e) {
            // the client stopped sending: nothing to read
        }
    }
}
