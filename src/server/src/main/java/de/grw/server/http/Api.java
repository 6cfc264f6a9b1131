package de.grw.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.Text;
import de.grw.review.DecisionCommand;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.server.auth.Authenticator;
import de.grw.server.auth.SessionRegistry;
import de.grw.server.engine.EngineAdapter;
import de.grw.server.engine.EngineAdapter.Actor;
import de.grw.workspace.ClusterStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The API's routes, {@code /api/v1/...}: one table ({@link #routes()}) that is registered with Javalin and that the
 * OpenAPI description ({@code /api/v1/openapi.json}, a hand-written resource) is checked against by a test.
 * <p>
 * Every route but signing in, the status and the OpenAPI description needs {@code Authorization: Bearer <token>}; the session
 * behind it, not anything in the request, says who acts. Handlers only translate between HTTP and the engine
 * adapter: rights, four eyes, masking, case references and the access log are the engine's.
 */
public final class Api {
    /** The header that carries a case reference (Aktenzeichen) where a body cannot. */
    public static final String CASE_HEADER = "X-Case-Reference";
    static final String SESSION = "grw.session";
    static final String TOKEN = "grw.token";
    private static final int MAX_PAGE = 500;
    /** The largest JSON body the server reads; an upload (a file, a bundle) has its own limit. */
    public static final long MAX_JSON_BODY = BodyRules.MAX_JSON;

    private final EngineAdapter engine;
    private final Authenticator auth;

    public Api(EngineAdapter engine, Authenticator auth) {
        this.engine = engine;
        this.auth = auth;
    }

    /** One route of the API. */
    public record Route(HandlerType method, String path, boolean signedIn, io.javalin.http.Handler handler) {
        /** {@code GET /api/v1/queue} */
        public String describe() {
            return method.name() + " " + path;
        }
    }

    /** A group of routes in a class of its own (review, administration, data, ...). */
    interface RouteGroup {
        List<Route> routes();
    }

    /**
     * The route groups besides the sessions, the workspace and the description: a new group is one line here.
     */
    private List<RouteGroup> groups() {
        return List.of(
                new ReviewRoutes(),
                new BulkRoutes(),
                new AdminRoutes(),
                new DataRoutes(),
                new ModelRoutes());
    }

