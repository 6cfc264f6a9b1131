package de.grw.matching.compare;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.person;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.matching.TestRecords;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.LevelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledComparisonsTest {
    private final PreparedRecords records = person(
            row("given_names", "Hans", "family_name", "Müller", "birth_date", "1950-03-12", "street", "Goethestr.",
                    "house_number", "12", "postal_code", "50667", "city", "Köln"),
            row("given_names", "Hans", "family_name", "Mueller", "birth_date", "1950-12-03",
                    "street", "Goethe-Straße", "house_number", "12", "postal_code", "50667", "city", "Koeln"),
            row("given_names", "Müller", "family_name", "Hans", "birth_date", "1950-00-00"),
            row("given_names", "Xaver", "family_name", "Schmidt", "birth_date", "1988-07-01"));
    private final CompiledComparisons comparisons = CompiledComparisons.compile(PERSON, records);

    private int index(String name) {
        return comparisons.names().indexOf(name);
    }

    private String label(int a, int b, String comparison) {
        int c = index(comparison);
        return comparisons.label(c, comparisons.level(c, a, b));
    }

    @Test
    void comparisonsAndLevelsFollowTheProfile() {
        assertThat(comparisons.count()).isEqualTo(PERSON.comparisons().size());
        assertThat(comparisons.names()).first().isEqualTo("given_names");
        int given = index("given_names");
        assertThat(comparisons.levelCount(given)).isEqualTo(PERSON.comparisons().get(given).levels().size() + 2);
        assertThat(comparisons.labels(given)).startsWith("missing", "exact", "same_written").endsWith("else");
    }

    @Test
    void levelsOfAPair() {
        assertThat(label(0, 1, "given_names")).isEqualTo("exact");
        assertThat(label(0, 1, "family_name")).isEqualTo("exact");
        assertThat(label(0, 1, "birth_date")).isEqualTo("day_month_swapped");
        assertThat(label(0, 1, "address")).isEqualTo("same_address");
        assertThat(label(0, 1, "sex")).isEqualTo("missing");
        assertThat(label(0, 1, "tax_id")).isEqualTo("missing");
    }

    @Test
    void theFirstPassingLevelIsTaken() {
        assertThat(label(0, 2, "given_names")).isEqualTo("swapped_with_family");
        assertThat(label(0, 2, "family_name")).isEqualTo("swapped_with_given");
        assertThat(label(0, 2, "birth_date")).isEqualTo("incomplete_agrees");
    }

    @Test
    void noPassingLevelIsElseAndAOneSidedValueIsMissing() {
        assertThat(label(0, 3, "given_names")).isEqualTo("else");
        assertThat(label(0, 3, "birth_date")).isEqualTo("else");
        assertThat(label(0, 2, "address")).isEqualTo("missing");
        int given = index("given_names");
        assertThat(comparisons.level(given, 0, 3)).isEqualTo(comparisons.levelCount(given) - 1);
        assertThat(comparisons.level(index("address"), 0, 2)).isEqualTo(CompiledComparisons.MISSING);
    }

    @Test
    void aPatternPacksFourBitsPerComparison() {
        long pattern = comparisons.pattern(0, 1);
        for (int c = 0; c < comparisons.count(); c++) {
            assertThat(CompiledComparisons.level(pattern, c)).isEqualTo(comparisons.level(c, 0, 1));
            assertThat((pattern >>> (4 * c)) & 15).isEqualTo(comparisons.level(c, 0, 1));
        }
        assertThat(comparisons.pattern(1, 0)).isEqualTo(pattern);
    }

    @Test
    void neutralLevelsAndTermFrequencyFields() {
        int given = index("given_names");
        int swapped = comparisons.labels(given).indexOf("swapped_with_family");
        assertThat(comparisons.isNeutral(given, swapped)).isTrue();
        assertThat(comparisons.isNeutral(given, 1)).isFalse();
        assertThat(comparisons.tfField(given, 1).name()).isEqualTo("given_names");
        assertThat(comparisons.tfField(given, 2)).isNull();
        assertThat(comparisons.tfField(given, 0)).isNull();
    }

    @Test
    void aBadLevelIsNamedWithProfileComparisonAndLevel() {
        var bad = TestRecords.withComparisons(PERSON, List.of(new ComparisonSpec("names", List.of("family_name"),
                List.of(new LevelSpec("close", "jaro_winkler", Map.of("field", "family_name"), null, false)))));
        PreparedRecords r = TestRecords.prepare(bad, List.of(row("family_name", "x")));
        assertThatThrownBy(() -> CompiledComparisons.compile(bad, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile person-de, comparison 'names', level 'close': test 'jaro_winkler': "
                        + "parameter 'min' (a number) is missing");
    }
}
