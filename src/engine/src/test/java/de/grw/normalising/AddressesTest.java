package de.grw.normalising;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Goethestraße", "Goethestrasse", "Goethestr.", "Goethestr", "Goethe-Straße",
        "Goethe Straße", "Goethe-Str.", "goethe str", "GOETHESTRASSE", "Goethe Strasse", "Goethe Str"})
    void streetTypeSpellingsAgree(String street) {
        assertThat(Addresses.street(street)).isEqualTo("goethestr");
    }

    @Test
    void otherStreetWordsAreUnifiedOrKept() {
        assertThat(Addresses.street("Markt Pl.")).isEqualTo("marktplatz");
        assertThat(Addresses.street("Am Markt")).isEqualTo("ammarkt");
        assertThat(Addresses.street("Lindenallee")).isEqualTo("lindenallee");
        assertThat(Addresses.street("Straße des 17. Juni")).isEqualTo("strdes17juni");
        assertThat(Addresses.street("Müllerstraße")).isEqualTo("muellerstr");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "-"})
    void emptyStreetGivesNull(String street) {
        assertThat(Addresses.street(street)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12a|12a",
        "12 a|12a",
        "12A|12a",
        "12 A|12a",
        " 12 |12",
        "12 - 14|12-14",
        "12-14|12-14",
        "12/14|12-14",
        "12–14|12-14",
        "Nr. 5|5",
        "nr 5|5",
        "NR.5|5",
        "12a-|12a"})
    void houseNumberForms(String input, String expected) {
        assertThat(Addresses.houseNumber(input)).isEqualTo(expected);
    }

    @Test
    void emptyHouseNumberGivesNull() {
        assertThat(Addresses.houseNumber(null)).isNull();
        assertThat(Addresses.houseNumber("")).isNull();
        assertThat(Addresses.houseNumber(" - ")).isNull();
        assertThat(Addresses.houseNumber("Nr.")).isNull();
    }

    @Test
    void houseNumberDigits() {
        assertThat(Addresses.houseNumberDigits("12a")).isEqualTo("12");
        assertThat(Addresses.houseNumberDigits("12-14")).isEqualTo("12");
        assertThat(Addresses.houseNumberDigits("a12")).isNull();
        assertThat(Addresses.houseNumberDigits(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Am Markt 3|Am Markt|3",
        "Hauptstr. 12a|Hauptstr.|12a",
        "Hauptstr. 12 a|Hauptstr.|12 a",
        "Hauptstraße 12-14|Hauptstraße|12-14",
        "Hauptstraße 12 - 14|Hauptstraße|12 - 14",
        "Hauptstraße 12/14|Hauptstraße|12/14",
        "Hauptstraße, 7|Hauptstraße|7",
        "Hauptstraße nr. 7|Hauptstraße|7",
        "Straße des 17. Juni 112|Straße des 17. Juni|112",
        "12 Main Street|Main Street|12",
        "221b Baker Street|Baker Street|221b",
        "  Am Markt   3  |Am Markt|3"})
    void splitStreetAndNumber(String input, String street, String number) {
        assertThat(Addresses.splitStreetAndNumber(input)).containsExactly(street, number);
    }

    @Test
    void capitalisedNrBeforeTheNumberIsDropped() {
        assertThat(Addresses.splitStreetAndNumber("Hauptstraße Nr. 7")).containsExactly("Hauptstraße", "7");
        assertThat(Addresses.splitStreetAndNumber("Hauptstraße NR 7")).containsExactly("Hauptstraße", "7");
    }

    @Test
    void aValueWithoutNumberIsAllStreet() {
        assertThat(Addresses.splitStreetAndNumber("Hauptstraße")).containsExactly("Hauptstraße", null);
        assertThat(Addresses.splitStreetAndNumber(" Am Markt ")).containsExactly("Am Markt", null);
        // a number alone is not a street with a number
        assertThat(Addresses.splitStreetAndNumber("12")).containsExactly("12", null);
    }

    @Test
    void emptyValueGivesNoParts() {
        assertThat(Addresses.splitStreetAndNumber(null)).containsExactly(null, null);
        assertThat(Addresses.splitStreetAndNumber("  ")).containsExactly(null, null);
    }

    @Test
    void splitPartsNormaliseLikeSeparateColumns() {
        String[] parts = Addresses.splitStreetAndNumber("Goethe-Straße 12 A");
        assertThat(Addresses.street(parts[0])).isEqualTo(Addresses.street("Goethestr."));
        assertThat(Addresses.houseNumber(parts[1])).isEqualTo("12a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01067|01067",
        "1067|01067",
        " 1067 |01067",
        "D-01067|01067",
        "d-1067|01067",
        "80 331|80331",
        "80331|80331",
        "SW1A 1AA|sw1a1aa",
        "A-1010|a1010"})
    void postalCodes(String input, String expected) {
        assertThat(Addresses.postalCode(input)).isEqualTo(expected);
    }

    @Test
    void emptyPostalCodeGivesNull() {
        assertThat(Addresses.postalCode(null)).isNull();
        assertThat(Addresses.postalCode("")).isNull();
        assertThat(Addresses.postalCode("   ")).isNull();
    }
}
