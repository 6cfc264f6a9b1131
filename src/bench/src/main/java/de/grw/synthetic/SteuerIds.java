package de.grw.synthetic;

/**
 * Issues unique, structurally valid German tax identification numbers (Steuer-Identifikationsnummer): 11 digits, first
 * digit not zero; within the first ten digits exactly one digit occurs twice (the rule since 2016 also allows three
 * times, never three in a row; {@link #isValid} accepts both) and all others at most once; the eleventh digit is the
 * ISO 7064 MOD 11,10 check digit.
 *
 * <p>Numbers are built, not searched: an index k in [0, 90 * 45 * 8!) is split into the doubled digit and the missing
 * digit (90 combinations), the two positions of the doubled digit (45) and the order of the other eight digits (8!,
 * Lehmer code). The indexes are walked by a seeded affine permutation {@code k_n = (b + n*a) mod 163296000} with
 * {@code a} coprime to the modulus, so no number repeats; the 10% with a leading zero are skipped. That gives about
 * 147 million distinct numbers per seed.
 */
final class SteuerIds {
    private static final int SPACE = 90 * 45 * 40_320; // 163,296,000 = 2^8 * 3^6 * 5^3 * 7; 2 * SPACE fits an int
    private static final int[] FACTORIAL = {1, 1, 2, 6, 24, 120, 720, 5040};
    private static final int[][] PAIRS = new int[45][];

    static {
        int k = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = i + 1; j < 10; j++) {
                PAIRS[k++] = new int[] {i, j};
            }
        }
    }

    private final int step;
    private int k;
    private long issued;

    SteuerIds(long seed) {
        long a = Math.floorMod(mix(seed ^ 0x51E7E41DL), SPACE);
        while (a < 1_000L || a % 2 == 0 || a % 3 == 0 || a % 5 == 0 || a % 7 == 0) {
            a = (a + 7_919L) % SPACE;
        }
        this.step = (int) a;
        this.k = Math.floorMod(mix(seed + 0x9E3779B97F4A7C15L), SPACE);
    }

    String next() {
        char[] digits = new char[11];
        int[] rest = new int[8];
        while (true) {
            if (++issued > SPACE) {
                throw new IllegalStateException("no more distinct tax ids for this seed");
            }
            int index = k;
            k += step;
            if (k >= SPACE) {
                k -= SPACE;
            }
            int order = index % 40_320;
            int upper = index / 40_320;
            int[] pair = PAIRS[upper % 45];
            int combination = upper / 45; // 0..89
            int doubled = combination / 9;
            int missing = combination % 9;
            if (missing >= doubled) {
                missing++;
            }
            int n = 0;
            for (int d = 0; d < 10; d++) {
                if (d != doubled && d != missing) {
                    rest[n++] = d;
                }
            }
            int remaining = 8;
            for (int pos = 0; pos < 10; pos++) {
                if (pos == pair[0] || pos == pair[1]) {
                    digits[pos] = (char) ('0' + doubled);
                    continue;
                }
                int f = FACTORIAL[remaining - 1];
                int pick = order / f;
                order %= f;
                digits[pos] = (char) ('0' + rest[pick]);
                System.arraycopy(rest, pick + 1, rest, pick, remaining - pick - 1);
                remaining--;
            }
            if (digits[0] == '0') {
                continue;
            }
            digits[10] = (char) ('0' + checkDigit(digits));
            return new String(digits);
        }
    }

    /** The digit rule for the first ten digits (see class comment), in the 2016 form. */
    static boolean validBody(long body) {
        if (body < 1_000_000_000L || body > 9_999_999_999L) {
            return false;
        }
        int[] counts = new int[10];
        int[] digits = new int[10];
        long v = body;
        for (int i = 9; i >= 0; i--) {
            digits[i] = (int) (v % 10);
            counts[digits[i]]++;
            v /= 10;
        }
        int repeated = -1;
        for (int d = 0; d < 10; d++) {
            if (counts[d] > 3 || counts[d] >= 2 && repeated >= 0) {
                return false;
            }
            if (counts[d] >= 2) {
                repeated = d;
            }
        }
        if (repeated < 0) {
            return false;
        }
        for (int i = 2; i < 10; i++) {
            if (digits[i] == repeated && digits[i - 1] == repeated && digits[i - 2] == repeated) {
                return false;
            }
        }
        return true;
    }

    /** ISO 7064 MOD 11,10 check digit over the first ten digits. */
    static int checkDigit(char[] digits) {
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digits[i] - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }

    static boolean isValid(String id) {
        if (id == null || id.length() != 11 || id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return validBody(Long.parseLong(id.substring(0, 10))) && checkDigit(id.toCharArray()) == id.charAt(10) - '0';
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
