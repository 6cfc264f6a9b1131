package de.grw.ledger;

import de.grw.common.UserFacingException;
import de.grw.store.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The ledger's Ed25519 key (the JDK's own implementation): {@code ledger.key} (PKCS #8, Base64, readable by its owner
 * only) and {@code ledger.pub} (X.509, Base64) in the ledger's home, made on first use. Checkpoints name the key by
 * its fingerprint, the SHA-256 of the public key's encoding.
 */
public final class LedgerKey {
    static final String PRIVATE_FILE = "ledger.key";
    static final String PUBLIC_FILE = "ledger.pub";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private LedgerKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code home}, made there when there is none yet. */
    static LedgerKey inHome(Path home) {
        Path priv = home.resolve(PRIVATE_FILE);
        Path pub = home.resolve(PUBLIC_FILE);
        try {
            if (!Files.exists(priv)) {
                Files.createDirectories(home);
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Path tmp = home.resolve(PRIVATE_FILE + ".new");
                Files.deleteIfExists(tmp);
                OwnerOnly.createFile(tmp);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
                Files.writeString(pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
                Files.move(tmp, priv, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = f.generatePrivate(new PKCS8EncodedKeySpec(decode(priv)));
            PublicKey publicKey = f.generatePublic(new X509EncodedKeySpec(decode(pub)));
            return new LedgerKey(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new UserFacingException(home + ": the ledger's key cannot be read or made: " + e.getMessage(), e);
        }
    }

    /** A public key from its Base64 X.509 text (as in {@code ledger.pub} or a signed head). */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UserFacingException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /** The fingerprint of the public key: SHA-256 of its X.509 encoding, hex. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as Base64 X.509 text. */
    public String publicText() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /**
     * The key of the ledger's keyed row hashes ({@link RowKeys}): SHA-256 over a fixed label and the private key's
     * encoding, so it lives and dies with the private key and needs no file of its own.
     */
    byte[] rowKey() {
        java.security.MessageDigest md = StateDigest.sha256();
        md.update("grw ledger row keys v1".getBytes(StandardCharsets.UTF_8));
        md.update(privateKey.getEncoded());
        return md.digest();
    }

    /** Signs UTF-8 text; the signature in Base64. */
    String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} (Base64) is the key's signature of the UTF-8 text. */
    public static boolean verify(PublicKey key, String text, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
