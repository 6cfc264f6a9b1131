package de.grw.server.tls;

import de.grw.common.UserFacingException;
import de.grw.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's TLS key and certificate: the keystore the configuration names, or, at a first start without one, a
 * self-signed certificate generated into {@code <data.dir>/tls/server.p12} (its password beside it in
 * {@code server.p12.password}; the folder and both files readable by the service account only) and reused from then
 * on. Clients check a self-signed certificate by its SHA-256 fingerprint, which the server prints and logs at every
 * start; an office with its own CA configures a keystore with a certificate it issued instead.
 * <p>
 * BouncyCastle only builds the certificate's structure; keys, signatures and the keystore are the JDK's (EC P-256,
 * SHA256withECDSA, PKCS12), so no security provider is registered.
 *
 * @param keyStore    the keystore holding the key and certificate
 * @param password    the keystore's and key's password
 * @param certificate the server's certificate
 * @param file        where the keystore is
 * @param generated   whether it was generated at this start
 */
public record ServerCertificate(KeyStore keyStore, char[] password, X509Certificate certificate, Path file,
                                boolean generated) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerCertificate.class);
    /** How long a generated certificate is valid. */
    static final Duration VALIDITY = Duration.ofDays(3 * 365);
    private static final String ALIAS = "grw-server";

    /** The certificate's SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} shows it. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** The configured keystore, or the generated one (generated now if it does not exist yet). */
    public static ServerCertificate load(ServerConfig.Tls tls, Path dataDir, Clock clock) {
        if (tls.keystore() != null) {
            return open(tls.keystore(), tls.password(), tls.alias(), false);
        }
        Path dir = dataDir.resolve("tls");
        Path file = dir.resolve("server.p12");
        Path passwordFile = dir.resolve("server.p12.password");
        if (Files.exists(file)) {
            char[] password;
            try {
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new UserFacingException(passwordFile + ": cannot read the generated keystore's password: "
                        + e.getMessage(), e);
            }
            return open(file, password, ALIAS, false);
        }
        return generate(dir, file, passwordFile, tls.hostnames(), clock);
    }

    private static ServerCertificate open(Path file, char[] password, String alias, boolean generated) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks")
                    ? "JKS" : "PKCS12");
            ks.load(in, password);
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new UserFacingException(file + ": the keystore holds " + keys.size() + " keys " + keys
                            + "; name the server's with tls.keystore.alias");
                }
                chosen = keys.get(0);
            }
            if (!ks.isKeyEntry(chosen) || !(ks.getCertificate(chosen) instanceof X509Certificate cert)) {
                throw new UserFacingException(file + ": the keystore holds no key with a certificate named '" + chosen
                        + "'");
            }
            if (alias == null && ks.size() > 1) {
                // Jetty picks the key by alias only when told; keep just the server's entry
                KeyStore single = KeyStore.getInstance("PKCS12");
                single.load(null, password);
                single.setKeyEntry(chosen, ks.getKey(chosen, password), password, ks.getCertificateChain(chosen));
                ks = single;
            }
            cert.checkValidity();
            return new ServerCertificate(ks, password, cert, file, generated);
        } catch (java.security.cert.CertificateExpiredException | java.security.cert.CertificateNotYetValidException e) {
            throw new UserFacingException(file + ": the server's certificate is not valid now: " + e.getMessage(), e);
        } catch (IOException | GeneralSecurityException e) {
            throw new UserFacingException(file + ": cannot open the keystore (" + e.getMessage() + "); check "
                    + "tls.keystore and its password", e);
        }
    }

    private static ServerCertificate generate(Path dir, Path file, Path passwordFile, List<String> hostnames,
                                              Clock clock) {
        try {
            ownerOnlyDirectory(dir);
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = kpg.generateKeyPair();
            X509Certificate cert = selfSigned(pair, hostnames, clock.instant());
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
            writeOwnerOnly(passwordFile, out -> out.write(new String(password).getBytes(StandardCharsets.UTF_8)));
            writeOwnerOnly(file, out -> {
                try {
                    ks.store(out, password);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
            LOG.info("generated a self-signed certificate for {} into {} (SHA-256 {})", hostnames, file,
                    fingerprint(cert));
            return new ServerCertificate(ks, password, cert, file, true);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new UserFacingException(dir + ": cannot generate the server's certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate selfSigned(KeyPair pair, List<String> hostnames, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        String primary = hostnames.isEmpty() ? "localhost" : hostnames.get(0);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, primary)
                .addRDN(BCStyle.O, "Golden Record Workbench").build();
        BigInteger serial = new BigInteger(128, new SecureRandom());
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                pair.getPublic());
        List<GeneralName> names = new ArrayList<>();
        for (String h : hostnames) {
            names.add(isAddress(h) ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName,
                    h));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static boolean isAddress(String host) {
        if (host.contains(":")) {
            return true;
        }
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(host) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file readable by its owner only (0600): created so, then moved into place. */
    private static void writeOwnerOnly(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            body.write(out);
        }
        de.grw.common.AtomicFiles.syncFile(tmp);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            if (posix(dir.toAbsolutePath().getParent())) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } else if (posix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean posix(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}
