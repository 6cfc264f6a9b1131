package de.grw.api.remote;

import de.grw.api.AccessEntry;
import de.grw.api.AccessLogApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The access log through {@code GET /api/v1/access-log}; the server checks the right to read it. */
final class RemoteAccessLog implements AccessLogApi {
    private final Transport http;
    private final Supplier<String> token;

    RemoteAccessLog(Transport http, Supplier<String> token) {
        this.http = http;
        this.token = token;
    }

    @Override
    public List<AccessEntry> query(String person, String user, int limit) {
        List<String> q = new ArrayList<>();
        if (person != null && !person.isBlank()) {
            q.add(Transport.query("person", person.strip()));
        }
        if (user != null && !user.isBlank()) {
            q.add(Transport.query("user", user.strip()));
        }
        q.add("limit=" + Math.max(0, limit));
        return http.readList(http.get("/api/v1/access-log?" + String.join("&", q), token.get()),
                AccessEntry.class);
    }
}
