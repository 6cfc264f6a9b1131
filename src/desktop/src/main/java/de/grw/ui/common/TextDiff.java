package de.grw.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Which characters of a value differ from a reference value (a longest-common-subsequence alignment). Upper and
 * lower case count as the same character: registers disagree on case all the time, and matching ignores it.
 */
public final class TextDiff {
    private static final int MAX = 200;

    private TextDiff() {
    }

    /** A run of characters that is the same as in the reference or differs from it. */
    public record Segment(String text, boolean same) {
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** The value split into runs that match the reference and runs that differ (case-sensitive). */
    public static List<Segment> segments(String reference, String value) {
        List<Segment> out = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return out;
        }
        if (reference == null || reference.isEmpty()) {
            out.add(new Segment(value, false));
            return out;
        }
        if (reference.equalsIgnoreCase(value)) {
            out.add(new Segment(value, true));
            return out;
        }
        if (reference.length() > MAX || value.length() > MAX) {
            out.add(new Segment(value, false));
            return out;
        }
        int n = value.length();
        int m = reference.length();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(value.charAt(i), reference.charAt(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] same = new boolean[n];
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(value.charAt(i), reference.charAt(j))) {
                same[i] = true;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        StringBuilder run = new StringBuilder();
        boolean runSame = same[0];
        for (int k = 0; k < n; k++) {
            if (same[k] != runSame) {
                out.add(new Segment(run.toString(), runSame));
                run.setLength(0);
                runSame = same[k];
            }
            run.append(value.charAt(k));
        }
        out.add(new Segment(run.toString(), runSame));
        return out;
    }
}
