package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route of the API (read from its own OpenAPI description, so a new route is tried as soon as it is described)
 * is called as an attacker would: ids that do not exist or are no ids (negative, zero, larger than a long, text,
 * path tricks, SQL), bodies that are no JSON, the wrong JSON, nested too deep, too large or of the wrong content
 * type. Each must be answered with a clear 4xx problem ({@code application/problem+json}, a message key), never a
 * 500 and never a stack trace, class name or server path.
 */
class ServerMalformedRequestAttackTest extends ServerPerTest {
    /** A path parameter as an attacker writes it. */
    private static final List<String> IDS = List.of("-1", "0", "99999999999999999999", "-9223372036854775808",
            "abc", "1.5", "1e3", "%20", "..%2F..%2Fetc%2Fpasswd", "1%27%20OR%20%271%27%3D%271", "%00",
            "G-000001%27--", "%E2%80%AE1");

    /**
     * The routes that answer an id naming nothing without a refusal: a user name may be any text (the administrator's
     * own routes), an unknown source has no import problems and an unknown match run no figures (empty, no personal
     * data), and ending a claim one does not hold changes nothing.
     */
    private static final java.util.Set<String> ANSWERS_ANY_ID = java.util.Set.of(
            "PUT /api/v1/users/{name}/password", "PUT /api/v1/users/{name}/disabled", "PUT /api/v1/users/{name}/role",
            "GET /api/v1/sources/{id}/problems", "GET /api/v1/match-runs/{id}/weakest-links",
            "GET /api/v1/match-runs/{id}/threshold-figures", "DELETE /api/v1/clusters/{id}/claim");

