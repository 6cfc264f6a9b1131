package de.grw.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.profile.YearRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static void assertValid(ParsedDate d, String iso) {
        assertThat(d.iso()).isEqualTo(iso);
        assertThat(d.problem()).isNull();
        assertThat(d.isValid()).isTrue();
        assertThat(d.isEmpty()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1950-03-12|1950-03-12",
        "1950-3-2|1950-03-02",
        "12.03.1950|1950-03-12",
        "2.3.1950|1950-03-02",
        "02.3.1950|1950-03-02",
        "19500312|1950-03-12",
        "12031950|1950-03-12",
        "12/03/1950|1950-03-12",
        "1950/03/12|1950-03-12",
        "12-03-1950|1950-03-12",
        "1950-03-12T00:00:00|1950-03-12",
        "1950-03-12T13:45:10.123Z|1950-03-12",
        "12.03.1950 00:00|1950-03-12",
        "1950-03-12 00:00:00|1950-03-12",
        "  12.03.1950  |1950-03-12",
        "29.02.2000|2000-02-29",
        "31.12.1900|1900-12-31",
        "01.01.2020|2020-01-01"})
    void everyFormat(String cell, String iso) {
        assertValid(DateParser.parse(cell), iso);
    }

    @Test
    void twoDigitYearsBelongToThisCenturyUpToTheCurrentYear() {
        assertValid(DateParser.parse("12.03.85"), "1985-03-12");
        assertValid(DateParser.parse("12.03.01"), "2001-03-12");
        assertValid(DateParser.parse("12.03.99"), "1999-03-12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00.00.1950|1950-00-00",
        "00.03.1950|1950-03-00",
        "1950-00-00|1950-00-00",
        "1950-03-00|1950-03-00",
        "19500000|1950-00-00"})
    void partialDatesWithZeroPartsAreValid(String cell, String iso) {
        assertValid(DateParser.parse(cell), iso);
    }

    @Test
    void impossibleDateKeepsOnlyTheYearAndReportsWhy() {
        ParsedDate d = DateParser.parse("31.02.2001");
        assertThat(d.iso()).isEqualTo("2001-00-00");
        assertThat(d.isValid()).isFalse();
        assertThat(d.problem()).isEqualTo(
                "'31.02.2001': impossible date (month 2 has no day 31); kept as 2001-00-00 (00 = unknown)");
    }

    @Test
    void the29thOfFebruaryOutsideALeapYearIsImpossible() {
        assertThat(DateParser.parse("29.02.2001").iso()).isEqualTo("2001-00-00");
        assertThat(DateParser.parse("29.02.1900").iso()).isEqualTo("1900-00-00");
        assertThat(DateParser.parse("31.04.1970").problem()).contains("month 4 has no day 31");
    }

    @Test
    void aMonthOutOfRangeIsDroppedButAPossibleDayIsKept() {
        ParsedDate d = DateParser.parse("13.19.1950");
        assertThat(d.iso()).isEqualTo("1950-00-13");
        assertThat(d.problem()).isEqualTo("'13.19.1950': there is no month 19; kept as 1950-00-13 (00 = unknown)");
    }

    @Test
    void aDayOutOfRangeIsDropped() {
        ParsedDate d = DateParser.parse("32.01.1950");
        assertThat(d.iso()).isEqualTo("1950-01-00");
        assertThat(d.problem()).startsWith("'32.01.1950': there is no day 32");
    }

    @Test
    void aDayWithoutAMonthIsReported() {
        ParsedDate d = DateParser.parse("15.00.1950");
        assertThat(d.iso()).isEqualTo("1950-00-15");
        assertThat(d.problem()).startsWith("'15.00.1950': a day without a month");
    }

    @Test
    void aYearOutsideThePlausibleYearsIsReportedAndKeptUnknown() {
        int now = java.time.Year.now().getValue();
        ParsedDate d = DateParser.parse("12.03.1750");
        assertThat(d.problem()).startsWith("'12.03.1750': year 1750 is outside the plausible years 1900-" + now);
        assertThat(d.iso()).isEqualTo("0000-03-12");
        ParsedDate worse = DateParser.parse("99.99.2500");
        assertThat(worse.iso()).isNull();
        assertThat(worse.problem()).contains("year 2500 is outside the plausible years");
        // a birth date in the future is no birth date
        assertThat(DateParser.parse("01.02." + (now + 1)).iso()).isEqualTo("0000-02-01");
    }

    @Test
    void aHistoricalRegisterTakesAnyYearFromOneToThePresent() {
        YearRange all = YearRange.ALL;
        assertValid(DateParser.parse("1630-08-01", all), "1630-08-01");
        assertValid(DateParser.parse("0850-03-12", all), "0850-03-12");
        assertValid(DateParser.parse("12.03.1750", all), "1750-03-12");
        assertValid(DateParser.fromSeparateParts("1066", "10", "14", all), "1066-10-14");
        // an invalid part stays unknown, the rest is kept
        ParsedDate typo = DateParser.parse("1856-86-18", all);
        assertThat(typo.iso()).isEqualTo("1856-00-18");
        assertThat(typo.problem()).contains("no month 86");
        assertThat(DateParser.parse("0000-05-01", all).iso()).isEqualTo("0000-05-01");
        assertThat(DateParser.parse("0000-05-01", all).problem()).contains("year 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "12.03", "1950", "12.03.1950.1", "123.03.1950", "12.03.195", "x2.03.1950",
        "12..1950", "1950-03-12X", "unbekannt"})
    void textThatIsNoDateIsInvalidWithoutIso(String cell) {
        ParsedDate d = DateParser.parse(cell);
        assertThat(d.iso()).isNull();
        assertThat(d.problem()).startsWith("'" + cell + "' is not a date");
        assertThat(d.isValid()).isFalse();
        assertThat(d.isEmpty()).isFalse();
    }

    @Test
    void unknownFormatMessageNamesTheKnownFormats() {
        assertThat(DateParser.parse("März 1950").problem())
                .isEqualTo("'März 1950' is not a date in a known format (yyyy-MM-dd, dd.MM.yyyy, d.M.yyyy, yyyyMMdd)");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void emptyCellIsEmpty(String cell) {
        ParsedDate d = DateParser.parse(cell);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.iso()).isNull();
        assertThat(d.problem()).isNull();
    }

    @Test
    void separatePartsAreCombined() {
        assertValid(DateParser.fromSeparateParts("1950", "3", "12"), "1950-03-12");
        assertValid(DateParser.fromSeparateParts(" 1950 ", "03", "02"), "1950-03-02");
        assertValid(DateParser.fromSeparateParts("1950.0", "3.0", "12.0"), "1950-03-12");
    }

    @Test
    void missingSeparatePartsBecomeUnknown() {
        assertValid(DateParser.fromSeparateParts("1950", null, null), "1950-00-00");
        assertValid(DateParser.fromSeparateParts("1950", "3", ""), "1950-03-00");
        assertThat(DateParser.fromSeparateParts(null, " ", null).isEmpty()).isTrue();
    }

    @Test
    void separatePartsWithoutYearAreInvalid() {
        ParsedDate d = DateParser.fromSeparateParts(null, "3", "12");
        assertThat(d.iso()).isNull();
        assertThat(d.problem()).isEqualTo("date 12.3.? has no year");
    }

    @Test
    void separatePartsThatAreNoNumbers() {
        ParsedDate d = DateParser.fromSeparateParts("1950", "März", "12");
        assertThat(d.iso()).isNull();
        assertThat(d.problem()).isEqualTo("date 12.März.1950 is not made of numbers");
    }

    @Test
    void impossibleSeparatePartsAreReportedLikeAWholeDate() {
        ParsedDate d = DateParser.fromSeparateParts("2001", "2", "31");
        assertThat(d.iso()).isEqualTo("2001-00-00");
        assertThat(d.problem()).isEqualTo(
                "'31.2.2001': impossible date (month 2 has no day 31); kept as 2001-00-00 (00 = unknown)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "19052000|2000-05-19",
        "20061985|1985-06-20",
        "18111950|1950-11-18",
        "21012001|2001-01-21"})
    void eightDigitsDayFirstAreReadEvenWhenTheDayAndMonthLookLikeAYear(String cell, String iso) {
        // read as yyyyMMdd these would have month 18 to 21, which cannot be
        assertValid(DateParser.parse(cell), iso);
    }

    /** The parts are read by hand up to nine digits; longer ones as Integer.parseInt reads them (or not at all). */
    @Test
    void longRunsOfDigitsAreReadAsIntegerParseIntReadsThem() {
        assertValid(DateParser.parse("1985-000000000003-000000000012"), "1985-03-12");
        assertValid(DateParser.parse("1985-003-012"), "1985-03-12");
        assertThat(DateParser.parse("1985-12345678901-01").iso()).isNull();
        assertThat(DateParser.parse("1985-12345678901-01").problem()).contains("1985-12345678901-01");
        assertThat(DateParser.parse("1985-999999999-01").problem()).contains("no month 999999999");
        assertValid(DateParser.parse("19850312"), "1985-03-12");
        assertValid(DateParser.parse("12031985"), "1985-03-12");
    }
}
