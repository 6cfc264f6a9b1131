package de.grw.importing.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellCacheTest {

    private static String text(CellCache cache, int column, String s) {
        char[] chars = ("  " + s + " ").toCharArray();
        return cache.text(column, chars, 2, 2 + s.length());
    }

    @Test
    void aRepeatedTextOfAColumnIsTheSameString() {
        CellCache cache = new CellCache();
        String first = text(cache, 1, "Müller");
        String again = text(cache, 1, "Müller");
        String otherColumn = text(cache, 2, "Müller");

        assertThat(first).isEqualTo("Müller");
        assertThat(again).isSameAs(first);
        assertThat(otherColumn).isEqualTo("Müller").isNotSameAs(first);
    }

    @Test
    void textsWithTheSameHashStayApart() {
        CellCache cache = new CellCache();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(text(cache, 0, "Aa")).isEqualTo("Aa");
        assertThat(text(cache, 0, "BB")).isEqualTo("BB");
        assertThat(text(cache, 0, "Aa")).isEqualTo("Aa");
        assertThat(text(cache, 0, "BB")).isEqualTo("BB");
        assertThat(text(cache, 0, "AaBB")).isEqualTo("AaBB");
        assertThat(text(cache, 0, "BBAa")).isEqualTo("BBAa");
    }

    @Test
    void manyDistinctTextsKeepTheirContentAcrossGrowth() {
        CellCache cache = new CellCache();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 20_000; i++) {
                String s = "Name" + (i % 500) + (i % 7 == 0 ? "ß" : "");
                assertThat(text(cache, 3, s)).isEqualTo(s);
            }
        }
        for (int i = 0; i < 70_000; i++) { // beyond the texts kept: made as without the table
            String s = "Other" + i;
            assertThat(text(cache, 3, s)).isEqualTo(s);
        }
        assertThat(cache.caching(3)).isTrue();
        assertThat(text(cache, 3, "Name42")).isSameAs(text(cache, 3, "Name42"));
        assertThat(text(cache, 3, "Other69999")).isEqualTo("Other69999");
    }

    @Test
    void aColumnOfDistinctValuesIsNoLongerLookedUpAfterItsSample() {
        CellCache cache = new CellCache();
        for (int i = 0; i < CellCache.SAMPLE + 10; i++) {
            String id = Integer.toString(100_000_000 + i);
            assertThat(text(cache, 0, id)).isEqualTo(id);
            text(cache, 1, i % 2 == 0 ? "m" : "w");
        }

        assertThat(cache.caching(0)).isFalse();
        assertThat(cache.caching(1)).isTrue();
        assertThat(text(cache, 0, "100000001")).isEqualTo("100000001");
    }

    @Test
    void longTextsAndColumnsBeyondTheTablesAreMadeAsWithoutIt() {
        CellCache cache = new CellCache();
        String longText = "x".repeat(CellCache.MAX_LENGTH + 1);

        assertThat(text(cache, 0, longText)).isEqualTo(longText).isNotSameAs(text(cache, 0, longText));
        assertThat(text(cache, CellCache.COLUMNS, "a")).isEqualTo("a").isNotSameAs(text(cache, CellCache.COLUMNS,
                "a"));
    }
}
