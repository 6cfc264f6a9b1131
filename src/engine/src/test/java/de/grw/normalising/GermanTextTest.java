package de.grw.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GermanTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Müller|mueller",
        "MÜLLER|mueller",
        "Mueller|mueller",
        "Köhler|koehler",
        "Öztürk|oeztuerk",
        "Übel|uebel",
        "Jäger|jaeger",
        "ÄRGER|aerger",
        "Strauß|strauss",
        "STRAUẞ|strauss",
        "Weiss|weiss"})
    void umlautsAndSharpSAreWrittenOut(String input, String expected) {
        assertThat(GermanText.searchForm(input)).isEqualTo(expected);
    }

    @Test
    void umlautSpellingsMeetInOneForm() {
        assertThat(GermanText.searchForm("Müller-Lüdenscheidt"))
                .isEqualTo(GermanText.searchForm("MUELLER LUEDENSCHEIDT"))
                .isEqualTo("mueller luedenscheidt");
        assertThat(GermanText.searchForm("Groß")).isEqualTo(GermanText.searchForm("GROSS"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "René|rene",
        "Hélène|helene",
        "Łukasz|lukasz",
        "Wałęsa|walesa",
        "Søren|soren",
        "Ørsted|orsted",
        "Dvořák|dvorak",
        "Šimůnek|simunek",
        "Çelik|celik",
        "Núñez|nunez",
        "Đorđević|dordevic",
        "Þór|thor",
        "Ærø|aero",
        "Œuvre|oeuvre",
        "Yıldız|yildiz",
        "Ğülşen|guelsen"})
    void otherDiacriticsAreReducedToTheBaseLetter(String input, String expected) {
        assertThat(GermanText.searchForm(input)).isEqualTo(expected);
    }

    @Test
    void decomposedInputGivesTheSameFormAsComposedInput() {
        String decomposed = "Mu\u0308ller Rene\u0301";
        assertThat(GermanText.searchForm(decomposed)).isEqualTo("mueller rene");
    }

    @Test
    void punctuationBecomesBlanksAndBlanksCollapse() {
        assertThat(GermanText.searchForm("  Karl-Heinz   O'Brien, jr. ")).isEqualTo("karl heinz o brien jr");
        assertThat(GermanText.searchForm("a\t\tb\nc")).isEqualTo("a b c");
        assertThat(GermanText.searchForm("Hans\u00a0Peter")).isEqualTo("hans peter");
        assertThat(GermanText.searchForm("Meyer\u2013Schmidt")).isEqualTo("meyer schmidt");
        assertThat(GermanText.searchForm("\u201eZitat\u201c")).isEqualTo("zitat");
        assertThat(GermanText.searchForm("André´s")).isEqualTo("andre s");
    }

    @Test
    void digitsAreKept() {
        assertThat(GermanText.searchForm("Straße des 17. Juni")).isEqualTo("strasse des 17 juni");
    }

    @Test
    void noLeadingOrTrailingBlank() {
        assertThat(GermanText.searchForm("--Müller--")).isEqualTo("mueller");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "-", " .,;- ", "\u00a0", "\u201e\u201c"})
    void nothingComparableGivesNull(String input) {
        assertThat(GermanText.searchForm(input)).isNull();
        assertThat(GermanText.compact(input)).isNull();
    }

    @Test
    void nonLatinLettersStayAndSymbolsSeparate() {
        assertThat(GermanText.searchForm("Σωκράτης")).isEqualTo("σωκρατης");
        assertThat(GermanText.searchForm("10€Preis")).isEqualTo("10 preis");
    }

    @Test
    void compactRemovesAllBlanks() {
        assertThat(GermanText.compact("Karl Heinz")).isEqualTo("karlheinz");
        assertThat(GermanText.compact("Karl-Heinz")).isEqualTo("karlheinz");
        assertThat(GermanText.compact(" Müller - Lüdenscheidt ")).isEqualTo("muellerluedenscheidt");
    }

    @Test
    void theOriginalStringIsNotChanged() {
        String original = "Müller";
        GermanText.searchForm(original);
        assertThat(original).isEqualTo("Müller");
    }
}
