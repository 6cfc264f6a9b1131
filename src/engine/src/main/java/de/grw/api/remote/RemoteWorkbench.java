package de.grw.api.remote;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.WorkbenchInfo;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A workspace behind a workspace server ({@code grw server}), through the same service interfaces as a local
 * workspace file: the server checks the rights, the four eyes, the masking, the case references and writes the
 * access log and the journal; this client only carries the calls over HTTPS and throws what a local call would
 * have thrown, with the server's message key.
 * <p>
 * <b>Trust.</b> With a fingerprint, exactly the certificate of that SHA-256 fingerprint is trusted (the server's
 * generated, self-signed certificate: {@code grw server} prints and logs it); without one, the JVM's certificate
 * authorities and the host name (a certificate of the office's authority).
 * <p>
 * <b>What a server offers.</b> Every operation of the service interfaces but the database import and export (a
 * server would connect to any JDBC URL a client names, with its own account): those throw a
 * {@link UserFacingException} "not offered by this server" ({@code remote.not_offered}). A file import uploads the
 * file's bytes; an export comes back as a zip and is written into the directory the caller names; a match runs on
 * the server. Progress of that long work is not reported, and a cancellation counts only before the request is
 * sent.
 */
public final class RemoteWorkbench implements Workbench {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteWorkbench.class);
    private final Transport http;
    private final Set<RemoteSignedIn> signedIn = ConcurrentHashMap.newKeySet();
    private volatile JsonNode workspace;
    private volatile boolean closed;

    private RemoteWorkbench(Transport http) {
        this.http = http;
    }

    /**
     * Connects to a workspace server and checks that it answers as one (its certificate, then its API
     * description, which needs no sign-in).
     *
     * @param url         {@code https://host:port}
     * @param fingerprint the SHA-256 fingerprint of the server's certificate (64 hex digits, colons allowed), or
     *                    {@code null} to trust the JVM's certificate authorities
     * @throws UserFacingException the server cannot be reached, its certificate is not the one given or not
     *                             trusted, or it is no workspace server
     */
    public static RemoteWorkbench connect(URI url, String fingerprint) {
        Transport http = new Transport(url, fingerprint);
        JsonNode api = http.get("/api/v1/openapi.json", null);
        if (!api.path("openapi").isTextual()) {
            throw new UserFacingException(Text.of("remote.not_a_server", http.base()));
        }
        LOG.info("connected to the workspace server {} (API {})", http.base(), api.path("info").path("version")
                .asText("?"));
        return new RemoteWorkbench(http);
    }

    /** {@link #connect(URI, String)} with the address as text. */
    public static RemoteWorkbench connect(String url, String fingerprint) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(Text.of("remote.bad_url", url));
        }
        return connect(uri, fingerprint);
    }

    /**
     * What the workspace is. The server tells its name and profile to signed-in users only: before a sign-in the
     * name is the server's address and the profile is empty.
     */
    @Override
    public WorkbenchInfo info() {
        requireOpen();
        JsonNode w = workspace;
        if (w == null) {
            for (RemoteSignedIn s : signedIn) {
                try {
                    w = s.workspace();
                    workspace = w;
                    break;
                } catch (RuntimeException e) {
                    LOG.debug("workspace description through {} failed", s, e);
                }
            }
        }
        return w == null ? new WorkbenchInfo(WorkbenchInfo.Kind.REMOTE, http.base(), http.base(), "", true)
                : new WorkbenchInfo(WorkbenchInfo.Kind.REMOTE, http.base(), w.path("name").asText(),
                        w.path("profile").asText(), true);
    }

    /**
     * Where the server's link index stands ({@code GET /api/v1/status}, no sign-in needed): {@code none},
     * {@code building} or {@code ready}. The server builds it in the background at its start.
     */
    public String linkIndexStatus() {
        requireOpen();
        return http.get("/api/v1/status", null).path("linkIndex").asText("none");
    }

    @Override
    public SignedIn signIn(String user, char[] password) {
        requireOpen();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", new String(password));
        JsonNode session = http.post("/api/v1/sessions", null, body);
        RemoteSignedIn s = new RemoteSignedIn(this, http, session);
        signedIn.add(s);
        return s;
    }

    void signedOut(RemoteSignedIn s) {
        signedIn.remove(s);
    }

    boolean closed() {
        return closed;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the connection to " + http.base() + " is closed");
        }
    }

    /** Signs every user of this connection out. */
    @Override
    public void close() {
        closed = true;
        for (RemoteSignedIn s : Set.copyOf(signedIn)) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "RemoteWorkbench[" + http.base() + "]";
    }
}
