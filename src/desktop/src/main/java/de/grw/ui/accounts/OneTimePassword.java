package de.grw.ui.accounts;

import java.security.SecureRandom;

/**
 * A one-time password an administrator hands to an account's holder (at creation or reset): 16 characters from an
 * alphabet without look-alikes ({@code 0/O}, {@code 1/l/I}) in four groups, about 91 bits. It is shown once and
 * kept nowhere; the holder must set their own before proposing or approving (the engine enforces that, and checks
 * the password's strength as for any other).
 */
final class OneTimePassword {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    /** A new password, e.g. {@code Kx7p-2mQr-hT9w-Vd4e}. */
    static char[] generate() {
        char[] p = new char[19];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % 5 == 4 ? '-' : ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return p;
    }
}
