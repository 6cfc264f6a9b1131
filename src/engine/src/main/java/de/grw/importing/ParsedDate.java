package de.grw.importing;

/**
 * The outcome of reading a date cell.
 *
 * @param iso     the date as {@code yyyy-MM-dd} ({@code 00} for an unknown day or month), or {@code null}; for an
 *                invalid date the parts that can be trusted, the others as {@code 00}
 * @param reason  why the cell is not a valid date, or {@code null}
 */
public record ParsedDate(String iso, de.grw.common.Text reason) {
    static final ParsedDate EMPTY = new ParsedDate(null, null);

    static ParsedDate valid(int year, int month, int day) {
        return new ParsedDate(iso(year, month, day), null);
    }

    static ParsedDate partial(int year, int month, int day, de.grw.common.Text problem) {
        String iso = iso(year, month, day);
        return new ParsedDate(iso, de.grw.common.Text.of("date.kept_as", problem, iso));
    }

    static ParsedDate invalid(de.grw.common.Text problem) {
        return new ParsedDate(null, problem);
    }

    /** Why the cell is not a valid date, in English, or {@code null}. */
    public String problem() {
        return reason == null ? null : reason.english();
    }

    /** A complete or deliberately incomplete date without problems. */
    public boolean isValid() {
        return iso != null && reason == null;
    }

    public boolean isEmpty() {
        return iso == null && reason == null;
    }

    /** {@code yyyy-MM-dd} with zero padding, without {@link String#format} (this runs for every date cell). */
    static String iso(int year, int month, int day) {
        char[] c = new char[10];
        c[0] = (char) ('0' + year / 1000 % 10);
        c[1] = (char) ('0' + year / 100 % 10);
        c[2] = (char) ('0' + year / 10 % 10);
        c[3] = (char) ('0' + year % 10);
        c[4] = '-';
        c[5] = (char) ('0' + month / 10 % 10);
        c[6] = (char) ('0' + month % 10);
        c[7] = '-';
        c[8] = (char) ('0' + day / 10 % 10);
        c[9] = (char) ('0' + day % 10);
        return new String(c);
    }
}
