package de.grw.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;
import de.grw.server.auth.Authenticator;
import de.grw.server.auth.DirectorySignIn;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Every refusal and error as an RFC 9457 problem ({@code application/problem+json}): {@code status}, {@code title}
 * (the HTTP reason), {@code key} and {@code args} (the engine's message key and arguments, nested messages as
 * {@code {"key":...,"args":[...]}}, for a client to show in its language) and {@code detail} (the message in the
 * language the request's {@code Accept-Language} prefers, German or English). Never a stack trace, never a file
 * path: an unexpected error is logged with an incident number and only that number is sent.
 * <ul>
 * <li>no session, an unknown, ended or revoked token: 401 (with {@code WWW-Authenticate: Bearer});
 * <li>a refused sign-in: 401; too many failed sign-ins: 429 with {@code Retry-After};
 * <li>{@link AccessDeniedException} (rights, four eyes): 403;
 * <li>{@link UserFacingException}: 404 when what is named does not exist, 409 when the workspace's state refuses
 *     (a closed cluster, a decision no longer pending), 400 otherwise (the request itself is wrong);
 * <li>a body larger than the server reads: 413; a body a route does not take: 400, or 415 for a type not JSON
 *     ({@link BodyRules});
 * <li>the office's directory unreachable: 503; anything else: 500.
 * </ul>
 */
public final class Problems {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Problems.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Refusals because of the workspace's state, not the request's form. */
    private static final Set<String> CONFLICTS = Set.of("review.cluster_closed", "review.not_awaiting",
            "review.claimed", "review.nothing_to_revert", "review.later_decision", "users.exists",
            "workspace.source_exists", "workspace.same_content", "workspace.same_file", "link.no_model",
            "link.model_stale", "link.store_key_present", "link.store_no_run");
    /** Refusals because what the request names does not exist. */
    private static final Set<String> NOT_FOUND = Set.of("review.no_cluster", "review.no_decision",
            "review.no_golden", "users.unknown");

    private Problems() {
    }

    /** Answers an exception a handler threw. */
    public static void handle(Exception e, Context ctx) {
        if (e instanceof ApiProblem p) {
            if (p.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"grw\"");
            }
            send(ctx, p.status(), p.text());
        } else if (e instanceof Authenticator.NotSignedInException n) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"grw\"");
            send(ctx, 401, n.text());
        } else if (e instanceof Authenticator.TooManyAttemptsException t) {
            ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
            send(ctx, 429, t.text());
        } else if (e instanceof DirectorySignIn.DirectoryUnavailableException d) {
            send(ctx, 503, d.text());
        } else if (e instanceof AccessDeniedException a) {
            send(ctx, 403, a.text() != null ? a.text() : Text.of("server.message", a.getMessage()));
        } else if (e instanceof UserFacingException u) {
            userFacing(u, ctx);
        } else if (e instanceof JsonProcessingException j) {
            send(ctx, 400, Text.of("server.bad_request", describe(j)));
        } else if (e instanceof HttpResponseException h) {
            send(ctx, h.getStatus(), h.getStatus() == 404
                    ? Text.of("server.no_route", ctx.method().name(), ctx.path())
                    : h.getStatus() == 413 ? Text.of("server.too_large")
                    : Text.of("server.bad_request", h.getMessage()));
        } else {
            internal(e, ctx, "server.internal");
        }
    }

    private static void userFacing(UserFacingException u, Context ctx) {
        Text text = u.text();
        if (text == null) {
            send(ctx, 400, Text.of("server.message", u.getMessage()));
            return;
        }
        String key = text.key();
        if (key.equals("workspace.damaged") || key.equals("workspace.cannot_open")) {
            internal(u, ctx, "server.store_damaged"); // names the file: for the log, not for clients
        } else if (NOT_FOUND.contains(key)) {
            send(ctx, 404, text);
        } else if (CONFLICTS.contains(key)) {
            send(ctx, 409, text);
        } else {
            send(ctx, 400, text);
        }
    }

    private static void internal(Exception e, Context ctx, String key) {
        String incident = HexFormat.of().formatHex(bytes());
        LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
        send(ctx, 500, key.equals("server.store_damaged") ? Text.of("server.store_damaged", incident)
                : Text.of("server.internal", incident));
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Writes a problem. */
    public static void send(Context ctx, int status, Text text) {
        ctx.status(status).contentType("application/problem+json").result(body(status, text,
                locale(ctx.header("Accept-Language"))));
    }

    /** A problem's JSON, its detail in {@code locale}. */
    static String body(int status, Text text, Locale locale) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", io.javalin.http.HttpStatus.forStatus(status).getMessage());
        n.put("status", status);
        n.put("key", text.key());
        n.set("args", args(text));
        n.put("detail", text.in(locale));
        return n.toString();
    }

    private static ArrayNode args(Text text) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Object arg : text.args()) {
            if (arg instanceof Text t) {
                ObjectNode nested = Json.MAPPER.createObjectNode();
                nested.put("key", t.key());
                nested.set("args", args(t));
                a.add(nested);
            } else {
                a.add(String.valueOf(arg));
            }
        }
        return a;
    }

    /** German when the request's {@code Accept-Language} prefers it, English otherwise. */
    static Locale locale(String accept) {
        if (accept != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(accept)) {
                    String lang = r.getRange().toLowerCase(Locale.ROOT);
                    if (lang.startsWith("de")) {
                        return Locale.GERMAN;
                    }
                    if (lang.startsWith("en")) {
                        return Locale.ROOT;
                    }
                }
            } catch (IllegalArgumentException e) {
                return Locale.ROOT;
            }
        }
        return Locale.ROOT;
    }

    /** What is wrong with a request body, without class names. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown property '" + u.getPropertyName() + "'" + where(u);
        }
        if (e instanceof InvalidTypeIdException t) {
            return "unknown decision '" + t.getTypeId() + "' (MERGE, NOT_DUPLICATE, SPLIT, DEFER)";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            // the command refused its content (its own message), or a value it needs is missing
            return v.getCause() instanceof IllegalArgumentException ? v.getCause().getMessage()
                    : "a value the request needs is missing" + where(v);
        }
        if (e instanceof MismatchedInputException m) {
            String path = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("");
            return (path.isEmpty() ? "the body" : "'" + path + "'") + " has the wrong type or is missing"
                    + where(m);
        }
        return "not valid JSON" + where(e);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
