package de.grw.api.remote;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, named by the SHA-256 fingerprint of its DER encoding (what {@code grw
 * server} prints and logs at its start): the office's self-signed certificate, checked without a certificate
 * authority. Being an {@link X509ExtendedTrustManager}, it replaces the JDK's checks altogether, host name included:
 * the pin names the one certificate, whatever name the client used to reach the server (a server reached by its
 * address or an alias). Any other certificate ends the handshake.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final String fingerprint;

    /** @param fingerprint 64 hex digits, with or without colons, in either case */
    PinnedTrust(String fingerprint) {
        this.fingerprint = normalise(fingerprint);
    }

    /** The fingerprint as 64 lower-case hex digits, or {@code null} when it is none. */
    static String normalise(String fingerprint) {
        if (fingerprint == null) {
            return null;
        }
        String hex = fingerprint.replace(":", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256/") || hex.startsWith("sha-256/")) {
            hex = hex.substring(hex.indexOf('/') + 1);
        }
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    /** The SHA-256 fingerprint of a certificate, 64 lower-case hex digits. */
    static String of(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String actual = of(chain[0]);
        if (!actual.equals(fingerprint)) {
            throw new FingerprintMismatch(actual);
        }
        chain[0].checkValidity();
    }

    /** The server's certificate is not the pinned one. */
    static final class FingerprintMismatch extends CertificateException {
        private final String actual;

        FingerprintMismatch(String actual) {
            super("the server's certificate has the SHA-256 fingerprint " + actual + ", not the one given");
            this.actual = actual;
        }

        String actual() {
            return actual;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
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
