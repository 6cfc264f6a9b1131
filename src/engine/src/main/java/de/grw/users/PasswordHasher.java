package de.grw.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes with PBKDF2-HMAC-SHA256 (NIST SP 800-132), 600,000 iterations as OWASP recommends, a
 * 16-byte random salt and a 32-byte key. The iteration count is stored with each hash, so it can be raised later.
 */
public final class PasswordHasher {
    /** Default work factor; tests may lower it with {@code -Dgrw.kdf.iterations=...} (never below 10,000). */
    public static final int ITERATIONS = Math.max(10_000, Integer.getInteger("grw.kdf.iterations", 600_000));
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    /** A salted hash of a password. */
    public record Hash(byte[] salt, byte[] hash, int iterations) {
    }

    public static Hash hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Hash(salt, derive(password, salt, ITERATIONS), ITERATIONS);
    }

    /** Compares in constant time. */
    public static boolean matches(char[] password, byte[] salt, byte[] expected, int iterations) {
        return MessageDigest.isEqual(derive(password, salt, iterations), expected);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Rejects passwords too weak for personal data (at least 10 characters). */
    public static void checkStrength(char[] password) {
        if (password == null || password.length < 10) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_short"));
        }
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == password[0];
        }
        if (allSame) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_one_char"));
        }
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
