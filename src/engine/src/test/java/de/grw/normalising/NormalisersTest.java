package de.grw.normalising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalisersTest {

    private static String norm(String name, String value) {
        return Normalisers.get(name).normalise(value);
    }

    @Test
    void builtInNormalisersAreRegisteredUnderTheirNames() {
        assertThat(Normalisers.names()).contains("none", "text", "compact", "family_name", "given_name", "street",
                "house_number", "postal_code", "sex", "nationality", "identifier", "email", "date");
        for (String name : Normalisers.names()) {
            assertThat(Normalisers.get(name).name()).isEqualTo(name);
        }
    }

    @Test
    void anUnknownNameIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Normalisers.get("soundex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown normaliser 'soundex'")
                .hasMessageContaining("family_name");
    }

    @Test
    void registeredNormalisersDelegateToTheirFunctions() {
        assertThat(norm("text", "Müller-Lüdenscheidt")).isEqualTo("mueller luedenscheidt");
        assertThat(norm("compact", "Karl-Heinz")).isEqualTo("karlheinz");
        assertThat(norm("family_name", "Dr. von Müller")).isEqualTo("mueller");
        assertThat(norm("given_name", "Prof. Karl-Heinz")).isEqualTo("karl heinz");
        assertThat(norm("street", "Goethe-Straße")).isEqualTo("goethestr");
        assertThat(norm("house_number", "12 A")).isEqualTo("12a");
        assertThat(norm("postal_code", "1067")).isEqualTo("01067");
        assertThat(norm("none", "  Kept As Is ")).isEqualTo("Kept As Is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "compact", "family_name", "given_name", "street", "house_number",
        "postal_code", "sex", "nationality", "identifier", "email", "date", "none"})
    void emptyAndNullGiveNull(String name) {
        Normaliser n = Normalisers.get(name);
        assertThat(n.normalise(null)).isNull();
        assertThat(n.normalise("")).isNull();
        assertThat(n.normalise("   ")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "m|m", "M|m", "männlich|m", "MAENNLICH|m", "Mann|m", "male|m", "Herr|m", "1|m", "h|m", "männl.|m",
        "w|w", "W|w", "weiblich|w", "weibl.|w", "Frau|w", "female|w", "f|w", "2|w",
        "d|d", "divers|d", "x|d", "3|d", "non-binary|d"})
    void sexMapping(String input, String expected) {
        assertThat(norm("sex", input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unbekannt", "?", "9", "u"})
    void unknownSexGivesNull(String input) {
        assertThat(norm("sex", input)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deutsch|deu", "Deutsch|deu", "DEU|deu", "D|deu", "de|deu", "Deutschland|deu", "German|deu",
        "Bundesrepublik Deutschland|deu", "BRD|deu", "türkisch|tuerkisch", "TUR|tur", "Österreich|oesterreich"})
    void nationalityMapping(String input, String expected) {
        assertThat(norm("nationality", input)).isEqualTo(expected);
    }

    @Test
    void identifiersKeepOnlyLettersAndDigitsInUpperCase() {
        assertThat(norm("identifier", "12 345 678 901")).isEqualTo("12345678901");
        assertThat(norm("identifier", "65 170839 j 003")).isEqualTo("65170839J003");
        assertThat(norm("identifier", "+49 (30) 1234-567")).isEqualTo("49301234567");
        assertThat(norm("identifier", " - / ")).isNull();
    }

    @Test
    void emailIsLowerCasedAndNeedsAnAt() {
        assertThat(norm("email", " Hans.Mueller@Example.DE ")).isEqualTo("hans.mueller@example.de");
        assertThat(norm("email", "keine")).isNull();
        assertThat(norm("email", "@example.de")).isNull();
    }

    @Test
    void datesBecomeEightDigits() {
        assertThat(norm("date", "1950-03-12")).isEqualTo("19500312");
        assertThat(norm("date", "1950-00-00")).isEqualTo("19500000");
        assertThat(norm("date", "19500312")).isEqualTo("19500312");
        assertThat(norm("date", " 1950-03-12 ")).isEqualTo("19500312");
        assertThat(norm("date", "12.03.1950")).isNull();
        assertThat(norm("date", "1950-3-12")).isNull();
    }

    @Test
    void aYearPrecisionDateTakesFirstOfJanuaryForTheYearAlone() {
        assertThat(norm("date_year_precision", "1630-01-01")).isEqualTo("16300000");
        assertThat(norm("date_year_precision", "1630-08-01")).isEqualTo("16300801");
        assertThat(norm("date_year_precision", "0850-01-01")).isEqualTo("08500000");
        assertThat(norm("date_year_precision", "1630-00-00")).isEqualTo("16300000");
        assertThat(norm("date_year_precision", "01.01.1630")).isNull();
    }

    @Test
    void originalsAreNotChanged() {
        String original = "  Dr. Müller ";
        norm("family_name", original);
        assertThat(original).isEqualTo("  Dr. Müller ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"family_name", "street", "date", "none"})
    void aRegisteredNormaliserSerialisesByNameAndResolvesToTheRegisteredInstance(String name) throws Exception {
        Normaliser original = Normalisers.get(name);
        Object copy = roundTrip(original);
        assertThat(copy).isSameAs(original);
    }

    @Test
    void theSerialFormIsSmallBecauseOnlyTheNameIsWritten() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Normalisers.get("family_name"));
        }
        assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("family_name")
                .doesNotContain("Lambda");
    }

    @Test
    void aCustomNormaliserCanBeRegisteredAndReplaced() {
        Normalisers.register(new Upper("test_upper_" + NormalisersTest.class.hashCode()));
        String name = "test_upper_" + NormalisersTest.class.hashCode();
        assertThat(norm(name, "abc")).isEqualTo("ABC");
        assertThat(Normalisers.names()).contains(name);
    }

    private record Upper(String name) implements Normaliser {
        @Override
        public String normalise(String original) {
            return original == null ? null : original.toUpperCase(java.util.Locale.ROOT);
        }
    }

    static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    /** Identifiers in their normal form come back as they are; all others as the builder made them before. */
    @Test
    void identifiersAsTheBuilderFormsThem() {
        java.util.Random random = new java.util.Random(8);
        String alphabet = "0123456789ABCXYZabcxyz -/.ßäÄéÉÿ\u0130\u0131\u01c5\u00b2\u0663";
        Normaliser identifier = Normalisers.get("identifier");
        int unchanged = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(14);
            // mostly digits and capitals (the common case), sometimes anything of the alphabet
            boolean clean = random.nextBoolean();
            for (int k = 0; k < length; k++) {
                value.append(alphabet.charAt(random.nextInt(clean ? 13 : alphabet.length())));
            }
            String v = value.toString();
            StringBuilder expected = new StringBuilder();
            for (int k = 0; k < v.length(); k++) {
                if (Character.isLetterOrDigit(v.charAt(k))) {
                    expected.append(Character.toUpperCase(v.charAt(k)));
                }
            }
            String e = expected.length() == 0 ? null : expected.toString();
            String actual = identifier.normalise(v);
            assertThat(actual).as(v).isEqualTo(e);
            if (actual == v) {
                unchanged++;
            }
        }
        assertThat(unchanged).isGreaterThan(40_000);
    }
}
