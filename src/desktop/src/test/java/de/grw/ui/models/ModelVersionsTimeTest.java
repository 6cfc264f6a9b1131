package de.grw.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.ui.common.I18n;
import de.grw.ui.common.Times;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The model versions' "trained" and "activated" times: 24-hour clock in both languages, never "2:05 PM". */
class ModelVersionsTimeTest {
    private static final String AT = "2026-12-07T13:05:09Z";

    @Test
    void englishIsIsoLikeOnTheTwentyFourHourClock() {
        String shown = ModelVersionsDialog.when(AT, new I18n(Locale.ENGLISH));
        String expected = Times.minutes(Locale.ENGLISH, ZoneId.systemDefault()).format(java.time.Instant.parse(AT));
        assertThat(shown).isEqualTo(expected).doesNotContain("PM").doesNotContain("AM")
                .matches("2026-12-0[67] \\d\\d:\\d\\d");
    }

    @Test
    void germanAndEnglishInBerlin() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(Times.minutes(Locale.GERMAN, berlin, AT)).isEqualTo("07.12.2026 14:05");
        assertThat(Times.minutes(Locale.ENGLISH, berlin, AT)).isEqualTo("2026-12-07 14:05");
        assertThat(Times.minutes(Locale.ENGLISH, berlin, "not a time")).isEqualTo("not a time");
    }

    @Test
    void noTimeIsADash() {
        assertThat(ModelVersionsDialog.when(null, new I18n(Locale.ENGLISH))).isEqualTo("–");
    }
}
