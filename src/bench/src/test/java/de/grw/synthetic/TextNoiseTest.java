package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextNoiseTest {

    @Test
    void umlautHandling() {
        assertThat(TextNoise.transliterate("Müller")).isEqualTo("Mueller");
        assertThat(TextNoise.upper(TextNoise.transliterate("Müller"))).isEqualTo("MUELLER");
        assertThat(TextNoise.transliterate("MÜLLER")).isEqualTo("MUELLER");
        assertThat(TextNoise.transliterate("Österreicher")).isEqualTo("Oesterreicher");
        assertThat(TextNoise.transliterate("Großmann")).isEqualTo("Grossmann");
        assertThat(TextNoise.upper(TextNoise.dropUmlauts("Müller"))).isEqualTo("MULLER");
        assertThat(TextNoise.sharpSToSs("Schloßstraße")).isEqualTo("Schlossstrasse");
    }

    @Test
    void foldsWhatWindows1252CannotHold() {
        assertThat(TextNoise.foldToCp1252("Yılmaz")).isEqualTo("Yilmaz");
        assertThat(TextNoise.foldToCp1252("Łukasz Wiśniewski")).isEqualTo("Lukasz Wisniewski");
        assertThat(TextNoise.foldToCp1252("Kovačević")).isEqualTo("Kovacevic");
        assertThat(TextNoise.foldToCp1252("Đorđević")).isEqualTo("Dordevic");
        assertThat(TextNoise.foldToCp1252("Müßig-Šarić")).isEqualTo("Müßig-Šaric");
        assertThat(TextNoise.foldToAscii("Şahin Özdemir")).isEqualTo("Sahin Ozdemir");
    }

    @Test
    void streetSpellings() {
        assertThat(TextNoise.abbreviateStreet("Hauptstraße")).isEqualTo("Hauptstr.");
        assertThat(TextNoise.abbreviateStreet("Berliner Straße")).isEqualTo("Berliner Str.");
        assertThat(TextNoise.abbreviateStreet("Am Markt")).isEqualTo("Am Markt");
        assertThat(TextNoise.respellStreet("Hauptstraße", 1)).isEqualTo("Hauptstrasse");
        assertThat(TextNoise.respellStreet("Hauptstraße", 2)).isEqualTo("Hauptstr");
        assertThat(TextNoise.respellStreet("Berliner Straße", 3)).isEqualTo("Berlinerstraße");
        assertThat(TextNoise.respellStreet("Goethestraße", 3)).isEqualTo("Goethe Straße");
        assertThat(TextNoise.respellStreet("Hauptstr.", 4)).isEqualTo("Hauptstraße");
    }

    @Test
    void aTypoIsOneEditAway() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            String typo = TextNoise.typo("Schneider", r);
            assertThat(typo).isNotEqualTo("Schneider");
            // a swap at the start keeps the capital in front (Cshneider), so compare letters case-insensitively
            assertThat(damerauDistance("schneider", typo.toLowerCase(Locale.ROOT))).as(typo).isEqualTo(1);
        }
        assertThat(TextNoise.typo("Li", r)).isEqualTo("Li");
    }

    @Test
    void ocrConfusionsLookLikeScanErrors() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 500; i++) {
            String s = TextNoise.ocr("Hermann", r);
            assertThat(s).isNotEqualTo("Hermann");
            assertThat(Math.abs(s.length() - "Hermann".length())).isLessThanOrEqualTo(1);
        }
    }

    private static int damerauDistance(String a, String b) {
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
}
