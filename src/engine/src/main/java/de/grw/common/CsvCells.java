package de.grw.common;

import java.util.regex.Pattern;

/**
 * The cells of every CSV file the product writes (match clusters and pairs, reject files, exports): quoted per
 * RFC 4180 and, unless a machine pipeline asks for raw values, neutralised against formula injection.
 *
 * <p><b>Neutralising</b> (OWASP, "CSV Injection"). A cell whose first character is {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (or one of the full-width forms {@code ＝ ＋ － ＠}) could be run as a formula
 * by Excel or LibreOffice; it gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 * <ul>
 * <li>Plain numbers ({@code -12}, {@code +4930123456}, {@code -3,5}, {@code -3.125}) are no formulas and stay as they
 * are, so negative amounts, the negative weights of the pairs file and telephone numbers in international form
 * survive; {@code -1e5}, {@code +49 30 1234} or {@code -Infinity} are not plain numbers and get the apostrophe.</li>
 * <li>A cell that already begins with apostrophes followed by such a character ({@code '=1}) gets one more, so that
 * the rule can be undone exactly: a program reading the file removes <em>one</em> leading apostrophe from every cell
 * that begins with one or more apostrophes followed by {@code = + - @}, tab, carriage return or a full-width form.
 * Every other cell is written as it is.</li>
 * </ul>
 * A raw cell ({@code neutralise == false}) is only quoted: for pipelines that read exact values and never open the
 * file in a spreadsheet.
 *
 * <p><b>Quoting</b>: a cell is enclosed in double quotes (inner quotes doubled) when it contains the separator, a
 * quote or a line break, or begins or ends with white space; {@code null} is written as an empty cell.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

    private CsvCells() {
    }

    /** Whether a spreadsheet could take a cell beginning with this character for a formula. */
    static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }

    /** Whether {@link #neutralise} changes the value. */
    public static boolean needsNeutralising(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i == value.length() || !formulaStart(value.charAt(i))) {
            return false;
        }
        return i > 0 || !PLAIN_NUMBER.matcher(value).matches();
    }

    /** The value with a leading apostrophe if a spreadsheet could take it for a formula (see the class comment). */
    public static String neutralise(String value) {
        return needsNeutralising(value) ? "'" + value : value;
    }

    /** Undoes {@link #neutralise}: removes one leading apostrophe where it added one. */
    public static String unneutralise(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != '\'') {
            return value;
        }
        String rest = value.substring(1);
        return needsNeutralising(rest) ? rest : value;
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

    /** A cell as written by default: neutralised, then quoted. */
    public static String cell(String value, char separator) {
        return cell(value, separator, true);
    }

    /** A cell as written: neutralised (unless raw values are wanted), then quoted. */
    public static String cell(String value, char separator, boolean neutralise) {
        return quote(neutralise ? neutralise(value) : value, separator);
    }
}
