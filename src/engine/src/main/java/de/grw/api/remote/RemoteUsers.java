package de.grw.api.remote;

import de.grw.api.Account;
import de.grw.api.UsersApi;
import de.grw.rights.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The accounts through the server's {@code /api/v1/users} routes; the server decides who may (administrators, and
 * everyone for their own password). A password travels in the request body over TLS only.
 */
final class RemoteUsers implements UsersApi {
    private final Transport http;
    private final Supplier<String> token;

    RemoteUsers(Transport http, Supplier<String> token) {
        this.http = http;
        this.token = token;
    }

    @Override
    public List<Account> list() {
        return http.readList(http.get("/api/v1/users", token.get()), Account.class);
    }

    @Override
    public void add(String name, Role role, String person, char[] password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("role", role.name());
        if (person != null) {
            body.put("person", person);
        }
        body.put("password", new String(password));
        http.post("/api/v1/users", token.get(), body);
    }

    @Override
    public void setPassword(String name, char[] password) {
        http.put("/api/v1/users/" + segment(name) + "/password", token.get(), Map.of("password",
                new String(password)));
    }

    /** From {@code GET /api/v1/sessions/current}, which the server reads from the store at each call. */
    @Override
    public boolean mustChangeOwnPassword() {
        return http.get("/api/v1/sessions/current", token.get()).path("mustChangePassword").asBoolean(false);
    }

    @Override
    public void setDisabled(String name, boolean disabled) {
        http.put("/api/v1/users/" + segment(name) + "/disabled", token.get(), Map.of("disabled", disabled));
    }

    @Override
    public void setRole(String name, Role role) {
        http.put("/api/v1/users/" + segment(name) + "/role", token.get(), Map.of("role", role.name()));
    }

    /** A name as one path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name == null ? "" : name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
