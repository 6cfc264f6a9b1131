package de.grw.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplittersTest {
    private final Splitter names = Splitters.get("person_name");
    private final Splitter streets = Splitters.get("street_address");

    /** family|given|title, with "-" for null. */
    private String nameParts(String cell) {
        String[] p = names.split(cell, 3);
        assertThat(p).hasSize(3);
        return (p[0] == null ? "-" : p[0]) + "|" + (p[1] == null ? "-" : p[1]) + "|" + (p[2] == null ? "-" : p[2]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Müller, Hans;Müller|Hans|-",
        "Müller,Hans;Müller|Hans|-",
        "Müller-Lüdenscheidt, Karl Heinz;Müller-Lüdenscheidt|Karl Heinz|-",
        "von Müller, Hans;von Müller|Hans|-",
        "Müller, Dr. Hans;Müller|Hans|Dr.",
        "Dr. Müller, Hans;Müller|Hans|Dr.",
        "Müller, Prof. Dr.-Ing. Hans;Müller|Hans|Prof. Dr.-Ing.",
        "Müller,;Müller|-|-",
        ", Hans;-|Hans|-"})
    void familyNameCommaGivenNames(String cell, String expected) {
        assertThat(nameParts(cell)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Hans Müller;Müller|Hans|-",
        "Hans Peter Müller;Müller|Hans Peter|-",
        "Dr. Hans Müller;Müller|Hans|Dr.",
        "Prof. Dr. Hans Müller;Müller|Hans|Prof. Dr.",
        "Dr.-Ing. Hans Müller;Müller|Hans|Dr.-Ing.",
        "MÜLLER Hans;MÜLLER|Hans|-",
        "Hans MÜLLER;MÜLLER|Hans|-",
        "MÜLLER-LÜDENSCHEIDT Hans Peter;MÜLLER-LÜDENSCHEIDT|Hans Peter|-",
        "Dr. Hans MÜLLER;MÜLLER|Hans|Dr.",
        "Hans von Müller;von Müller|Hans|-",
        "Hans van der Berg;van der Berg|Hans|-",
        "Karl-Theodor zu Guttenberg;zu Guttenberg|Karl-Theodor|-",
        "Hans Peter von Müller;von Müller|Hans Peter|-",
        "Müller;Müller|-|-",
        "  Hans   Müller  ;Müller|Hans|-"})
    void withoutCommaTheFamilyNameIsTheCapitalisedWordOrTheLastWordWithParticles(String cell, String expected) {
        assertThat(nameParts(cell)).isEqualTo(expected);
    }

    @Test
    void allCapitalsGivesNoCapitalHint() {
        // two words in capitals: no hint, so the last word is the family name
        assertThat(nameParts("HANS MÜLLER")).isEqualTo("MÜLLER|HANS|-");
    }

    @Test
    void emptyCellGivesNoParts() {
        assertThat(names.split(null, 3)).containsExactly(null, null, null);
        assertThat(names.split("   ", 3)).containsExactly(null, null, null);
    }

    @Test
    void fewerTargetsThanParts() {
        assertThat(names.split("Dr. Müller, Hans", 2)).containsExactly("Müller", "Hans");
        assertThat(names.split("Müller, Hans", 1)).containsExactly("Müller");
    }

    @Test
    void aNameIsEvidentlyCombinedOnlyWithAComma() {
        assertThat(names.evidentlyCombined("Müller, Hans")).isTrue();
        assertThat(names.evidentlyCombined("Hans Müller")).isFalse();
        assertThat(names.evidentlyCombined(", Hans")).isFalse();
        assertThat(names.evidentlyCombined(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Hauptstr. 12a;Hauptstr.|12a",
        "Am Markt 3;Am Markt|3",
        "12 Main Street;Main Street|12",
        "Goethestraße 12 - 14;Goethestraße|12 - 14",
        "Hauptstraße;Hauptstraße|-"})
    void streetAddresses(String cell, String expected) {
        String[] p = streets.split(cell, 2);
        assertThat(p[0] + "|" + (p[1] == null ? "-" : p[1])).isEqualTo(expected);
    }

    @Test
    void aStreetIsEvidentlyCombinedWhenItEndsOrStartsWithANumber() {
        assertThat(streets.evidentlyCombined("Hauptstr. 12a")).isTrue();
        assertThat(streets.evidentlyCombined("12 Main Street")).isTrue();
        assertThat(streets.evidentlyCombined("Hauptstraße")).isFalse();
        assertThat(streets.evidentlyCombined(null)).isFalse();
    }

    @Test
    void aMarriedNameCarriesTheBirthNameAfterGeb() {
        Splitter birth = Splitters.get("birth_name");
        assertThat(birth.split("Schmidt geb. Braun", 2)).containsExactly("Schmidt", "Braun");
        assertThat(birth.split("Schmidt-Lüders geborene von Braun", 2)).containsExactly("Schmidt-Lüders", "von Braun");
        assertThat(birth.split("Schmidt GEB Braun", 2)).containsExactly("Schmidt", "Braun");
        assertThat(birth.split("Gebhardt", 2)).containsExactly("Gebhardt", null);
        assertThat(birth.evidentlyCombined("Schmidt geb. Braun")).isTrue();
        assertThat(birth.evidentlyCombined("geb. Braun")).as("nothing before the marker").isFalse();
        assertThat(birth.evidentlyCombined("Schmidt geb.")).isFalse();
        assertThat(birth.evidentlyCombined("Gebhardt")).isFalse();
    }

    @Test
    void registry() {
        assertThat(names.name()).isEqualTo("person_name");
        assertThat(streets.name()).isEqualTo("street_address");
        assertThatThrownBy(() -> Splitters.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown splitter 'nope'");
    }

    /**
     * Issue 16: the quick test for a birth-name marker before the words are split: a name is combined exactly when a
     * marker word stands between two names, in any case; names that merely contain the letters are not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Schmidt geb. Braun|true", "SCHMIDT GEB BRAUN|true", "Schmidt Geborene Braun|true",
        "Dupont née Martin|true", "DUPONT NÉE MARTIN|true", "Dupont nee Martin|true", "Schmidt gebor. Braun|true",
        "Gebhardt|false", "Gebhardt Neenah|false", "Schmidt geb.|false", "geb. Braun|false", "Schmidt|false",
        "Renée Braun|false", "Schmidt-Braun|false", "Ge|false"})
    void aBirthNameMarkerIsFoundInAnyCaseAndOnlyAsAWord(String name, boolean combined) {
        assertThat(Splitters.get("birth_name").evidentlyCombined(name)).isEqualTo(combined);
        if (combined) {
            assertThat(Splitters.BirthNameSplitter.mayHoldMarker(name)).isTrue();
        }
    }

    /** {@link Splitters#words} replaced {@code \\s+} splitting: the same words for any trimmed text. */
    @Test
    void wordsAreThoseOfTheRegularExpression() {
        java.util.regex.Pattern blanks = java.util.regex.Pattern.compile("\\s+");
        java.util.Random random = new java.util.Random(16);
        String alphabet = "ab \t\n\u000B\f\r\u00a0\u0001.é";
        for (String text : new String[] {"", "x", "Dr. Hans", "Hans  Peter", "a\tb\r\nc", "Schmidt geb. Braun"}) {
            assertThat(Splitters.words(text)).as(text).containsExactly(blanks.split(text));
        }
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString().trim();
            assertThat(Splitters.words(text)).as("[%s]", text).containsExactly(blanks.split(text));
        }
    }
}
