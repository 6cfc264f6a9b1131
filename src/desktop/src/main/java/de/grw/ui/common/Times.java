package de.grw.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times to the minute as every table of the desktop shows them: on the 24-hour clock in both languages (German
 * {@code 07.12.2026 14:05}, other languages ISO-like {@code 2026-12-07 14:05}). The JDK's localised English style
 * says "2:05 PM", which reads and sorts badly beside the journal's times.
 */
public final class Times {
    private Times() {
    }

    /** The date-and-minute format of a language. */
    public static DateTimeFormatter minutes(Locale locale, ZoneId zone) {
        String pattern = "de".equals(locale.getLanguage()) ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }

    /** A stored UTC instant ({@code 2026-12-07T13:05:09Z}) in that format; the stored text when it is none. */
    public static String minutes(Locale locale, ZoneId zone, String iso) {
        try {
            return minutes(locale, zone).format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
