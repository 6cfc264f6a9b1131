package de.grw.matching.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.RecordTable;
import de.grw.normalising.Normalisers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyTransformsTest {

    /** The keys of each original value under a transform, after normalising with {@code normaliser}. */
    private static Map<String, List<String>> keys(String transform, int length, String normaliser,
                                                  String... originals) {
        RecordTable.Builder b = new RecordTable.Builder(1);
        for (String o : originals) {
            b.add(0, o, new String[] {o});
        }
        PreparedField field = PreparedField.prepare("f", b.build(), 0, Normalisers.get(normaliser));
        String[][] keys = KeyTransforms.get(transform).keys(field, length);
        assertThat(keys.length).isEqualTo(field.distinctCount());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int r = 0; r < originals.length; r++) {
            int id = field.id(r);
            out.put(originals[r], id < 0 ? null : Arrays.asList(keys[id]));
        }
        return out;
    }

    @Test
    void exactInitialAndFirstToken() {
        assertThat(keys("exact", 0, "given_name", "Karl-Heinz", "Anna"))
                .containsEntry("Karl-Heinz", List.of("karl heinz")).containsEntry("Anna", List.of("anna"));
        assertThat(keys("initial", 0, "given_name", "Karl-Heinz", "Ärmin"))
                .containsEntry("Karl-Heinz", List.of("k")).containsEntry("Ärmin", List.of("a"));
        assertThat(keys("first_token", 0, "given_name", "Karl-Heinz", "Anna"))
                .containsEntry("Karl-Heinz", List.of("karl")).containsEntry("Anna", List.of("anna"));
    }

    @Test
    void yearOfACompleteOrPartialDate() {
        Map<String, List<String>> k = keys("year", 0, "date", "1950-03-12", "1950-00-00", "0000-03-12", "19501");
        assertThat(k.get("1950-03-12")).containsExactly("1950");
        assertThat(k.get("1950-00-00")).containsExactly("1950");
        assertThat(k.get("0000-03-12")).as("unknown year gives no key").isEmpty();
        assertThat(k.get("19501")).as("not a date: no normalised value").isNull();
    }

    @Test
    void unorderedDateGivesSwappedDayAndMonthOneKey() {
        Map<String, List<String>> k = keys("date_unordered", 0, "date", "1950-03-12", "1950-12-03", "1950-03-13");
        assertThat(k.get("1950-03-12")).isEqualTo(k.get("1950-12-03")).containsExactly("19500312");
        assertThat(k.get("1950-03-13")).containsExactly("19500313");
    }

    @Test
    void prefixOfTheBlankFreeValue() {
        Map<String, List<String>> k = keys("prefix", 3, "family_name", "Müller-Lüdenscheidt", "Li", "Ott");
        assertThat(k.get("Müller-Lüdenscheidt")).containsExactly("mue");
        assertThat(k.get("Li")).containsExactly("li");
        assertThat(k.get("Ott")).containsExactly("ott");
        assertThat(keys("prefix", 0, "family_name", "Müller").get("Müller")).as("length at least 1")
                .containsExactly("m");
    }

    @Test
    void phoneticCodesAgreeForSpellingVariants() {
        Map<String, List<String>> k = keys("phonetic", 0, "family_name", "Meier", "Mayer", "Maier", "Meyer",
                "Müller", "Mueller", "Miller", "Schmidt", "Schmitt");
        assertThat(k.get("Meier")).containsExactly("67");
        assertThat(k.get("Mayer")).isEqualTo(k.get("Meier"));
        assertThat(k.get("Maier")).isEqualTo(k.get("Meier"));
        assertThat(k.get("Meyer")).isEqualTo(k.get("Meier"));
        assertThat(k.get("Müller")).containsExactly("657");
        assertThat(k.get("Mueller")).isEqualTo(k.get("Müller"));
        assertThat(k.get("Miller")).isEqualTo(k.get("Müller"));
        assertThat(k.get("Schmidt")).containsExactly("862").isEqualTo(k.get("Schmitt"));
    }

    @Test
    void phoneticOfADoubleNameIsTheCodeOfTheWhole() {
        Map<String, List<String>> k = keys("phonetic", 0, "family_name", "Müller-Schmidt", "Müller Schmidt");
        assertThat(k.get("Müller-Schmidt")).containsExactly("657862").isEqualTo(k.get("Müller Schmidt"));
    }

    @Test
    void phoneticFirstTakesTheFirstToken() {
        Map<String, List<String>> k = keys("phonetic_first", 0, "given_name", "Karl-Heinz", "Carl");
        assertThat(k.get("Karl-Heinz")).containsExactly("475").isEqualTo(k.get("Carl"));
    }

    @Test
    void phoneticTokensGivesTheWholeAndEachPartOfADoubleName() {
        Map<String, List<String>> k = keys("phonetic_tokens", 0, "family_name", "Müller-Schmidt", "Schmidt",
                "Müller", "von der Oe-Meier");
        assertThat(k.get("Müller-Schmidt")).containsExactly("657862", "657", "862");
        assertThat(k.get("Schmidt")).containsExactly("862");
        assertThat(k.get("Müller")).containsExactly("657");
        // "oe" has the code "0", shorter than two characters: not a key of its own
        assertThat(k.get("von der Oe-Meier")).containsExactly("067", "67");
    }

    @Test
    void unknownTransformIsNamed() {
        assertThatThrownBy(() -> KeyTransforms.get("soundex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown blocking transform 'soundex'")
                .hasMessageContaining("phonetic_tokens");
    }

    @Test
    void aSimpleTransformSerialisesByName() throws Exception {
        KeyTransform year = KeyTransforms.get("year");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(year);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(year);
        }
    }
}
