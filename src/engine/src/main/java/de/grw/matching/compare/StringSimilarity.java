package de.grw.matching.compare;

/** Allocation-light string similarity measures for hot loops. */
public final class StringSimilarity {
    private StringSimilarity() {
    }

    /** Winkler's boost threshold: a common prefix raises only a Jaro similarity of at least this. */
    private static final double BOOST_THRESHOLD = 0.7;

    /**
     * Jaro-Winkler similarity (prefix scale 0.1, up to four prefix characters, boost threshold 0.7), in [0, 1]; the
     * same values as commons-text's {@code JaroWinklerSimilarity}.
     */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > lb) {
            String t = a;
            a = b;
            b = t;
            la = a.length();
            lb = b.length();
        }
        int range = Math.max(0, lb / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        boolean[] flagsA = la > 64 ? new boolean[la] : null;
        boolean[] flagsB = lb > 64 ? new boolean[lb] : null;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - range);
            int to = Math.min(lb - 1, i + range);
            for (int j = from; j <= to; j++) {
                boolean used = flagsB != null ? flagsB[j] : (matchedB & (1L << j)) != 0;
                if (!used && b.charAt(j) == c) {
                    if (flagsB != null) {
                        flagsB[j] = true;
                    } else {
                        matchedB |= 1L << j;
                    }
                    if (flagsA != null) {
                        flagsA[i] = true;
                    } else {
                        matchedA |= 1L << i;
                    }
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            boolean mi = flagsA != null ? flagsA[i] : (matchedA & (1L << i)) != 0;
            if (!mi) {
                continue;
            }
            while (!(flagsB != null ? flagsB[k] : (matchedB & (1L << k)) != 0)) {
                k++;
            }
            if (a.charAt(i) != b.charAt(k)) {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        return winkler(jaro, a, b, la);
    }

    /**
     * Whether the optimal-string-alignment distance (insertions, deletions, substitutions, adjacent
     * transpositions) between two strings is at most {@code max}.
     */
    public static boolean damerauAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (max == 1) {
            // the hot case (one typo): decided in one pass, without a distance table
            return a.length() == b.length() ? oneSubstitutionOrSwap(a, b)
                    : a.length() < b.length() ? oneInsertion(a, b) : oneInsertion(b, a);
        }
        return damerau(a, b, max) <= max;
    }

    /**
     * Whether the character masks ({@link de.grw.matching.data.PreparedField#charMask}) of two strings alone prove
     * them more than {@code max} edits apart, so that {@link #damerauAtMost} would answer {@code false}: an insertion,
     * deletion, substitution or swap brings at most one character into either string that the other lacks, and every
     * bit of one mask missing from the other is at least one such character. Decides most pairs of strangers'
     * names, dates and numbers without reading the strings (the u estimate's random pairs are almost all strangers).
     */
    public static boolean damerauRefused(long maskA, long maskB, int max) {
        return Long.bitCount(maskA & ~maskB) > max || Long.bitCount(maskB & ~maskA) > max;
    }

    /** For {@code longer} one character longer than {@code shorter}: one inserted character. */
    private static boolean oneInsertion(String shorter, String longer) {
        int i = 0;
        int n = shorter.length();
        while (i < n && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        while (i < n && shorter.charAt(i) == longer.charAt(i + 1)) {
            i++;
        }
        return i == n;
    }

    /** For equal lengths: at most one substituted character or one swap of neighbours. */
    private static boolean oneSubstitutionOrSwap(String a, String b) {
        int first = -1;
        int mismatches = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (++mismatches > 2) {
                    return false;
                }
                if (first < 0) {
                    first = i;
                } else if (i != first + 1) {
                    return false;
                }
            }
        }
        return mismatches <= 1 || (a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first));
    }

    /**
     * An upper bound of {@link #jaroWinkler} from the strings' character masks
     * ({@link de.grw.matching.data.PreparedField#charMask}) and their common prefix, in a
     * handful of operations: a character of one string whose bit the other's mask lacks occurs nowhere in the other,
     * so it can match nothing, and every bit of one mask missing from the other is at least one such character. With
     * at most {@code m} matches and no transpositions the Jaro similarity is {@code (m/la + m/lb + 1) / 3}, computed
     * here with the same operations in the same order as {@link #jaroWinkler}, so the bound is never below the
     * similarity (the floating-point operations are monotone). Most pairs of different people's names share too few
     * characters to reach a level's threshold, and are decided here without the matching loops.
     */
    public static double jaroWinklerUpperBound(String a, String b, long maskA, long maskB) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return a.equals(b) ? 1.0 : 0.0;
        }
        if (la > lb) {
            String t = a;
            a = b;
            b = t;
            long tm = maskA;
            maskA = maskB;
            maskB = tm;
            la = a.length();
            lb = b.length();
        }
        int matches = Math.min(la - Long.bitCount(maskA & ~maskB), lb - Long.bitCount(maskB & ~maskA));
        if (matches <= 0) {
            return 0.0;
        }
        double m = matches;
        double jaro = (m / la + m / lb + 1.0) / 3.0;
        return winkler(jaro, a, b, la);
    }

    /**
     * Winkler's boost of a Jaro similarity for a common prefix of at most four characters ({@code la}: the length of
     * {@code a}, the shorter or equal one). One method for the similarity and its upper bound, so that the bound
     * performs exactly the similarity's operations in the same order and is never below it.
     */
    private static double winkler(double jaro, String a, String b, int la) {
        if (jaro < BOOST_THRESHOLD) {
            return jaro;
        }
        int prefix = 0;
        int maxPrefix = Math.min(4, la);
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** Optimal-string-alignment distance, stopping early once it exceeds {@code cap} (then returns cap + 1). */
    public static int damerau(String a, String b, int cap) {
        int la = a.length();
        int lb = b.length();
        if (la == 0) {
            return Math.min(lb, cap + 1);
        }
        if (lb == 0) {
            return Math.min(la, cap + 1);
        }
        int[] prevPrev = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prevPrev[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[lb], cap + 1);
    }
}
