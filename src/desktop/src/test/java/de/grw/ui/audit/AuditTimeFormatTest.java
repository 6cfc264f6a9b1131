package de.grw.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The journal's and the access log's time column: 24-hour clock in both languages, never "2:05:09 PM". */
class AuditTimeFormatTest {
    private static final String AT = "2026-12-06T13:05:09.123Z";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void englishIsIsoLikeOnTheTwentyFourHourClock() {
        String shown = AuditScreen.localTime(AuditScreen.timeFormat(Locale.ENGLISH, BERLIN), AT);
        assertThat(shown).isEqualTo("2026-12-06 14:05:09").doesNotContain("PM").doesNotContain("AM");
    }

    @Test
    void germanIsDayMonthYearOnTheTwentyFourHourClock() {
        assertThat(AuditScreen.localTime(AuditScreen.timeFormat(Locale.GERMAN, BERLIN), AT))
                .isEqualTo("06.12.2026 14:05:09");
    }

    @Test
    void aTimeThatIsNoneIsShownAsStored() {
        assertThat(AuditScreen.localTime(AuditScreen.timeFormat(Locale.ENGLISH, BERLIN), "2026-12-06T14:05"))
                .isEqualTo("2026-12-06 14:05");
    }
}
