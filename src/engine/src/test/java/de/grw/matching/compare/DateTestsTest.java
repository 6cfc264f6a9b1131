package de.grw.matching.compare;

import static de.grw.matching.TestRecords.person;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.matching.data.PreparedRecords;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTestsTest {

    /** Runs a date test on two ISO birth dates (as the importer produces them), checking symmetry. */
    private static boolean passes(String test, String a, String b) {
        PreparedRecords r = person(row("birth_date", a), row("birth_date", b));
        BoundTest t = LevelTests.create(test, Map.of("field", "birth_date")).bind(r);
        boolean ab = t.test(0, 1);
        assertThat(t.test(1, 0)).as("symmetric").isEqualTo(ab);
        return ab;
    }

    @ParameterizedTest
    @CsvSource({
        "1950-00-00, 1950-03-12, true",
        "1950-03-00, 1950-03-12, true",
        "1950-00-12, 1950-03-12, true",
        "0000-03-12, 1950-03-12, true",
        "1950-00-00, 1950-00-00, true",
        "1950-03-12, 1950-03-12, false",
        "1950-04-00, 1950-03-12, false",
        "1951-00-00, 1950-03-12, false",
        "0000-00-12, 1950-03-12, false",
        "0000-04-12, 1950-03-12, false"})
    void compatibleWhenOneDateIsIncompleteAndTheKnownPartsAgree(String a, String b, boolean expected) {
        assertThat(passes("date_compatible", a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1950-03-12, 1950-12-03, true",
        "1950-03-03, 1950-03-03, false",
        "1950-03-12, 1951-12-03, false",
        "1950-03-12, 1950-12-04, false",
        "1950-00-12, 1950-12-00, false",
        "0000-03-12, 0000-12-03, false"})
    void daySwappedWithMonth(String a, String b, boolean expected) {
        assertThat(passes("date_swap", a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1950-03-12, 1950-03-30, true",
        "1950-03-12, 1950-04-12, false",
        "1950-00-12, 1950-00-30, false",
        "1950-03-12, 1951-03-12, false"})
    void sameYearAndMonth(String a, String b, boolean expected) {
        assertThat(passes("date_year_month", a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1950-03-12, 1950-11-30, true",
        "1950-00-00, 1950-11-30, true",
        "0000-03-12, 0000-03-12, false",
        "1950-03-12, 1951-03-12, false"})
    void sameYear(String a, String b, boolean expected) {
        assertThat(passes("date_same_year", a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1950-03-12, 1951-03-12, true",
        "1950-03-12, 1950-04-12, true",
        "1950-03-12, 1950-03-13, true",
        "1950-03-12, 1951-04-12, false",
        "1950-00-12, 1950-00-12, true",
        "1950-00-12, 1950-00-13, false",
        "0000-03-12, 1950-03-13, false"})
    void twoOfYearMonthAndDayAgree(String a, String b, boolean expected) {
        assertThat(passes("date_two_parts", a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1850-03-12, 1851-11-30, 1, true",
        "1850-03-12, 1852-03-12, 1, false",
        "1850-00-00, 1849-05-01, 1, true",
        "1850-03-12, 1860-03-12, 10, true",
        "0000-03-12, 1850-03-12, 10, false"})
    void yearsWithinIgnoresMonthAndDay(String a, String b, int years, boolean expected) {
        PreparedRecords r = person(row("birth_date", a), row("birth_date", b));
        BoundTest t = LevelTests.create("date_years_within", Map.of("field", "birth_date", "years", years)).bind(r);
        assertThat(t.test(0, 1)).isEqualTo(expected);
        assertThat(t.test(1, 0)).isEqualTo(expected);
    }

    @Test
    void aMissingDateNeverPasses() {
        PreparedRecords r = person(row("birth_date", "1950-03-12"), row());
        for (String test : new String[] {"date_compatible", "date_swap", "date_year_month", "date_same_year",
            "date_two_parts"}) {
            BoundTest t = LevelTests.create(test, Map.of("field", "birth_date")).bind(r);
            assertThat(t.test(0, 1)).as(test).isFalse();
            assertThat(t.test(1, 1)).as(test).isFalse();
        }
    }

    @Test
    void aValueThatIsNotEightDigitsIsNeverCompatible() {
        // the "compact" normaliser on the date field keeps text that is not a date; date tests must not trip over it
        PreparedRecords r = person(row("birth_date", "1950-03-12"), row("birth_date", "1950-03-12"));
        DateTests.Compatible compatible = new DateTests.Compatible("birth_date");
        assertThat(compatible.test(1950, 3, 0, 1950, 3, 12)).isTrue();
        assertThat(compatible.bind(r).test(0, 1)).isFalse();
        assertThat(DateTests.decode(r.field("birth_date"))).containsExactly(19500312);
    }

    @Test
    void registeredUnderTheirNames() {
        assertThat(LevelTests.names()).contains("date_compatible", "date_swap", "date_year_month",
                "date_same_year", "date_two_parts");
        assertThat(new DateTests.TwoParts("birth_date")).isEqualTo(new DateTests.TwoParts("birth_date"))
                .isNotEqualTo(new DateTests.TwoParts("other")).isNotEqualTo(new DateTests.SameYear("birth_date"));
    }
}
