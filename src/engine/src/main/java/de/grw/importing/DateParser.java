package de.grw.importing;

import de.grw.common.Text;
import de.grw.profile.YearRange;
import java.time.Year;

/**
 * Reads dates as German offices write them: ISO {@code yyyy-MM-dd}, {@code dd.MM.yyyy}, {@code d.M.yyyy},
 * {@code dd.MM.yy}, {@code yyyyMMdd}, {@code dd/MM/yyyy} (German order), {@code yyyy/MM/dd}, with an optional time
 * part. A day or month of {@code 00} marks an unknown part (as German registers record incomplete birth dates) and
 * is kept. An impossible date such as {@code 31.02.2001} is reported as invalid and never guessed: the parts that
 * cannot be trusted become unknown ({@code 00}), so {@code 31.02.2001} is kept only as "some day in 2001"
 * ({@code 2001-00-00}) and {@code 13.19.1950} as {@code 1950-00-13}. A year outside the profile's plausible years
 * ({@link YearRange}; any year from 1 to the present is possible) is reported and kept as unknown: {@code 12.03.1750}
 * becomes {@code 0000-03-12} for living persons and stays {@code 1750-03-12} in a historical register.
 */
public final class DateParser {
    private DateParser() {
    }

    /** Parses with the plausible years of living persons ({@link YearRange#LIVING}). */
    public static ParsedDate parse(String cell) {
        return parse(cell, YearRange.LIVING);
    }

    public static ParsedDate parse(String cell, YearRange years) {
        if (cell == null) {
            return ParsedDate.EMPTY;
        }
        String s = cell.trim();
        if (s.isEmpty()) {
            return ParsedDate.EMPTY;
        }
        int cut = s.indexOf('T');
        if (cut == 10) {
            s = s.substring(0, 10);
        } else if (s.length() > 10 && s.charAt(10) == ' ' && s.indexOf(':') > 10) {
            s = s.substring(0, 10);
        }
        String[] parts = splitOnSeparators(s);
        try {
            if (parts.length == 3) {
                return fromParts(s, parts, years);
            }
            if (parts.length == 1 && s.length() == 8 && allDigits(s)) {
                return fromEightDigits(s, years);
            }
        } catch (NumberFormatException e) {
            return ParsedDate.invalid(Text.of("date.not_a_date", cell));
        }
        return ParsedDate.invalid(Text.of("date.unknown_format", cell));
    }

