package de.grw.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.server.config.ServerConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's certificate: generated once into the data directory, owner-only, reused, or the configured one. */
class ServerCertificateTest {
    @TempDir
    Path dir;

    private static final ServerConfig.Tls GENERATE = new ServerConfig.Tls(null, null, null,
            List.of("grw.musterstadt.example", "localhost", "127.0.0.1"));

    @Test
    void aFirstStartGeneratesASelfSignedCertificateReadableByTheOwnerOnly() throws Exception {
        ServerCertificate first = ServerCertificate.load(GENERATE, dir.resolve("data"), Clock.systemUTC());
        assertThat(first.generated()).isTrue();
        assertThat(first.file()).isEqualTo(dir.resolve("data/tls/server.p12"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/tls"))))
                .isEqualTo("rwx------");
        for (String f : new String[] {"server.p12", "server.p12.password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/tls/" + f))))
                    .as(f).isEqualTo("rw-------");
        }
        X509Certificate cert = first.certificate();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=grw.musterstadt.example");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertThat(names).containsExactly("grw.musterstadt.example", "localhost", "127.0.0.1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // server authentication
        assertThat(cert.getBasicConstraints()).isEqualTo(-1); // no CA
        cert.verify(cert.getPublicKey());
        // the fingerprint is SHA-256 over the certificate as openssl shows it
        String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertThat(first.fingerprint()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        ServerCertificate again = ServerCertificate.load(GENERATE, dir.resolve("data"), Clock.systemUTC());
        assertThat(again.generated()).isFalse();
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void aConfiguredKeystoreIsUsedAndAWrongPasswordNamed() throws Exception {
        ServerCertificate made = ServerCertificate.load(GENERATE, dir.resolve("made"), Clock.systemUTC());
        Path office = dir.resolve("office.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("grw", made.keyStore().getKey("grw-server", made.password()), "Amt-Keystore-1".toCharArray(),
                made.keyStore().getCertificateChain("grw-server"));
        ks.setCertificateEntry("ca", made.certificate());
        try (OutputStream out = Files.newOutputStream(office)) {
            ks.store(out, "Amt-Keystore-1".toCharArray());
        }
        ServerCertificate used = ServerCertificate.load(new ServerConfig.Tls(office, "Amt-Keystore-1".toCharArray(),
                null, List.of()), dir.resolve("data"), Clock.systemUTC());
        assertThat(used.generated()).isFalse();
        assertThat(used.fingerprint()).isEqualTo(made.fingerprint());
        assertThat(dir.resolve("data/tls")).doesNotExist();

        assertThatThrownBy(() -> ServerCertificate.load(new ServerConfig.Tls(office, "falsch".toCharArray(), null,
                List.of()), dir.resolve("data"), Clock.systemUTC())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining(office.toString()).hasMessageContaining("password");
    }
}
