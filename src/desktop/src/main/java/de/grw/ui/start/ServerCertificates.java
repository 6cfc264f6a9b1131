package de.grw.ui.start;

import de.grw.common.Text;
import de.grw.common.UserFacingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate fingerprint a server shows, read before the user trusts it, as SSH shows a host key on the first
 * connection: the user compares it with the one the administrator gave them ({@code grw server} prints it at its
 * start), and only then does the client connect, pinned to exactly that certificate
 * ({@link de.grw.api.remote.RemoteWorkbench#connect(java.net.URI, String)}, which checks it again on every
 * connection). Nothing is sent over this handshake: it ends as soon as the certificate is read.
 * <p>
 * The form is the server's: SHA-256 of the certificate's DER encoding, upper-case hex pairs with colons.
 */
public final class ServerCertificates {
    private static final int TIMEOUT_MS = 10_000;

    private ServerCertificates() {
    }

    /**
     * Reads the certificate the server presents (a network call: off the FX thread) and returns its fingerprint.
     *
     * @throws UserFacingException the server cannot be reached or speaks no TLS
     */
    public static String fingerprint(ServerAddress address) {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Recording(seen)}, null);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(address.socketHost(), address.port()), TIMEOUT_MS);
                plain.setSoTimeout(TIMEOUT_MS);
                try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                        address.socketHost(), address.port(), false)) {
                    serverName(socket, address.host());
                    socket.startHandshake();
                }
            }
        } catch (IOException e) {
            if (seen.get() == null) {
                throw new UserFacingException(Text.of("remote.unreachable", address.url(), describe(e)), e);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
        return of(seen.get());
    }

    /** Names the host in the handshake (SNI) as an HTTPS client does; not for an IP address. */
    private static void serverName(SSLSocket socket, String host) {
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            return;
        }
        try {
            SSLParameters p = socket.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(p);
        } catch (IllegalArgumentException e) {
            // a name SNI cannot carry: the server then shows its default certificate, as to any such client
        }
    }

    /** The fingerprint of a certificate, in the server's form. */
    static String of(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * A fingerprint as typed or pasted (colons, spaces, line breaks, either case, a {@code SHA256/} prefix) in the
     * server's form, or {@code null} when it is no SHA-256 fingerprint.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String hex = typed.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha-?256[/:]", "")
                .replaceAll("[\\s:]", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            return null;
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    /** A fingerprint in four lines of eight pairs, to be read aloud and compared pair by pair. */
    public static String lines(String fingerprint) {
        String[] pairs = fingerprint.split(":");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                sb.append(i % 8 == 0 ? "\n" : ":");
            }
            sb.append(pairs[i]);
        }
        return sb.toString();
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Trusts nothing, records the server's certificate and lets the handshake end (no data is exchanged). */
    private static final class Recording extends X509ExtendedTrustManager {
        private final AtomicReference<X509Certificate> seen;

        Recording(AtomicReference<X509Certificate> seen) {
            this.seen = seen;
        }

        private void record(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            seen.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
