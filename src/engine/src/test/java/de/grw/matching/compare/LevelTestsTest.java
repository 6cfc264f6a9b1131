package de.grw.matching.compare;

import static de.grw.matching.TestRecords.person;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.matching.data.PreparedRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelTestsTest {

    private static BoundTest bind(PreparedRecords records, String test, Map<String, Object> params) {
        return LevelTests.create(test, params).bind(records);
    }

    /** Result of the test on records 0 and 1, checked to be symmetric. */
    private static boolean passes(PreparedRecords records, String test, Map<String, Object> params) {
        BoundTest t = bind(records, test, params);
        boolean ab = t.test(0, 1);
        assertThat(t.test(1, 0)).as("symmetric").isEqualTo(ab);
        return ab;
    }

    @Test
    void exactComparesNormalisedValues() {
        PreparedRecords r = person(row("family_name", "Müller"), row("family_name", "MUELLER"),
                row("family_name", "Müller-Lüdenscheidt"), row());
        BoundTest exact = bind(r, "exact", Map.of("field", "family_name"));
        assertThat(exact.test(0, 1)).isTrue();
        assertThat(exact.test(0, 2)).isFalse();
        assertThat(exact.test(0, 3)).isFalse();
        assertThat(exact.test(3, 3)).as("missing is never equal").isFalse();
        assertThat(exact.test(0, 0)).isTrue();
    }

    @Test
    void exactOverSeveralFieldsNeedsAllOfThem() {
        PreparedRecords r = person(
                row("street", "Goethestraße", "house_number", "12 a"),
                row("street", "Goethestr.", "house_number", "12A"),
                row("street", "Goethestr.", "house_number", "14"),
                row("street", "Goethestr."));
        BoundTest both = bind(r, "exact", Map.of("fields", List.of("street", "house_number")));
        assertThat(both.test(0, 1)).isTrue();
        assertThat(both.test(0, 2)).isFalse();
        assertThat(both.test(1, 3)).isFalse();
    }

    @Test
    void nestedTestsRunTheCheapestFirstWithTheSameResult() {
        Map<String, Object> similarStreet = Map.of("test", "jaro_winkler", "field", "street", "min", 0.88);
        Map<String, Object> sameNumber = Map.of("test", "exact", "field", "house_number");
        Map<String, Object> placeOrCode = Map.of("test", "or", "tests", List.of(
                Map.of("test", "jaro_winkler", "field", "city", "min", 0.9),
                Map.of("test", "exact", "field", "postal_code")));
        LevelTest and = LevelTests.create("and", Map.of("tests", List.of(similarStreet, sameNumber, placeOrCode)));
        List<LevelTest> ordered = LevelTests.cheapestFirst(((LevelTests.All) and).tests());
        assertThat(ordered).extracting(LevelTest::name).containsExactly("exact", "jaro_winkler", "or");
        assertThat(LevelTests.cheapestFirst(((LevelTests.AnyOf) LevelTests.create("or", placeOrCode)).tests()))
                .extracting(LevelTest::name).containsExactly("exact", "jaro_winkler");
        PreparedRecords r = person(
                row("street", "Goethestraße", "house_number", "12", "city", "Köln", "postal_code", "50667"),
                row("street", "Goethestrasse", "house_number", "12", "city", "Koeln", "postal_code", "50668"),
                row("street", "Goetheweg", "house_number", "12", "city", "Bonn", "postal_code", "53111"),
                row("street", "Goethestraße", "house_number", "14", "city", "Köln", "postal_code", "50667"));
        BoundTest bound = and.bind(r);
        assertThat(bound.test(0, 1)).isTrue();
        assertThat(bound.test(0, 2)).isFalse();
        assertThat(bound.test(0, 3)).isFalse();
    }

    @Test
    void compactIgnoresBlanks() {
        PreparedRecords r = person(row("given_names", "Karl-Heinz"), row("given_names", "Karlheinz"));
        assertThat(passes(r, "exact", Map.of("field", "given_names"))).isFalse();
        assertThat(passes(r, "compact", Map.of("field", "given_names"))).isTrue();
    }

    @Test
    void crossFindsTheBirthNameInTheOtherRecordsFamilyName() {
        PreparedRecords r = person(
                row("family_name", "Schmidt", "birth_name", "Müller"),
                row("family_name", "Mueller"),
                row("family_name", "Schmidt"),
                row("family_name", "Weber", "birth_name", "Schulz"));
        BoundTest cross = bind(r, "cross", Map.of("fields", List.of("family_name", "birth_name")));
        assertThat(cross.test(0, 1)).isTrue();
        assertThat(cross.test(1, 0)).isTrue();
        assertThat(cross.test(0, 2)).isTrue();
        assertThat(cross.test(0, 3)).isFalse();
        assertThat(cross.test(1, 3)).isFalse();
    }

    @Test
    void crossWithOneEditFindsAMistypedBirthNameButLeavesTheFamilyNameToItsOwnLevels() {
        PreparedRecords r = person(
                row("family_name", "Schmidt", "birth_name", "geb. Braun"),
                row("family_name", "Brgaun"),
                row("family_name", "Schmitd"),
                row("family_name", "Weber", "birth_name", "Brauns"),
                row("family_name", "Bruan"));
        BoundTest fuzzy = bind(r, "cross", Map.of("fields", List.of("family_name", "birth_name"), "max", 1));
        BoundTest exact = bind(r, "cross", Map.of("fields", List.of("family_name", "birth_name")));
        assertThat(exact.test(0, 1)).isFalse();
        assertThat(fuzzy.test(0, 1)).as("geb. Braun against Brgaun").isTrue();
        assertThat(fuzzy.test(1, 0)).isTrue();
        assertThat(fuzzy.test(0, 2)).as("a typo in the family name itself is the family name's one_typo level")
                .isFalse();
        assertThat(fuzzy.test(0, 3)).as("two birth names one edit apart").isTrue();
        assertThat(fuzzy.test(0, 4)).as("a swap of neighbours is one edit").isTrue();
    }

    @Test
    void crossAcrossComparesAFieldOnlyWithTheOthers() {
        PreparedRecords r = person(
                row("given_names", "Weedon"),
                row("given_names", "Margaret", "family_name", "Weedon"),
                row("given_names", "Margaret", "family_name", "Smith"));
        BoundTest across = bind(r, "cross", Map.of("fields", List.of("given_names", "family_name"), "across", true));
        assertThat(across.test(0, 1)).as("the family name written as given name").isTrue();
        assertThat(across.test(1, 0)).isTrue();
        assertThat(across.test(1, 2)).as("the same given name is the given-name comparison's own business").isFalse();
    }

    @Test
    void nameVariantsAreCallNamesAndShortForms() {
        PreparedRecords r = person(
                row("given_names", "Johannes"), row("given_names", "Hans-Peter"), row("given_names", "Jürgen"),
                row("given_names", "William"), row("given_names", "BILL"), row("given_names", "Fritz"),
                row("given_names", "Friedrich Wilhelm"), row("given_names", "Willi"));
        BoundTest variant = bind(r, "name_variant", Map.of("field", "given_names"));
        assertThat(variant.test(0, 1)).as("Hans for Johannes, in a double name").isTrue();
        assertThat(variant.test(0, 2)).isFalse();
        assertThat(variant.test(3, 4)).as("Bill for William").isTrue();
        assertThat(variant.test(5, 6)).as("Fritz for Friedrich").isTrue();
        assertThat(variant.test(6, 7)).as("Willi for Wilhelm").isTrue();
        assertThat(variant.test(0, 0)).as("the same name is no variant of itself").isFalse();
        assertThat(variant.test(1, 1)).isFalse();
    }

    @Test
    void firstTokenIsTheOutwardCodeOfAPostcode() {
        PreparedRecords r = person(row("city", "TQ13 8DF"), row("city", "tq13 8hu"), row("city", "tq1 8df"));
        BoundTest first = bind(r, "first_token", Map.of("field", "city"));
        assertThat(first.test(0, 1)).isTrue();
        assertThat(first.test(0, 2)).isFalse();
    }

    @Test
    void swappedNeedsBothFieldsExchanged() {
        PreparedRecords r = person(
                row("given_names", "Hans", "family_name", "Müller"),
                row("given_names", "Mueller", "family_name", "Hans"),
                row("given_names", "Müller", "family_name", "Peter"),
                row("given_names", "Müller"));
        BoundTest swapped = bind(r, "swapped", Map.of("field", "given_names", "other", "family_name"));
        assertThat(swapped.test(0, 1)).isTrue();
        assertThat(swapped.test(1, 0)).isTrue();
        assertThat(swapped.test(0, 2)).isFalse();
        assertThat(swapped.test(0, 3)).isFalse();
    }

    @Test
    void tokenOverlapFindsAPartOfADoubleName() {
        PreparedRecords r = person(
                row("family_name", "Müller-Schmidt"),
                row("family_name", "Schmidt"),
                row("family_name", "Müller"),
                row("family_name", "Schmitz"),
                row("family_name", "Li-Wang"),
                row("family_name", "Li Chen"));
        BoundTest overlap = bind(r, "token_overlap", Map.of("field", "family_name", "minLength", 3));
        assertThat(overlap.test(0, 1)).isTrue();
        assertThat(overlap.test(0, 2)).isTrue();
        assertThat(overlap.test(1, 2)).as("two single names are not a partial agreement").isFalse();
        assertThat(overlap.test(0, 3)).isFalse();
        assertThat(overlap.test(4, 5)).as("'li' is shorter than minLength").isFalse();
        assertThat(bind(r, "token_overlap", Map.of("field", "family_name")).test(4, 5))
                .as("default minLength is 2").isTrue();
    }

    @Test
    void phoneticUsesKoelnerPhonetik() {
        PreparedRecords r = person(row("family_name", "Meier"), row("family_name", "Mayer"),
                row("family_name", "Maier"), row("family_name", "Meyer"), row("family_name", "Müller"));
        BoundTest phonetic = bind(r, "phonetic", Map.of("field", "family_name"));
        assertThat(phonetic.test(0, 1)).isTrue();
        assertThat(phonetic.test(0, 2)).isTrue();
        assertThat(phonetic.test(0, 3)).isTrue();
        assertThat(phonetic.test(0, 4)).isFalse();
        assertThat(r.field("family_name").phonetic()).contains("67");
    }

    @Test
    void jaroWinklerUsesTheThresholdInclusively() {
        PreparedRecords r = person(row("family_name", "Müller"), row("family_name", "Muller"));
        double s = StringSimilarity.jaroWinkler("mueller", "muller");
        assertThat(passes(r, "jaro_winkler", Map.of("field", "family_name", "min", s))).isTrue();
        assertThat(passes(r, "jaro_winkler", Map.of("field", "family_name", "min", s + 1e-9))).isFalse();
        assertThat(s).isCloseTo(0.9175, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(passes(r, "jaro_winkler", Map.of("field", "family_name", "min", 0.90))).isTrue();
        assertThat(passes(r, "jaro_winkler", Map.of("field", "family_name", "min", 0.92))).isFalse();
    }

    @Test
    void damerauAllowsTheGivenNumberOfEdits() {
        PreparedRecords r = person(row("tax_id", "12 345 678 901"), row("tax_id", "12345678910"),
                row("tax_id", "12345678999"));
        BoundTest one = bind(r, "damerau", Map.of("field", "tax_id", "max", 1));
        assertThat(one.test(0, 1)).as("transposition").isTrue();
        assertThat(one.test(0, 2)).isFalse();
        assertThat(bind(r, "damerau", Map.of("field", "tax_id", "max", 2)).test(0, 2)).isTrue();
        assertThat(bind(r, "damerau", Map.of("field", "tax_id")).test(0, 1)).as("default max 1").isTrue();
    }

    @Test
    void prefixNeedsTheShorterValueToHaveMinCharacters() {
        PreparedRecords r = person(row("given_names", "Rob"), row("given_names", "Robert"),
                row("given_names", "Ro"), row("given_names", "Bert"));
        BoundTest prefix = bind(r, "prefix", Map.of("field", "given_names", "min", 3));
        assertThat(prefix.test(0, 1)).isTrue();
        assertThat(prefix.test(1, 0)).isTrue();
        assertThat(prefix.test(2, 1)).isFalse();
        assertThat(prefix.test(3, 1)).isFalse();
    }

    @Test
    void andAndOrCombineNestedTests() {
        PreparedRecords r = person(
                row("street", "Goethestraße", "house_number", "12", "postal_code", "50667", "city", "Köln"),
                row("street", "Göthestraße", "house_number", "12", "postal_code", "50668", "city", "Koeln"),
                row("street", "Göthestraße", "house_number", "14", "postal_code", "80331", "city", "München"));
        Map<String, Object> and = Map.of("tests", List.of(
                Map.of("test", "jaro_winkler", "field", "street", "min", 0.88),
                Map.of("test", "exact", "field", "house_number")));
        BoundTest all = bind(r, "and", and);
        assertThat(all.test(0, 1)).isTrue();
        assertThat(all.test(0, 2)).isFalse();
        Map<String, Object> or = Map.of("tests", List.of(
                Map.of("test", "damerau", "field", "postal_code", "max", 1),
                Map.of("test", "exact", "field", "city")));
        BoundTest any = bind(r, "or", or);
        assertThat(any.test(0, 1)).isTrue();
        assertThat(any.test(0, 2)).isFalse();
        assertThat(LevelTests.create("and", and).fields()).containsExactly("street", "house_number");
    }

    @Test
    void unknownTestsAndMissingParametersAreNamed() {
        assertThatThrownBy(() -> LevelTests.create("soundex", Map.of("field", "family_name")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown level test 'soundex'")
                .hasMessageContaining("jaro_winkler");
        assertThatThrownBy(() -> LevelTests.create("jaro_winkler", Map.of("field", "family_name")))
                .hasMessage("test 'jaro_winkler': parameter 'min' (a number) is missing");
        assertThatThrownBy(() -> LevelTests.create("phonetic", Map.of()))
                .hasMessage("test 'phonetic': parameter 'field' (a text) is missing");
        assertThatThrownBy(() -> LevelTests.create("and", Map.of("tests", List.of())))
                .hasMessage("test 'and': parameter 'tests' (a list of tests) is missing");
        assertThatThrownBy(() -> LevelTests.create("or", Map.of("tests", List.of(Map.of("field", "city")))))
                .hasMessageStartingWith("a nested test needs a \"test\" name");
    }

    @Test
    void anUnknownFieldIsFoundWhenBinding() {
        PreparedRecords r = person(row());
        LevelTest t = LevelTests.create("exact", Map.of("field", "vorname"));
        assertThatThrownBy(() -> t.bind(r)).hasMessage("unknown field 'vorname'");
    }

    @Test
    void testsNameTheirFieldsAndSurviveSerialisation() throws Exception {
        LevelTest swapped = LevelTests.create("swapped", Map.of("field", "given_names", "other", "family_name"));
        assertThat(swapped.name()).isEqualTo("swapped");
        assertThat(swapped.fields()).containsExactly("given_names", "family_name");
        for (LevelTest t : List.of(swapped, LevelTests.create("date_swap", Map.of("field", "birth_date")),
                LevelTests.create("or", Map.of("tests", List.of(Map.of("test", "exact", "field", "city")))))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(t);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).isEqualTo(t);
            }
        }
    }
}