    /** Splits at '.', '-' and '/' (like {@code split("[.\\-/]", -1)}, without a regular expression). */
    private static String[] splitOnSeparators(String s) {
        int count = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-' || c == '/') {
                count++;
            }
        }
        String[] parts = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-' || c == '/') {
                parts[k++] = s.substring(start, i);
                start = i + 1;
            }
        }
        parts[k] = s.substring(start);
        return parts;
    }

    private static ParsedDate fromParts(String s, String[] parts, YearRange years) {
        for (String p : parts) {
            if (p.isEmpty() || !allDigits(p)) {
                throw new NumberFormatException(s);
            }
        }
        if (parts[0].length() == 4) {
            return check(s, number(parts[0]), number(parts[1]), number(parts[2]), years);
        }
        if (parts[2].length() == 4 || parts[2].length() == 2) {
            int year = number(parts[2]);
            if (parts[2].length() == 2) {
                year = expandTwoDigitYear(year);
            }
            if (parts[0].length() > 2 || parts[1].length() > 2) {
                throw new NumberFormatException(s);
            }
            return check(s, year, number(parts[1]), number(parts[0]), years);
        }
        throw new NumberFormatException(s);
    }

    private static ParsedDate fromEightDigits(String s, YearRange years) {
        int head = number(s.substring(0, 4));
        // as yyyyMMdd a day-first value with a day from 18 to 21 would have a month above 12
        if (years.contains(head) && number(s.substring(4, 6)) <= 12) {
            return check(s, head, number(s.substring(4, 6)), number(s.substring(6, 8)), years);
        }
        int tail = number(s.substring(4, 8));
        if (years.contains(tail)) { // ddMMyyyy
            return check(s, tail, number(s.substring(2, 4)), number(s.substring(0, 2)), years);
        }
        return check(s, head, number(s.substring(4, 6)), number(s.substring(6, 8)), years);
    }

    /** Combines separate year, month and day cells, with the plausible years of living persons. */
    public static ParsedDate fromSeparateParts(String year, String month, String day) {
        return fromSeparateParts(year, month, day, YearRange.LIVING);
    }

    /** Combines separate year, month and day cells; missing day or month become {@code 00}. */
    public static ParsedDate fromSeparateParts(String year, String month, String day, YearRange years) {
        boolean noYear = year == null || year.isBlank();
        boolean noMonth = month == null || month.isBlank();
        boolean noDay = day == null || day.isBlank();
        if (noYear && noMonth && noDay) {
            return ParsedDate.EMPTY;
        }
        String shown = (noDay ? "?" : day.trim()) + "." + (noMonth ? "?" : month.trim()) + "."
                + (noYear ? "?" : year.trim());
        if (noYear) {
            return ParsedDate.invalid(Text.of("date.no_year", shown));
        }
        try {
            int y = Integer.parseInt(stripDecimal(year));
            int m = noMonth ? 0 : Integer.parseInt(stripDecimal(month));
            int d = noDay ? 0 : Integer.parseInt(stripDecimal(day));
            return check(shown, y, m, d, years);
        } catch (NumberFormatException e) {
            return ParsedDate.invalid(Text.of("date.not_numbers", shown));
        }
    }

    private static String stripDecimal(String v) {
        String t = v.trim();
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }

    private static ParsedDate check(String shown, int year, int month, int day, YearRange years) {
        // the common case first; what is wrong with a date is found, and its message built, in a method of its own
        // that the JIT does not compile into every caller
        if (years.contains(year) && month >= 0 && month <= 12 && day >= 0
                && (month == 0 ? day == 0 : day <= lengthOfMonth(year, month))) {
            return ParsedDate.valid(year, month, day);
        }
        return checkFaulty(shown, year, month, day, years);
    }

    /** {@link #check} for a date that is not a valid one: what is kept of it, and why. */
    private static ParsedDate checkFaulty(String shown, int year, int month, int day, YearRange years) {
        if (!years.contains(year)) {
            Text problem = Text.of("date.year_range", shown, year, years.from(), years.last());
            boolean partsValid = month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(2000, month);
            return partsValid ? ParsedDate.partial(0, month, day, problem) : ParsedDate.invalid(problem);
        }
        if (month < 0 || month > 12) {
            boolean dayPossible = day >= 0 && day <= 31;
            return ParsedDate.partial(year, 0, dayPossible ? day : 0,
                    Text.of("date.no_month", shown, month));
        }
        if (day < 0 || day > 31) {
            return ParsedDate.partial(year, month, 0, Text.of("date.no_day", shown, day));
        }
        if (month == 0 && day != 0) {
            return ParsedDate.partial(year, 0, day, Text.of("date.day_without_month", shown));
        }
        if (month > 0 && day > lengthOfMonth(year, month)) {
            // either the day or the month is wrong: only the year is kept
            return ParsedDate.partial(year, 0, 0, Text.of("date.impossible", shown, month, day));
        }
        return ParsedDate.valid(year, month, day);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return Year.isLeap(year) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static int expandTwoDigitYear(int yy) {
        int current = Year.now().getValue() % 100;
        return yy <= current ? 2000 + yy : 1900 + yy;
    }

    /**
     * The number a text of digits {@code 0-9} ({@link #allDigits}) writes; as {@link Integer#parseInt}, which it
     * leaves the texts to that could overflow (more than nine digits, thrown out as not a number). By hand because
     * the date parsing is compiled into the import's row assembly, and each of its six {@code parseInt} calls brought
     * that method's general sign, radix and overflow code with it.
     */
    private static int number(String digits) {
        int n = digits.length();
        if (n > 9) {
            return Integer.parseInt(digits);
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
