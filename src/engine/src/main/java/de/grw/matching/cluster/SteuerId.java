package de.grw.matching.cluster;

/**
 * The check of a German tax identification number (Steuer-Identifikationsnummer): eleven digits, the first not 0,
 * the last the ISO 7064 MOD 11,10 check digit of the first ten. A number that passes is an authoritative identifier:
 * two valid numbers three or more edits apart belong to two people.
 */
public final class SteuerId {
    private SteuerId() {
    }

    /** Whether a (normalised, digits only) value is a Steuer-ID with a correct check digit. */
    public static boolean valid(String value) {
        if (value == null || value.length() != 11 || value.charAt(0) == '0') {
            return false;
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int sum = (c - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        char last = value.charAt(10);
        return last >= '0' && last <= '9' && last - '0' == check;
    }
}
