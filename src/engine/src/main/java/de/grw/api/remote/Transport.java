package de.grw.api.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.api.ApiJson;
import de.grw.api.Upload;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

/**
 * HTTPS to one workspace server: requests with the bearer token, answers read with the API's JSON form, and every
 * refusal turned back into the exception a local call would have thrown, with the server's message key and
 * arguments: 401 and 403 as {@link AccessDeniedException} (a wrong sign-in, a session that ended, the rights, the
 * four eyes), every other problem as {@link UserFacingException}. A server that cannot be reached, or whose
 * certificate is not the pinned one, is a {@link UserFacingException} naming the server.
 */
final class Transport {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    final ObjectMapper json = ApiJson.mapper();
    private final URI base;
    private final HttpClient client;

    /**
     * @param base        the server's address, {@code https://host:port} (a path after it is ignored)
     * @param fingerprint the SHA-256 fingerprint of the server's certificate, or {@code null} to trust the JVM's
     *                    certificate authorities (and check the host name)
     */
    Transport(URI base, String fingerprint) {
        if (base == null || !"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new UserFacingException(Text.of("remote.bad_url", String.valueOf(base)));
        }
        this.base = URI.create("https://" + base.getRawAuthority());
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (fingerprint != null) {
            String pin = PinnedTrust.normalise(fingerprint);
            if (pin == null) {
                throw new UserFacingException(Text.of("remote.bad_fingerprint", fingerprint));
            }
            try {
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, new TrustManager[] {new PinnedTrust(pin)}, null);
                b.sslContext(ssl);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS is not available", e);
            }
        }
        this.client = b.build();
    }

    String base() {
        return base.toString();
    }

    JsonNode get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    JsonNode post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    JsonNode put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    JsonNode delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw badAnswer(e);
        }
    }

    <T> List<T> readList(JsonNode node, Class<T> type) {
        try {
            JavaType t = json.getTypeFactory().constructCollectionType(List.class, type);
            return json.treeToValue(node, t);
        } catch (JsonProcessingException e) {
            throw badAnswer(e);
        }
    }

    private UserFacingException badAnswer(Exception e) {
        return new UserFacingException(Text.of("remote.bad_answer", base, e.getMessage()), e);
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sends a request; the answer's JSON (a missing node for an empty answer), or the refusal as an exception. */
    JsonNode send(String method, String path, String token, Object body, String... headers) {
        return send(method, path, token, body, TIMEOUT, headers);
    }

    /** {@link #send(String, String, String, Object, String...)} with a time limit of its own (long work). */
    JsonNode send(String method, String path, String token, Object body, Duration timeout, String... headers) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
        HttpResponse<InputStream> r = exchange(method, path, token, body == null ? null : "application/json",
                publisher, timeout, headers);
        return answer(r);
    }

    /**
     * Sends bytes (an upload) as {@code application/octet-stream} and reads the JSON answer.
     */
    JsonNode upload(String path, String token, Upload file, Duration timeout, String... headers) {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return file.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return answer(exchange("POST", path, token, "application/octet-stream", publisher, timeout, headers));
        } catch (UserFacingException e) {
            UncheckedIOException unreadable = find(e, UncheckedIOException.class);
            if (unreadable != null) {
                throw new UserFacingException(Text.of("file.cannot_read", file.name(),
                        unreadable.getCause().getMessage()), e);
            }
            throw e;
        }
    }

    /**
     * Sends a JSON request whose successful answer is a stream of bytes (an export); the caller reads and closes
     * the stream. A refusal is thrown as for {@link #send}.
     */
    HttpResponse<InputStream> download(String path, String token, Object body, Duration timeout) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON", e);
        }
        HttpResponse<InputStream> r = exchange("POST", path, token, "application/json", publisher, timeout);
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return r;
        }
        answer(r); // throws the refusal
        throw new IllegalStateException("unreachable");
    }

    private HttpResponse<InputStream> exchange(String method, String path, String token, String contentType,
                                               HttpRequest.BodyPublisher body, Duration timeout,
                                               String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Accept", "application/json")
                    .header("Accept-Language", Locale.getDefault().toLanguageTag());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body);
            return client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (SSLHandshakeException e) {
            throw handshake(e);
        } catch (IOException e) {
            Throwable pin = pinMismatch(e);
            if (pin != null) {
                throw new UserFacingException(Text.of("remote.fingerprint_mismatch", base,
                        ((PinnedTrust.FingerprintMismatch) pin).actual()), e);
            }
            throw new UserFacingException(Text.of("remote.unreachable", base, describe(e)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new de.grw.common.CancelledException();
        }
    }

    /** The answer's JSON (a missing node for an empty one), or the refusal as an exception; closes the stream. */
    private JsonNode answer(HttpResponse<InputStream> r) {
        int status = r.statusCode();
        String text;
        try (InputStream in = r.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException(Text.of("remote.unreachable", base, describe(e)), e);
        }
        JsonNode answer;
        try {
            answer = text.isBlank() ? json.missingNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            if (status >= 400) {
                throw new UserFacingException(Text.of("remote.http_error", base, status));
            }
            throw badAnswer(e);
        }
        if (status >= 200 && status < 300) {
            return answer;
        }
        throw refusal(status, answer);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The exception a local call would have thrown for the server's problem answer. */
    private RuntimeException refusal(int status, JsonNode problem) {
        Text text = problem.hasNonNull("key") ? text(problem) : Text.of("remote.http_error", base, status);
        if (status == 401 || status == 403) {
            return new AccessDeniedException(text);
        }
        return new UserFacingException(text);
    }

    /** A problem's key and arguments ({@code {"key":...,"args":[...]}}, nested ones alike). */
    private static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode a : node.path("args")) {
            args.add(a.isObject() && a.has("key") ? text(a) : a.asText());
        }
        return Text.of(node.path("key").asText(), args.toArray());
    }

    private UserFacingException handshake(SSLHandshakeException e) {
        Throwable pin = pinMismatch(e);
        if (pin != null) {
            return new UserFacingException(Text.of("remote.fingerprint_mismatch", base,
                    ((PinnedTrust.FingerprintMismatch) pin).actual()), e);
        }
        return new UserFacingException(Text.of("remote.untrusted", base, describe(e)), e);
    }

    private static Throwable pinMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PinnedTrust.FingerprintMismatch) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
