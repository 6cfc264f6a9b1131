package de.grw.ui.start;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A workspace server's address as the user typed it, in one form: {@code https://host:port}. The same server typed
 * as {@code grw.amt.local:8443}, {@code https://GRW.amt.local:8443/} or {@code https://grw.amt.local:8443/api/v1}
 * is one entry of the recent list and one pinned fingerprint. Only HTTPS: the server speaks nothing else.
 *
 * @param host the host name or address, in lower case
 * @param port the port (443 when none was typed)
 */
public record ServerAddress(String host, int port) {

    /** The address in the typed text, or empty when it is none (blank, not HTTPS, no host, a bad port). */
    public static Optional<ServerAddress> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.contains("://")) {
            t = "https://" + t;
        }
        try {
            URI uri = new URI(t);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() == -1 ? 443 : uri.getPort();
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
            return Optional.of(new ServerAddress(uri.getHost().toLowerCase(Locale.ROOT), port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code https://host:port}: what the recent list shows and the key of the pinned fingerprint. */
    public String url() {
        return "https://" + host + ":" + port;
    }

    public URI uri() {
        return URI.create(url());
    }

    /** The host without the brackets of an IPv6 address, for a socket. */
    String socketHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return url();
    }
}
