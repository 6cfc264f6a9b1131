package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.server.TestServer.Response;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description the server serves matches the routes it registered: every registered route is described,
 * every described operation is registered, and what the description says about signing in holds.
 */
class OpenApiTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static JsonNode api;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        Response r = s.get("/api/v1/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        api = r.json();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static Set<String> described() {
        Set<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
        }
        return ops;
    }

    private static Set<String> registered() {
        Set<String> ops = new TreeSet<>();
        for (ParsedEndpoint e : s.server.javalin().unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            if (m.isHttpMethod()) {
                ops.add(m.name() + " " + e.endpoint.path);
            }
        }
        return ops;
    }

    @Test
    void everyRegisteredRouteIsDescribedAndEveryDescribedOneRegistered() {
        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(registered()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(described()).isEqualTo(registered());
    }

    @Test
    void whatIsDescribedAsPublicIsPublicAndEverythingElseNeedsASession() {
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        Set<String> open = new TreeSet<>();
        for (String op : described()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            JsonNode operation = api.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            assertThat(operation.path("summary").asText()).as(op).isNotBlank();
            assertThat(operation.path("responses").size()).as(op).isGreaterThan(0);
            boolean isPublic = operation.has("security") && operation.path("security").isEmpty();
            String concrete = path.replaceAll("\\{[^}]+}", "1");
            Response r = s.call(method, concrete, null, method.equals("POST") ? "{}" : null);
            if (isPublic) {
                open.add(op);
                assertThat(r.status()).as(op).isNotEqualTo(401);
            } else {
                assertThat(r.status()).as(op + " without a session").isEqualTo(401);
                assertThat(operation.path("responses").has("401")).as(op).isTrue();
            }
        }
        assertThat(open).containsExactly("GET /api/v1/openapi.json", "GET /api/v1/status", "POST /api/v1/sessions");
    }

    @Test
    void everySchemaReferredToIsDefined() {
        Set<String> refs = new TreeSet<>();
        collectRefs(api, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(api.path("components").path("schemas").has(ref.substring("#/components/schemas/".length())))
                    .as(ref).isTrue();
        }
    }

    private static void collectRefs(JsonNode n, Set<String> refs) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, refs));
        }
    }
}
