package de.grw.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class StringSimilarityTest {

    @Test
    void jaroWinklerKnownValues() {
        // textbook examples (Winkler): MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813
        assertThat(StringSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
    }

    @Test
    void jaroWinklerEdgeCases() {
        assertThat(StringSimilarity.jaroWinkler("", "")).isEqualTo(1.0);
        assertThat(StringSimilarity.jaroWinkler("abc", "")).isEqualTo(0.0);
        assertThat(StringSimilarity.jaroWinkler("", "abc")).isEqualTo(0.0);
        assertThat(StringSimilarity.jaroWinkler("abc", "xyz")).isEqualTo(0.0);
        assertThat(StringSimilarity.jaroWinkler("mueller", "mueller")).isEqualTo(1.0);
    }

    @Test
    void jaroWinklerIsSymmetric() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            String a = randomString(random, 12, 5);
            String b = randomString(random, 12, 5);
            assertThat(StringSimilarity.jaroWinkler(a, b)).isEqualTo(StringSimilarity.jaroWinkler(b, a));
        }
    }

    @Test
    void jaroWinklerHandlesStringsLongerThan64Characters() {
        String a = "a".repeat(40) + "mueller" + "b".repeat(40);
        String b = "a".repeat(40) + "muller" + "b".repeat(40);
        double s = StringSimilarity.jaroWinkler(a, b);
        assertThat(s).isGreaterThan(0.95).isLessThan(1.0);
    }

    @Test
    void jaroWinklerAgreesWithCommonsTextOnManyRandomStrings() {
        JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            // small alphabets give many matches and transpositions, larger ones dissimilar strings
            int alphabet = 2 + random.nextInt(25);
            String a = randomString(random, 1 + random.nextInt(14), alphabet);
            String b = random.nextInt(4) == 0 ? mutate(random, a, alphabet) : randomString(random, 14, alphabet);
            assertThat(StringSimilarity.jaroWinkler(a, b)).as("'%s' / '%s'", a, b)
                    .isCloseTo(reference.apply(a, b), within(1e-12));
        }
    }

    @Test
    void theCharacterMaskBoundIsNeverBelowTheSimilarity() {
        SplittableRandom random = new SplittableRandom(3);
        int refused = 0;
        for (int i = 0; i < 200_000; i++) {
            int alphabet = 2 + random.nextInt(25);
            String a = randomString(random, random.nextInt(16), alphabet);
            String b = random.nextInt(3) == 0 ? mutate(random, a, alphabet) : randomString(random, 16, alphabet);
            if (random.nextInt(10) == 0) {
                // characters 64 apart share a bit of the mask ('a' and '!', digits and 'p'..'y'), umlauts
                a = a.replace('c', '#').replace('d', 'ä');
                b = b.replace('c', 'c').replace('e', '0');
            }
            if (random.nextInt(50) == 0) {
                a = a + "x".repeat(70);
                b = "y".repeat(random.nextInt(80)) + b;
            }
            double jw = StringSimilarity.jaroWinkler(a, b);
            double bound = StringSimilarity.jaroWinklerUpperBound(a, b,
                    de.grw.matching.data.PreparedField.charMask(a), de.grw.matching.data.PreparedField.charMask(b));
            assertThat(bound).as("'%s' / '%s'", a, b).isGreaterThanOrEqualTo(jw);
            if (bound < 0.8) {
                refused++;
            }
        }
        // and it is decisive: most random pairs are refused at a level of 0.8 without computing the similarity
        assertThat(refused).isGreaterThan(100_000); // 139,929 of 200,000
    }

    @Test
    void theCharacterMaskRefusalNeverRefusesAPairWithinTheEdits() {
        SplittableRandom random = new SplittableRandom(17);
        int refused = 0;
        int within = 0;
        for (int i = 0; i < 200_000; i++) {
            // digits (dates, numbers), a small alphabet (names) and characters sharing mask bits ('a' and '!')
            String alphabet = i % 3 == 0 ? "0123456789" : i % 3 == 1 ? "aeilmnrst" : "a!b\"c#A";
            String a = randomOver(random, alphabet, random.nextInt(12));
            String b = random.nextInt(3) == 0 ? mutate(random, a, 5)
                    : randomOver(random, alphabet, random.nextInt(12));
            int max = 1 + random.nextInt(2);
            boolean isRefused = StringSimilarity.damerauRefused(de.grw.matching.data.PreparedField.charMask(a),
                    de.grw.matching.data.PreparedField.charMask(b), max);
            boolean atMost = StringSimilarity.damerauAtMost(a, b, max);
            if (atMost) {
                within++;
                assertThat(isRefused).as("'%s' / '%s' within %d edits", a, b, max).isFalse();
            }
            refused += isRefused ? 1 : 0;
        }
        assertThat(within).isGreaterThan(10_000);
        // and it is decisive: most random pairs more than the edits apart are refused by their masks alone
        assertThat(refused).isGreaterThan(80_000);
    }

    @Test
    void theCharacterMaskRefusalCountsCharactersMissingOnEitherSide() {
        long muller = de.grw.matching.data.PreparedField.charMask("muller");
        assertThat(StringSimilarity.damerauRefused(muller, de.grw.matching.data.PreparedField.charMask("mueller"), 1))
                .isFalse();
        assertThat(StringSimilarity.damerauRefused(muller, de.grw.matching.data.PreparedField.charMask("mulxer"), 1))
                .isFalse();
        // 'x' and 'y' are missing from "muller": two edits at least
        assertThat(StringSimilarity.damerauRefused(muller, de.grw.matching.data.PreparedField.charMask("muxyer"), 1))
                .isTrue();
        assertThat(StringSimilarity.damerauRefused(de.grw.matching.data.PreparedField.charMask("muxyer"), muller, 1))
                .isTrue();
        assertThat(StringSimilarity.damerauRefused(muller, de.grw.matching.data.PreparedField.charMask("muxyer"), 2))
                .isFalse();
    }

    private static String randomOver(SplittableRandom random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void theCharacterMaskBoundEqualsTheSimilarityWithoutTranspositionsOrMismatches() {
        for (String[] p : new String[][] {{"mueller", "mueller"}, {"anna", "annas"}, {"meier", "meie"},
                {"schmidt", "schmitt"}, {"", ""}, {"a", ""}}) {
            double bound = StringSimilarity.jaroWinklerUpperBound(p[0], p[1],
                    de.grw.matching.data.PreparedField.charMask(p[0]),
                    de.grw.matching.data.PreparedField.charMask(p[1]));
            assertThat(bound).as("%s / %s", p[0], p[1]).isGreaterThanOrEqualTo(StringSimilarity.jaroWinkler(p[0], p[1]));
        }
        assertThat(StringSimilarity.jaroWinklerUpperBound("anna", "annas",
                de.grw.matching.data.PreparedField.charMask("anna"), de.grw.matching.data.PreparedField.charMask("annas")))
                .isEqualTo(StringSimilarity.jaroWinkler("anna", "annas"));
    }

    @Test
    void aLowJaroSimilarityGetsNoPrefixBonus() {
        // Jaro 0.6667 is below Winkler's boost threshold 0.7: the common prefix "abcd" adds nothing (with the
        // bonus the pair would reach 0.80 and pass a jaro_winkler_0.80 level)
        String a = "abcdxxxx";
        String b = "abcdyyyy";
        assertThat(StringSimilarity.jaroWinkler(a, b)).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    private static String mutate(SplittableRandom random, String s, int alphabet) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(3);
            if (op == 0 || sb.length() < 2) {
                sb.insert(random.nextInt(sb.length() + 1), (char) ('a' + random.nextInt(alphabet)));
            } else if (op == 1) {
                sb.deleteCharAt(random.nextInt(sb.length()));
            } else {
                int i = random.nextInt(sb.length() - 1);
                char c = sb.charAt(i);
                sb.setCharAt(i, sb.charAt(i + 1));
                sb.setCharAt(i + 1, c);
            }
        }
        return sb.toString();
    }

    @Test
    void damerauCountsInsertionsDeletionsSubstitutionsAndTranspositions() {
        assertThat(StringSimilarity.damerau("mueller", "mueller", 5)).isZero();
        assertThat(StringSimilarity.damerau("mueller", "muller", 5)).isEqualTo(1);
        assertThat(StringSimilarity.damerau("muller", "mueller", 5)).isEqualTo(1);
        assertThat(StringSimilarity.damerau("meier", "meyer", 5)).isEqualTo(1);
        assertThat(StringSimilarity.damerau("19500312", "19500321", 5)).isEqualTo(1);
        assertThat(StringSimilarity.damerau("abcd", "badc", 5)).isEqualTo(2);
        assertThat(StringSimilarity.damerau("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("", "abc", 5)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("abc", "", 5)).isEqualTo(3);
    }

    @Test
    void damerauIsTheRestrictedOptimalStringAlignmentDistance() {
        // true Damerau-Levenshtein gives 2 (ca -> ac -> abc); OSA may not edit a transposed pair again
        assertThat(StringSimilarity.damerau("ca", "abc", 5)).isEqualTo(3);
    }

    @Test
    void damerauStopsAtTheCap() {
        assertThat(StringSimilarity.damerau("abcdef", "uvwxyz", 2)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("abcdef", "uvwxyz", 10)).isEqualTo(6);
        assertThat(StringSimilarity.damerau("", "uvwxyz", 2)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(StringSimilarity.damerau("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(StringSimilarity.damerau("kitten", "sitting", 0)).isEqualTo(1);
    }

    @Test
    void theCapNeverChangesAResultBelowIt() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 3000; i++) {
            String a = randomString(random, 9, 3);
            String b = randomString(random, 9, 3);
            int full = StringSimilarity.damerau(a, b, 100);
            int cap = random.nextInt(5);
            assertThat(StringSimilarity.damerau(a, b, cap)).as("%s/%s cap %d", a, b, cap)
                    .isEqualTo(Math.min(full, cap + 1));
            assertThat(full).isEqualTo(osa(a, b));
        }
    }

    @Test
    void oneEditFastPathAgreesWithTheDistanceTable() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int n = 0; n < 200_000; n++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : mutate(a, random);
            assertThat(StringSimilarity.damerauAtMost(a, b, 1)).as(a + " / " + b)
                    .isEqualTo(StringSimilarity.damerau(a, b, 1) <= 1);
        }
    }

    private static String randomWord(java.util.SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int len = random.nextInt(7);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }

    private static String mutate(String a, java.util.SplittableRandom random) {
        StringBuilder sb = new StringBuilder(a);
        int pos = a.isEmpty() ? 0 : random.nextInt(a.length());
        switch (random.nextInt(4)) {
            case 0 -> sb.insert(pos, (char) ('a' + random.nextInt(3)));
            case 1 -> {
                if (!a.isEmpty()) {
                    sb.deleteCharAt(pos);
                }
            }
            case 2 -> {
                if (!a.isEmpty()) {
                    sb.setCharAt(pos, (char) ('a' + random.nextInt(3)));
                }
            }
            default -> {
                if (a.length() > 1 && pos + 1 < a.length()) {
                    sb.setCharAt(pos, a.charAt(pos + 1));
                    sb.setCharAt(pos + 1, a.charAt(pos));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void damerauAtMost() {
        assertThat(StringSimilarity.damerauAtMost("mueller", "muller", 1)).isTrue();
        assertThat(StringSimilarity.damerauAtMost("mueller", "mueller", 0)).isTrue();
        assertThat(StringSimilarity.damerauAtMost("19500312", "19500321", 1)).isTrue();
        assertThat(StringSimilarity.damerauAtMost("mueller", "mull", 2)).isFalse();
        assertThat(StringSimilarity.damerauAtMost("meier", "maier", 0)).isFalse();
        assertThat(StringSimilarity.damerauAtMost("kitten", "sitting", 2)).isFalse();
        assertThat(StringSimilarity.damerauAtMost("kitten", "sitting", 3)).isTrue();
    }

    /** Plain dynamic-programming optimal string alignment distance. */
    static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String randomString(SplittableRandom random, int maxLength, int alphabet) {
        int len = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + random.nextInt(alphabet)));
        }
        return sb.toString();
    }
}
