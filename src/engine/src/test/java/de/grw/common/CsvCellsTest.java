package de.grw.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x\")", "+49 30 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
        "-", "+", "--", "-Dr.", "=", "-1e5", "+1-2", "-Infinity", "\uFF1D1+1", "'=1", "''@x", "'-12"})
    void cellsASpreadsheetCouldRunGetAnApostrophe(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Müller", "1988-04-18", "-12", "+4930123456", "-3,5", "-3.5", "12", "a=b", "x@y.de",
        " =1", "'Müller", "'", "''", "'s-Hertogenbosch"})
    void plainNumbersAndOrdinaryTextStay(String value) {
        assertThat(CsvCells.neutralise(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Müller|Müller",
        "a,b|\"a,b\"",
        "a;b|a;b",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=1,2|\"'=1,2\""})
    void quotedForCommaSeparatedFiles(String value, String expected) {
        assertThat(CsvCells.cell(value, ',')).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a;b|\"a;b\"", "a,b|a,b"})
    void quotedForSemicolonSeparatedFiles(String value, String expected) {
        assertThat(CsvCells.cell(value, ';')).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "'=1", "''=1", "-12", "-x", "'", "'abc", "Müller", "'-12", "\tA", ""})
    void neutralisingCanBeUndoneExactly(String value) {
        assertThat(CsvCells.unneutralise(CsvCells.neutralise(value))).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void rawCellsAreOnlyQuoted() {
        assertThat(CsvCells.cell("=HYPERLINK(\"x\")", ',', false)).isEqualTo("\"=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.cell("-Dr.", ',', false)).isEqualTo("-Dr.");
        assertThat(CsvCells.cell("-Dr.", ',', true)).isEqualTo("'-Dr.");
    }

    @org.junit.jupiter.api.Test
    void lineBreaksAndOuterBlanksAreQuotedAndNullIsEmpty() {
        assertThat(CsvCells.cell("a\nb", ',')).isEqualTo("\"a\nb\"");
        assertThat(CsvCells.cell(" a", ',')).isEqualTo("\" a\"");
        assertThat(CsvCells.cell(null, ',')).isEmpty();
        assertThat(CsvCells.cell("", ',')).isEmpty();
    }
}
