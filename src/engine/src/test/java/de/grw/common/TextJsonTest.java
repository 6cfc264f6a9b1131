package de.grw.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextJsonTest {
    @Test
    void aNestedTextSurvivesTheRoundTrip() {
        Text t = Text.of("import.value_problem", "birth_date",
                Text.of("date.kept_as", Text.of("date.impossible", "31.02.2001", 2, 31), "2001-00-00"));
        Text back = TextJson.read(TextJson.write(t));
        assertThat(back).isEqualTo(t);
        assertThat(back.in(Locale.GERMAN))
                .isEqualTo("„31.02.2001“: unmögliches Datum (Monat 2 hat keinen Tag 31); übernommen als 2001-00-00 "
                        + "(00 = unbekannt)");
        assertThat(back.english()).isEqualTo("birth_date: '31.02.2001': impossible date (month 2 has no day 31); kept "
                + "as 2001-00-00 (00 = unknown)");
    }

    @Test
    void anythingElseReadsAsNothing() {
        assertThat(TextJson.read(null)).isNull();
        assertThat(TextJson.read("")).isNull();
        assertThat(TextJson.read("row rejected: 9 fields")).isNull();
        assertThat(TextJson.read("{\"key\": 3}")).isNull();
    }
}
