package de.grw.normalising;

import java.util.regex.Pattern;

/** German street and house-number forms. */
public final class Addresses {
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern TRAILING_NUMBER = Pattern.compile(
            "^(.*?)[\\s,]+(?:(?i:nr)\\.?\\s*)?(\\d+\\s*[a-zA-Z]?(?:\\s*[-/]\\s*\\d+\\s*[a-zA-Z]?)?)\\s*$");
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^(\\d+\\s*[a-zA-Z]?(?:\\s*[-/]\\s*\\d+\\s*[a-zA-Z]?)?)[\\s,]+(\\D.*)$");

    private Addresses() {
    }

    /**
     * Street in comparable form: search form, street-type words unified ({@code Str.}, {@code str},
     * {@code Strasse}, {@code Straße} -> {@code str}), blanks removed ({@code "Goethe-Straße"} and
     * {@code "Goethestr."} both become {@code "goethestr"}).
     */
    public static String street(String street) {
        String form = GermanText.searchForm(street);
        if (form == null) {
            return null;
        }
        String[] tokens = de.grw.common.Words.splitAtBlanks(form);
        StringBuilder sb = new StringBuilder(form.length());
        for (String t : tokens) {
            sb.append(streetToken(t));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String streetToken(String t) {
        switch (t) {
            case "str": case "strasse": case "strase": case "strasze": case "strae": case "st":
                return "str";
            case "pl":
                return "platz";
            case "allee": case "al":
                return "allee";
            default:
                break;
        }
        if (t.endsWith("strasse")) {
            return t.substring(0, t.length() - 7) + "str";
        }
        if (t.endsWith("strase")) {
            return t.substring(0, t.length() - 6) + "str";
        }
        return t;
    }

    /**
     * House number in comparable form: {@code "12 a"} and {@code "12A"} become {@code "12a"}; {@code "12 - 14"}
     * becomes {@code "12-14"}; a leading {@code "Nr."} is dropped.
     */
    public static String houseNumber(String number) {
        if (number == null) {
            return null;
        }
        String s = number.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("nr.")) {
            s = s.substring(3);
        } else if (s.startsWith("nr ")) {
            s = s.substring(3);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                sb.append(c);
            } else if (c == '-' || c == '/' || c == '\u2013') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                    sb.append('-');
                }
            } else if (c >= 128) {
                String f = GermanText.foldNonAscii(c);
                if (f != null) {
                    sb.append(f);
                }
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The leading number of a house number ({@code "12a"} -> {@code "12"}), or {@code null}. */
    public static String houseNumberDigits(String normalised) {
        if (normalised == null) {
            return null;
        }
        int end = 0;
        while (end < normalised.length() && Character.isDigit(normalised.charAt(end))) {
            end++;
        }
        return end == 0 ? null : normalised.substring(0, end);
    }

    /**
     * Splits a combined street-and-number value ({@code "Hauptstr. 12a"}, {@code "12 Main Street"}).
     *
     * @return {@code [street, houseNumber]}; the number is {@code null} when the value has none
     */
    public static String[] splitStreetAndNumber(String value) {
        if (value == null || value.isBlank()) {
            return new String[] {null, null};
        }
        String v = value.trim();
        if (!containsDigit(v)) {
            return new String[] {v, null};
        }
        var m = TRAILING_NUMBER.matcher(v);
        if (m.matches() && !m.group(1).isBlank()) {
            return new String[] {m.group(1).trim(), BLANKS.matcher(m.group(2)).replaceAll(" ").trim()};
        }
        m = LEADING_NUMBER.matcher(v);
        if (m.matches()) {
            return new String[] {m.group(2).trim(), BLANKS.matcher(m.group(1)).replaceAll(" ").trim()};
        }
        return new String[] {v, null};
    }

    private static boolean containsDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Postal code: digits only, a four-digit German code padded with its lost leading zero; otherwise compact. */
    public static String postalCode(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.trim();
        if (trimmed.regionMatches(true, 0, "D-", 0, 2)) {
            trimmed = trimmed.substring(2);
        }
        StringBuilder digits = new StringBuilder(6);
        boolean other = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c)) {
                other = true;
            }
        }
        if (other) {
            return GermanText.compact(trimmed);
        }
        if (digits.length() == 4) {
            digits.insert(0, '0');
        }
        return digits.length() == 0 ? null : digits.toString();
    }
}
