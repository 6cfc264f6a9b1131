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

    /** Rejects passwords too weak for personal data; see {@link #checkStrength(char[], String)}. */
    public static void checkStrength(char[] password) {
        checkStrength(password, null);
    }

    /**
     * Rejects passwords too weak for personal data: shorter than 10 characters; fewer than 5 different characters
     * ({@code 1212121212}); a run along the alphabet, the digits or a keyboard row ({@code 1234567890},
     * {@code qwertzuiop}); one of the passwords attackers try first ({@code common-passwords.txt}, a bundled list
     * from the published lists of leaked passwords), also followed only by digits and punctuation
     * ({@code passwort2026!}); or one that contains the account's name.
     *
     * @param account the account's name, or {@code null}
     */
    public static void checkStrength(char[] password, String account) {
        if (password == null || password.length < 10) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_short"));
        }
        String p = new String(password);
        if (p.chars().distinct().count() == 1) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_one_char"));
        }
        String lower = p.toLowerCase(java.util.Locale.ROOT);
        if (p.chars().distinct().count() < 5 || sequence(lower)) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_simple"));
        }
        String base = lower.replaceAll("[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        if (CommonPasswords.contains(lower) || CommonPasswords.contains(base)) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_common"));
        }
        if (account != null) {
            String name = AccountNames.clean(account).toLowerCase(java.util.Locale.ROOT);
            if (name.length() >= 3 && lower.contains(name)) {
                throw new de.grw.common.UserFacingException(de.grw.common.Text.of("users.password_name"));
            }
        }
    }

    private static final String[] RUNS = {"abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertzuiopü", "qwertyuiop",
        "asdfghjklöä", "yxcvbnm", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6zhn7ujm", "1q2w3e4r5t6z7u8i9o0p"};

    /** Whether the password is a run along one of {@link #RUNS}, forwards or backwards, repeated or not. */
    private static boolean sequence(String p) {
        for (String run : RUNS) {
            String twice = run + run;
            String back = new StringBuilder(twice).reverse().toString();
            boolean inside = true;
            for (int i = 0; i + 1 < p.length() && inside; i += 3) {
                String part = p.substring(i, Math.min(p.length(), i + 4));
                inside = twice.contains(part) || back.contains(part);
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** The bundled list of common passwords, read once. */
    private static final class CommonPasswords {
        private static final java.util.Set<String> LIST = load();

        static boolean contains(String p) {
            return LIST.contains(p);
        }

        private static java.util.Set<String> load() {
            try (var in = PasswordHasher.class.getResourceAsStream("common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("common-passwords.txt is missing from the build");
                }
                java.util.Set<String> out = new java.util.HashSet<>();
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\R")) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        out.add(l.toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return java.util.Set.copyOf(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
