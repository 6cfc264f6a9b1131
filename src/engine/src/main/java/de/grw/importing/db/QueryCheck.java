package de.grw.importing.db;

import de.grw.common.UserFacingException;
import java.util.Locale;

/**
 * Checks that a user's query is one reading statement: it must begin with {@code SELECT}, {@code WITH},
 * {@code VALUES} or {@code TABLE} (after comments and opening parentheses) and hold no second statement after a
 * {@code ;}. Quoted strings, quoted identifiers, PostgreSQL dollar quotes and comments are skipped, so a {@code ;}
 * inside them is harmless. This is the first guard; the second is that queries run on a read-only connection in a
 * read-only transaction, so that even a data-modifying {@code WITH} is refused by the database.
 */
public final class QueryCheck {
    private QueryCheck() {
    }

    /**
     * @return the query without a trailing {@code ;}
     * @throws UserFacingException naming the problem
     */
    public static String singleSelect(String query, Databases.Kind kind) {
        boolean nested = kind == Databases.Kind.POSTGRESQL;
        if (query == null || query.isBlank()) {
            throw new UserFacingException(de.grw.common.Text.of("db.query_empty"));
        }
        String q = query.strip();
        int start = skipSpaceAndComments(q, 0, nested);
        while (start < q.length() && q.charAt(start) == '(') {
            start = skipSpaceAndComments(q, start + 1, nested);
        }
        int wordEnd = start;
        while (wordEnd < q.length() && Character.isLetter(q.charAt(wordEnd))) {
            wordEnd++;
        }
        String first = q.substring(start, wordEnd).toUpperCase(Locale.ROOT);
        if (!(first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES") || first.equals("TABLE"))) {
            throw new UserFacingException(de.grw.common.Text.of("db.query_not_select",
                    first.isEmpty() ? "'" + shorten(q.substring(start)) + "'" : first));
        }
        int end = statementEnd(q, start, nested);
        if (end < q.length()) {
            int rest = skipSpaceAndComments(q, end + 1, nested);
            if (rest < q.length()) {
                throw new UserFacingException(de.grw.common.Text.of("db.query_two", end + 1));
            }
            return q.substring(0, end).strip();
        }
        return q;
    }

    /** Index of the first {@code ;} outside strings, identifiers and comments, or the length of the text. */
    private static int statementEnd(String q, int from, boolean nested) {
        int i = from;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == ';') {
                return i;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = closing(q, i, c, nested);
            } else if (c == '[') {
                int close = q.indexOf(']', i + 1);
                i = close < 0 ? q.length() : close + 1;
            } else if (c == '-' && i + 1 < q.length() && q.charAt(i + 1) == '-') {
                i = lineEnd(q, i);
            } else if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '*') {
                i = blockCommentEnd(q, i, nested);
            } else if (nested && c == '$' && dollarTag(q, i) != null) {
                String tag = dollarTag(q, i);
                int close = q.indexOf(tag, i + tag.length());
                i = close < 0 ? q.length() : close + tag.length();
            } else {
                i++;
            }
        }
        return q.length();
    }

    /** After a quoted part opened at {@code open}; a doubled quote stays inside ({@code 'it''s'}). */
    private static int closing(String q, int open, char quote, boolean postgres) {
        int i = open + 1;
        boolean backslashEscapes = postgres && quote == '\'' && open > 0
                && (q.charAt(open - 1) == 'E' || q.charAt(open - 1) == 'e');
        while (i < q.length()) {
            char c = q.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < q.length() && q.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return q.length();
    }

    /** A PostgreSQL dollar-quote opening at {@code i} ({@code $$} or {@code $tag$}), or {@code null}. */
    private static String dollarTag(String q, int i) {
        if (i > 0 && (Character.isLetterOrDigit(q.charAt(i - 1)) || q.charAt(i - 1) == '_')) {
            return null; // part of an identifier
        }
        int j = i + 1;
        while (j < q.length() && (Character.isLetter(q.charAt(j)) || q.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(q.charAt(j))))) {
            j++;
        }
        return j < q.length() && q.charAt(j) == '$' ? q.substring(i, j + 1) : null;
    }

    private static int skipSpaceAndComments(String q, int from, boolean nested) {
        int i = from;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < q.length() && q.charAt(i + 1) == '-') {
                i = lineEnd(q, i);
            } else if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '*') {
                i = blockCommentEnd(q, i, nested);
            } else {
                break;
            }
        }
        return i;
    }

    private static int lineEnd(String q, int i) {
        int nl = q.indexOf('\n', i);
        return nl < 0 ? q.length() : nl + 1;
    }

    /** After a block comment opened at {@code i}; nested comments count where the database nests them. */
    private static int blockCommentEnd(String q, int i, boolean nested) {
        if (!nested) {
            int close = q.indexOf("*/", i + 2);
            return close < 0 ? q.length() : close + 2;
        }
        int depth = 0;
        int j = i;
        while (j < q.length()) {
            if (q.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (q.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return q.length();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
