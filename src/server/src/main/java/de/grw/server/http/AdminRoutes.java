package de.grw.server.http;

import static de.grw.server.http.Api.actor;
import static de.grw.server.http.Api.body;
import static de.grw.server.http.Api.json;
import static de.grw.server.http.Api.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.grw.common.Text;
import de.grw.rights.Role;
import de.grw.server.http.Api.Route;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.List;

/**
 * The routes of accountability and administration: the journal's entries, the access log and the accounts. The
 * engine decides who may: reading the journal needs the right to verify it, the access log its own right, and
 * managing accounts is for administrators (everyone may set their own password). A password travels only in a
 * request body over TLS, is never logged and never answered.
 */
final class AdminRoutes implements Api.RouteGroup {
    private static final int MAX_ACCESS_LOG = 10_000;

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/api/v1/journal", true, this::journal),
                new Route(HandlerType.GET, "/api/v1/access-log", true, this::accessLog),
                new Route(HandlerType.GET, "/api/v1/users", true, this::users),
                new Route(HandlerType.POST, "/api/v1/users", true, this::addUser),
                new Route(HandlerType.PUT, "/api/v1/users/{name}/password", true, this::setPassword),
                new Route(HandlerType.PUT, "/api/v1/users/{name}/disabled", true, this::setDisabled),
                new Route(HandlerType.PUT, "/api/v1/users/{name}/role", true, this::setRole));
    }

    /** {@code GET /api/v1/journal?user=&from=&to=&person=}: entries in journal order, each filter optional. */
    private void journal(Context ctx) {
        json(ctx, actor(ctx).signedIn().journal().entries(ctx.queryParam("user"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("person")));
    }

    /** {@code GET /api/v1/access-log?person=&user=&limit=}: accesses, newest first ({@code limit} 0: all). */
    private void accessLog(Context ctx) {
        long limit = whole(ctx.queryParam("limit"), "limit", 0);
        if (limit < 0 || limit > MAX_ACCESS_LOG) {
            throw new ApiProblem(400, Text.of("server.bad_request", "limit must be 0 (all) to " + MAX_ACCESS_LOG));
        }
        json(ctx, actor(ctx).signedIn().accessLog().query(blankToNull(ctx.queryParam("person")),
                blankToNull(ctx.queryParam("user")), (int) limit));
    }

    private void users(Context ctx) {
        json(ctx, actor(ctx).signedIn().users().list());
    }

    /**
     * {@code POST /api/v1/users}: {@code {"name":..., "role":"clerk", "person":"P-4711", "password":...}} (the
     * person optional: without it the account is its own person).
     */
    record NewAccount(String name, String role, String person, String password) {
        @Override
        public String toString() {
            return "NewAccount[name=" + name + ", role=" + role + ", person=" + person + "]";
        }
    }

    private void addUser(Context ctx) throws JsonProcessingException {
        NewAccount req = body(ctx, NewAccount.class);
        if (req.name() == null || req.role() == null || req.password() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'name', 'role' and 'password' are required"));
        }
        Role role;
        try {
            role = Role.parse(req.role());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", e.getMessage()));
        }
        char[] password = req.password().toCharArray();
        try {
            actor(ctx).signedIn().users().add(req.name(), role, req.person(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        ctx.status(201);
        json(ctx, actor(ctx).signedIn().users().list().stream().filter(a -> a.name().equals(req.name()))
                .findFirst().orElse(null));
    }

    /** {@code PUT /api/v1/users/{name}/password}: {@code {"password":...}}. */
    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    private void setPassword(Context ctx) throws JsonProcessingException {
        NewPassword req = body(ctx, NewPassword.class);
        if (req.password() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'password' is required"));
        }
        char[] password = req.password().toCharArray();
        try {
            actor(ctx).signedIn().users().setPassword(ctx.pathParam("name"), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        ctx.status(204);
    }

    /** {@code PUT /api/v1/users/{name}/disabled}: {@code {"disabled":true}}. */
    record Disabled(Boolean disabled) {
    }

    private void setDisabled(Context ctx) throws JsonProcessingException {
        Disabled req = body(ctx, Disabled.class);
        if (req.disabled() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'disabled' (true or false) is required"));
        }
        actor(ctx).signedIn().users().setDisabled(ctx.pathParam("name"), req.disabled());
        ctx.status(204);
    }

    /** {@code PUT /api/v1/users/{name}/role}: {@code {"role":"supervisor"}}. */
    record NewRole(String role) {
    }

    private void setRole(Context ctx) throws JsonProcessingException {
        NewRole req = body(ctx, NewRole.class);
        if (req.role() == null) {
            throw new ApiProblem(400, Text.of("server.bad_request", "'role' is required"));
        }
        Role role;
        try {
            role = Role.parse(req.role());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, Text.of("server.bad_request", e.getMessage()));
        }
        actor(ctx).signedIn().users().setRole(ctx.pathParam("name"), role);
        ctx.status(204);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
