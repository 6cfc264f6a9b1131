package de.grw.export;

import java.util.regex.Pattern;

/**
 * CSV cells that are safe to open in a spreadsheet. A cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return could be run as a formula by Excel or LibreOffice (CSV injection); as
 * OWASP recommends, such a cell gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * Plain numbers ({@code -12}, {@code +49}, {@code -3,5}) are no formulas and stay as they are, so negative amounts
 * and numbers in international form survive. Values are then quoted per RFC 4180 where needed.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    private CsvCells() {
    }

    /** The value with a leading apostrophe if a spreadsheet could take it for a formula. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        if (!risky || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** The value quoted if it contains the separator, a quote, a line break or leading or trailing blanks. */
    public static String quote(String value, char separator) {
        if (value == null) {
            return "";
        }
        boolean needs = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == separator || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A cell as written: neutralised, then quoted. */
    public static String cell(String value, char separator) {
        return quote(neutralise(value), separator);
    }
}