    /** A JSON body as an attacker writes it (the content type says JSON). */
    private static final List<String> BODIES = List.of("{", "[]", "null", "\"x\"", "42", "{\"nobody\":1}",
            "{\"comment\":{\"a\":1},\"command\":7,\"record\":[1],\"name\":[],\"role\":{},\"password\":1,"
                    + "\"disabled\":\"ja\",\"threshold\":\"x\"}",
            "{\"threshold\":1e400,\"limit\":-1}", "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001), "\uFEFF{}", "{\"x\":\"\\ud800\"}",
            "{} {}", "{\"comment\":\"a\",\"comment\":\"b\"}");

    private List<String[]> routes() {
        JsonNode paths = s.get("/api/v1/openapi.json", null).json().path("paths");
        List<String[]> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<String> m = p.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    out.add(new String[] {method, p.getKey()});
                }
            }
        }
        assertThat(out).as("routes described").hasSizeGreaterThan(40);
        return out;
    }

    /** A refusal as a client can show it: 4xx, a problem with a key, nothing of the server's inside. */
    private static void clearRefusal(String what, Response r) {
        List<String> wrong = new ArrayList<>();
        unclear(what, r, wrong);
        assertThat(wrong).isEmpty();
    }

    /** Adds to {@code wrong} what is unclear about a refusal. */
    private static void unclear(String what, Response r, List<String> wrong) {
        String type = r.header("Content-Type");
        if (r.status() < 400 || r.status() > 499) {
            wrong.add(what + " -> not a 4xx: " + cut(r));
        } else if (type == null || !type.startsWith("application/problem+json")) {
            wrong.add(what + " -> not a problem: " + type + " " + cut(r));
        } else if (r.json().path("key").asText().isBlank()) {
            wrong.add(what + " -> no key: " + cut(r));
        }
        for (String inside : List.of("Exception", "\tat ", "at de.grw", "java.", "com.fasterxml", "org.eclipse",
                "io.javalin", "/tmp/", "junit")) {
            if (r.body().contains(inside)) {
                wrong.add(what + " -> shows '" + inside + "': " + cut(r));
            }
        }
    }

    private static String cut(Response r) {
        String t = r.toString();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    @Test
    void everyRouteRefusesIdsThatAreNoIdsClearly() {
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        int tried = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes()) {
            if (!route[1].contains("{")) {
                continue;
            }
            for (String id : IDS) {
                String path = route[1].replaceAll("\\{[^}]+}", id);
                String token = route[1].startsWith("/api/v1/users") ? admin : bernd;
                Object body = route[0].equals("GET") || route[0].equals("DELETE") ? null : "{\"comment\":\"x\"}";
                String what = route[0] + " " + path;
                Response r;
                try {
                    r = s.call(route[0], path, token, body, "X-Case-Reference", "AZ-1");
                } catch (java.io.UncheckedIOException e) {
                    wrong.add(what + " -> no answer: " + e.getMessage());
                    continue;
                }
                if (r.status() < 300 && !ANSWERS_ANY_ID.contains(route[0] + " " + route[1])) {
                    wrong.add(what + " -> answered: " + cut(r));
                } else if (r.status() >= 300) {
                    unclear(what, r, wrong);
                }
                tried++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(tried).isGreaterThan(200);
    }

    @Test
    void everyRouteWithABodyRefusesBodiesThatAreWrongClearly() {
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        String admin = s.token(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        long cluster = s.get("/api/v1/queue?status=OPEN&limit=1", bernd).json().path("entries").get(0)
                .path("clusterId").asLong();
        int tried = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] route : routes()) {
            if (!List.of("POST", "PUT", "PATCH").contains(route[0]) || route[1].equals("/api/v1/imports")
                    || route[1].equals("/api/v1/proposal-bundles")) {
                continue; // the two uploads take a file's bytes, not JSON (their own tests)
            }
            String path = route[1].replace("{id}", Long.toString(cluster)).replace("{name}", "anna")
                    .replace("{version}", "1");
            String token = route[1].startsWith("/api/v1/users") ? admin : bernd;
            for (String body : BODIES) {
                Response r = s.call(route[0], path, token, body, "X-Case-Reference", "AZ-1");
                String what = route[0] + " " + path + " with " + body.substring(0, Math.min(40, body.length()));
                if (r.status() < 300) {
                    // none may act on a body it cannot read
                    wrong.add(what + " -> answered: " + cut(r));
                } else {
                    unclear(what, r, wrong);
                }
                tried++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(tried).isGreaterThan(200);
    }

    @Test
    void aBodyLargerThanTheServerReadsIsAProblemNotAPlainPage() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String huge = "{\"record\":{\"family_name\":\"" + "M".repeat(3_000_000) + "\"},\"caseRef\":\"AZ-1\"}";
        Response r = s.call("POST", "/api/v1/link", anna, huge);
        clearRefusal("a 3 MB link request", r);
        assertThat(r.status()).isEqualTo(413);
        Response signIn = s.call("POST", "/api/v1/sessions", null, "{\"user\":\"" + "a".repeat(3_000_000)
                + "\",\"password\":\"x\"}");
        clearRefusal("a 3 MB sign-in", signIn);
        assertThat(signIn.status()).isEqualTo(413);
    }

    @Test
    void aJsonRouteRefusesABodyOfAnotherContentType() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String link = "{\"record\":{\"family_name\":\"Meier\"},\"caseRef\":\"AZ-1\"}";
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml",
            "multipart/form-data; boundary=x"}) {
            Response r = s.call("POST", "/api/v1/link", anna, link, "Content-Type", type);
            clearRefusal("link sent as " + type, r);
            assertThat(r.status()).as(type).isEqualTo(415);
        }
        Response xml = s.call("POST", "/api/v1/sessions", null, "<user>anna</user>", "Content-Type",
                "application/xml");
        clearRefusal("a sign-in as XML", xml);
        // the right type, with a charset or in capitals, is read
        assertThat(s.call("POST", "/api/v1/link", anna, link, "Content-Type", "application/json; charset=UTF-8")
                .status()).isEqualTo(200);
        assertThat(s.call("POST", "/api/v1/link", anna, link, "Content-Type", "Application/JSON").status())
                .isEqualTo(200);
    }
}