    /** The route table. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>(coreRoutes());
        for (RouteGroup g : groups()) {
            all.addAll(g.routes());
        }
        return List.copyOf(all);
    }

    private List<Route> coreRoutes() {
        return List.of(
                new Route(HandlerType.POST, "/api/v1/sessions", false, this::signIn),
                new Route(HandlerType.GET, "/api/v1/sessions/current", true, this::currentSession),
                new Route(HandlerType.DELETE, "/api/v1/sessions/current", true, this::signOut),
                new Route(HandlerType.GET, "/api/v1/workspace", true, this::workspace),
                new Route(HandlerType.GET, "/api/v1/governance", true, this::governance),
                new Route(HandlerType.GET, "/api/v1/queue", true, this::queue),
                new Route(HandlerType.GET, "/api/v1/clusters/{id}", true, this::cluster),
                new Route(HandlerType.GET, "/api/v1/clusters/{id}/members", true, this::members),
                new Route(HandlerType.POST, "/api/v1/clusters/{id}/decisions", true, this::decide),
                new Route(HandlerType.GET, "/api/v1/approvals", true, this::pending),
                new Route(HandlerType.POST, "/api/v1/decisions/{id}/approval", true, this::approve),
                new Route(HandlerType.GET, "/api/v1/decisions/{id}/golden", true, this::goldenOfDecision),
                new Route(HandlerType.GET, "/api/v1/journal/verification", true, this::verify),
                new Route(HandlerType.GET, "/api/v1/openapi.json", false, this::openApi),
                new Route(HandlerType.GET, "/api/v1/status", false, this::status));
    }

    /** Registers the routes, the check of the session before every signed-in one, and the problem answers. */
    public void register(RoutesConfig config) {
        List<Route> table = java.util.stream.Stream.concat(routes().stream(),
                new LinkRoutes(engine).routes().stream()).toList(); // real-time linking for other applications
        config.before(ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            boolean open = table.stream().anyMatch(r -> !r.signedIn() && r.method().equals(ctx.method())
                    && r.path().equals(ctx.path()));
            if (!open) {
                authenticate(ctx);
            }
        });
        BodyRules bodies = BodyRules.described(); // no handler acts on a body it does not read
        for (Route r : table) {
            config.addHttpHandler(r.method(), r.path(), ctx -> {
                bodies.check(r, ctx);
                r.handler().handle(ctx);
            });
        }
        config.exception(Exception.class, Problems::handle);
        // Javalin answers its own exceptions (a body too large) in plain text unless their class has a handler
        config.exception(io.javalin.http.HttpResponseException.class, Problems::handle);
        config.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/problem+json")) { // no route (not a problem sent)
                Problems.send(ctx, 404, Text.of("server.no_route", ctx.method().name(), ctx.path()));
            }
        });
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).strip();
        }
        if (token == null || token.isEmpty()) {
            throw new Authenticator.NotSignedInException(Text.of("server.not_signed_in"));
        }
        SessionRegistry.Entry session = auth.resume(token);
        ctx.attribute(SESSION, session);
        ctx.attribute(TOKEN, token);
    }

    static Actor actor(Context ctx) {
        SessionRegistry.Entry e = ctx.attribute(SESSION);
        if (e == null) {
            throw new IllegalStateException("a signed-in route ran without a session");
        }
        return e.actor();
    }

    // ---- sessions ----

    /** {@code POST /api/v1/sessions}: {@code {"user":..., "password":...}}. */
    record SignInRequest(String user, String password) {
        @Override
        public String toString() {
            return "SignInRequest[user=" + user + "]";
        }
    }

    /** A session as the client sees it; the token only in the answer to the sign-in. */
    record SessionView(String token, String user, Role role, List<Permission> permissions, boolean directory,
                       String signedInAt, String idleUntil, String expiresAt, long idleTimeoutSeconds,
                       boolean mustChangePassword) {
    }

    private void signIn(Context ctx) throws JsonProcessingException {
        SignInRequest req = body(ctx, SignInRequest.class);
        if (req.user() == null || req.password() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'user' and 'password' are required"));
        }
        SessionRegistry.Issued issued;
        try {
            issued = auth.signIn(req.user(), req.password().toCharArray(), ctx.ip());
        } catch (AccessDeniedException e) {
            throw new ApiProblem(401, e.text() != null ? e.text() : Text.of("users.wrong_login"), e);
        }
        ctx.status(201);
        json(ctx, view(issued.token(), issued.entry()));
    }

    private void currentSession(Context ctx) {
        json(ctx, view(null, ctx.attribute(SESSION)));
    }

    private SessionView view(String token, SessionRegistry.Entry e) {
        SessionRegistry sessions = auth.sessions();
        List<Permission> permissions = Arrays.stream(Permission.values()).filter(e.actor()::may).toList();
        return new SessionView(token, e.actor().user(), e.actor().role(), permissions, e.directory(), iso(e.created()),
                iso(sessions.idleUntil(e)), iso(sessions.expiresAt(e)), sessions.idleTimeout().toSeconds(),
                e.actor().signedIn().users().mustChangeOwnPassword());
    }

    private static String iso(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private void signOut(Context ctx) {
        auth.signOut(ctx.attribute(TOKEN), ctx.attribute(SESSION));
        ctx.status(204);
    }

    // ---- workspace and review ----

    private void workspace(Context ctx) {
        json(ctx, engine.info(actor(ctx)));
    }

    /** {@code GET /api/v1/governance}: the match profile and the governance settings, no personal data. */
    private void governance(Context ctx) {
        json(ctx, engine.governance(actor(ctx)));
    }

    /** {@code GET /api/v1/clusters/{id}/members}: the record ids of a cluster, no personal data. */
    private void members(Context ctx) {
        json(ctx, engine.memberIds(actor(ctx), whole(ctx.pathParam("id"), "id", -1)));
    }

    /**
     * {@code GET /api/v1/queue?status=OPEN&status=DEFERRED&source=...&min=0&max=1&limit=50&mode=uncertain}: the first
     * page of the queue, the most uncertain clusters first (or, with {@code mode=active-learning}, those whose answer
     * would teach the model most), how many wait in all, and the mode.
     */
    private void queue(Context ctx) {
        Set<ClusterStatus> statuses = EnumSet.noneOf(ClusterStatus.class);
        for (String s : split(ctx.queryParams("status"))) {
            try {
                statuses.add(ClusterStatus.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, Text.of("server.bad_request", "unknown status '" + s + "' ("
                        + Arrays.toString(ClusterStatus.values()) + ")"));
            }
        }
        double min = decimal(ctx, "min", 0);
        double max = decimal(ctx, "max", 1);
        int limit = (int) whole(ctx.queryParam("limit"), "limit", 50);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiProblem(400, Text.of("server.bad_request", "limit must be 1 to " + MAX_PAGE));
        }
        // names=true: each row with the person's name (masked as a cluster is; logged by the engine as one access)
        boolean names = "true".equalsIgnoreCase(ctx.queryParam("names"));
        // mode=active-learning: the clusters whose answer would teach the model most (issue 15); the answer says
        de.grw.review.QueueMode mode;
        try {
            mode = de.grw.review.QueueMode.parse(ctx.queryParam("mode"));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", e.getMessage()));
        }
        json(ctx, engine.queue(actor(ctx), statuses, split(ctx.queryParams("source")), min, max, limit,
                names ? caseRef(ctx, null) : null, names, mode));
    }

    /** {@code GET /api/v1/clusters/{id}} with a case reference: the cluster as the review shows it, logged. */
    private void cluster(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        String caseRef = caseRef(ctx, null);
        if (caseRef == null) {
            throw new ApiProblem(400, Text.of("server.case_required"));
        }
        json(ctx, engine.cluster(actor(ctx), id, caseRef));
    }

    /** {@code POST /api/v1/clusters/{id}/decisions}: {@code {"command":{"decision":"MERGE",...},"comment","caseRef"}}. */
    record DecisionRequest(DecisionCommand command, String comment, String caseRef) {
    }

    private void decide(Context ctx) throws JsonProcessingException {
        long id = whole(ctx.pathParam("id"), "id", -1);
        DecisionRequest req = body(ctx, DecisionRequest.class);
        if (req.command() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'command' is required"));
        }
        ctx.status(201);
        json(ctx, engine.propose(actor(ctx), id, req.command(), req.comment(), caseRef(ctx, req.caseRef())));
    }

    private void pending(Context ctx) {
        json(ctx, engine.pendingApprovals(actor(ctx)));
    }

    /** {@code POST /api/v1/decisions/{id}/approval}: {@code {"comment":...}}. */
    record ApprovalRequest(String comment) {
    }

    private void approve(Context ctx) throws JsonProcessingException {
        long id = whole(ctx.pathParam("id"), "id", -1);
        ApprovalRequest req = ctx.body().isBlank() ? new ApprovalRequest(null) : body(ctx, ApprovalRequest.class);
        json(ctx, engine.approve(actor(ctx), id, req.comment()));
    }

    /** {@code GET /api/v1/decisions/{id}/golden}: {@code {"goldenId": "G-000001"}} or {@code null}. */
    record GoldenOfDecision(String goldenId) {
    }

    private void goldenOfDecision(Context ctx) {
        long id = whole(ctx.pathParam("id"), "id", -1);
        json(ctx, new GoldenOfDecision(engine.goldenRecordOf(actor(ctx), id).orElse(null)));
    }

    private void verify(Context ctx) {
        json(ctx, engine.verifyJournal(actor(ctx)));
    }

    /** {@code GET /api/v1/status}: the server answers, and where its link index stands; no session, no personal data. */
    record Status(String status, String linkIndex) {
    }

    private void status(Context ctx) {
        json(ctx, new Status("ok", engine.linkIndexStatus()));
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/de/grw/server/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description is missing from the server's resources");
            }
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    // ---- helpers ----

    static <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiProblem(400, Text.of("server.bad_request", "the request has no JSON body"));
        }
        T value = Json.MAPPER.readValue(body, type);
        if (value == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "the body is null"));
        }
        return value;
    }

    static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    /** The case reference of the body, else of the header or the parameter; two different ones are refused. */
    static String caseRef(Context ctx, String inBody) {
        List<String> given = new ArrayList<>();
        for (String s : new String[] {inBody, ctx.header(CASE_HEADER), ctx.queryParam("caseRef")}) {
            if (s != null && !s.isBlank() && !given.contains(s.strip())) {
                given.add(s.strip());
            }
        }
        if (given.size() > 1) {
            throw new ApiProblem(400, Text.of("server.bad_request", "two different case references given: "
                    + given));
        }
        return given.isEmpty() ? null : given.get(0);
    }

    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static long whole(String value, String name, long def) {
        if (value == null || value.isBlank()) {
            if (def >= 0) {
                return def;
            }
            throw new ApiProblem(400, Text.of("server.bad_request", "'" + name + "' is required"));
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'" + name + "' is not a whole number"));
        }
    }

    static double decimal(Context ctx, String name, double def) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= 0 && d <= 1)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'" + name + "' must be a number from 0 to 1"));
        }
    }
}
