package de.grw.importing.read;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming CSV state machine (RFC 4180 quoting with {@code ""} escapes) that keeps physical line numbers right and
 * recovers from broken quotes.
 *
 * <p>Cells are trimmed; blanks before an opening quote and after a closing one are ignored, so {@code a, "b, c"} is
 * two fields. Other text after a closing quote ({@code "Schmidt"xyz}) is kept in the field but reported through
 * {@link #textAfterQuote()}, so that the reader rejects the row instead of joining the two parts silently. A quote
 * inside an unquoted field is an ordinary character. Line ends are LF, CRLF or CR.
 *
 * <p>A NUL character, or the mark {@link TextInput#UNDECODABLE} that stands for bytes the encoding could not decode,
 * is reported through {@link #badCharacterField()}.
 *
 * <p><b>Broken quotes.</b> A quoted field that spans line breaks is suspicious. Its text after the first line break
 * is recorded (bounded) while the record is read. The record is judged broken, and reading resumes at the physical
 * line after the one where the quote opened, when the quote has not closed after {@code quoteLineLimit} line breaks
 * or {@code quoteCharLimit} recorded characters, or at the end of the file, or when its closing quote is followed by
 * something other than a delimiter or a line end, or when the record's field count does not fit the header (see
 * {@link #expectFields}). So an unbalanced quote costs exactly one rejected row and never swallows the rows after it.
 *
 * <p>A field longer than {@code maxFieldChars} is not stored beyond the limit; the record reports it through
 * {@link #tooLongField()} and reading goes on.
 */
final class CsvParser {
    static final int QUOTE_LINE_LIMIT = 100;
    static final int QUOTE_CHAR_LIMIT = 1 << 20;
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delim;
    private final int maxFieldChars;
    private final int quoteLineLimit;
    private final int quoteCharLimit;
    private int expected;

    private char[] buf = new char[BUFFER];
    private int pos;
    private int lim;
    private long line = 1;

    private String[] fields = new String[16];
    private int count;
    private long startLine;
    private de.grw.common.Text problem;
    private int tooLongField;
    private int textAfterQuote;
    private int badCharField;
    private char badChar;
    private boolean quotedAny;
    /** The field being read: {@code fieldLength} characters of {@code fieldChars} (at most {@code maxFieldChars}). */
    private char[] fieldChars = new char[64];
    private int fieldLength;

    /**
     * The record's text, kept only as far as a buffer refill would lose it: the rest stays in the buffer from
     * {@code rawStart} to {@code rawEnd} (-1 while the record is read) and is copied only when {@link #rawText} asks
     * for it (a rejected row, the header), not for every record.
     */
    private final StringBuilder raw = new StringBuilder();
    private int rawStart = -1;
    private int rawEnd = -1;

    /** Text after the first line break inside a quoted field of the current record, for a resync. */
    private StringBuilder replay;
    private int replayStart = -1;
    private long replayQuoteLine;
    private boolean replayOverflow;

    CsvParser(Reader in, char delim, int maxFieldChars) {
        this(in, delim, maxFieldChars, QUOTE_LINE_LIMIT, QUOTE_CHAR_LIMIT);
    }

    CsvParser(Reader in, char delim, int maxFieldChars, int quoteLineLimit, int quoteCharLimit) {
        this.in = in;
        this.delim = delim;
        this.maxFieldChars = maxFieldChars;
        this.quoteLineLimit = quoteLineLimit;
        this.quoteCharLimit = quoteCharLimit;
    }

    /** From now on a record with a multi-line quoted field must have this many fields (or only empty extra ones). */
    void expectFields(int n) {
        expected = n;
    }

    /** Reads the next record, skipping blank lines. @return {@code false} at the end of the input */
    boolean next() throws IOException {
        while (parseRecord()) {
            boolean blank = count == 1 && !quotedAny && fields[0].isEmpty() && problem == null && tooLongField == 0
                    && badCharField == 0;
            if (!blank) {
                return true;
            }
        }
        return false;
    }

    int fieldCount() {
        return count;
    }

    /** The first {@code n} fields ({@code n <= fieldCount()}). */
    String[] fields(int n) {
        return Arrays.copyOf(fields, n);
    }

    /** Whether all fields from index {@code from} on are empty. */
    boolean emptyFrom(int from) {
        for (int i = from; i < count; i++) {
            if (!fields[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Physical line where the current record starts. */
    long startLine() {
        return startLine;
    }

    /** Why the current record is broken, or {@code null}. */
    de.grw.common.Text problem() {
        return problem;
    }

    /** 1-based number of the first field longer than the limit, or 0. */
    int tooLongField() {
        return tooLongField;
    }

    /** 1-based number of the first field with text after its closing quote, or 0. */
    int textAfterQuote() {
        return textAfterQuote;
    }

    /** 1-based number of the first field holding a NUL or an undecodable byte (see {@link #badCharacter()}), or 0. */
    int badCharacterField() {
        return badCharField;
    }

    /** The bad character of {@link #badCharacterField()}: {@code '\0'} or {@link TextInput#UNDECODABLE}. */
    char badCharacter() {
        return badChar;
    }

    /** The record's text, at most {@link Messages#RAW_TEXT_LIMIT} characters, without the final line break. */
    String rawText() {
        materializeRaw();
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    private boolean parseRecord() throws IOException {
        if (peek() < 0) {
            return false;
        }
        count = 0;
        problem = null;
        tooLongField = 0;
        textAfterQuote = 0;
        badCharField = 0;
        quotedAny = false;
        raw.setLength(0);
        rawStart = pos;
        rawEnd = -1;
        startLine = line;
        int c = read();
        while (true) {
            fieldLength = 0;
            while (isBlank(c)) {
                c = read();
            }
            if (c == '"') {
                quotedAny = true;
                c = readQuoted();
                if (problem != null) {
                    return true;
                }
            }
            while (c >= 0 && c != delim && c != '\n' && c != '\r') {
                append(c);
                appendPlainRun();
                c = read();
            }
            addField();
            if (c == delim) {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c >= 0) {
                line++;
            }
            endRaw();
            if (replay != null) {
                if (!replayOverflow && expected > 0 && !fits()) {
                    broken(replayQuoteLine);
                    return true;
                }
                dropReplay();
            }
            return true;
        }
    }

    /** Reads a quoted field after its opening quote. @return the character after the closing quote */
    private int readQuoted() throws IOException {
        long quoteLine = line;
        int breaks = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                return broken(quoteLine);
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    append('"');
                    continue;
                }
                c = read();
                if (breaks == 0) {
                    while (isBlank(c)) {
                        c = read();
                    }
                    if (c >= 0 && c != delim && c != '\n' && c != '\r' && textAfterQuote == 0) {
                        textAfterQuote = count + 1;
                    }
                    return c;
                }
                while (isBlank(c)) {
                    c = read();
                }
                return c < 0 || c == delim || c == '\n' || c == '\r' ? c : broken(quoteLine);
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    append('\r');
                    c = read();
                }
                line++;
                if (++breaks == 1 && replay == null) {
                    replay = new StringBuilder();
                    replayStart = pos;
                    replayQuoteLine = quoteLine;
                    replayOverflow = false;
                }
                if (breaks >= quoteLineLimit) {
                    return broken(quoteLine);
                }
            }
            append(c);
            if (replayOverflow) {
                return broken(quoteLine);
            }
        }
    }

    /**
     * Rejects the current record for an unbalanced quote and rewinds to the physical line after the quote's line.
     * @return -1 (the record is finished)
     */
    private int broken(long quoteLine) {
        long firstQuoteLine = replay != null ? replayQuoteLine : quoteLine;
        problem = de.grw.common.Text.of("import.unbalanced_quote", firstQuoteLine);
        endRaw();
        materializeRaw(); // the buffer is replaced below
        if (replay != null) {
            replay.append(buf, replayStart, pos - replayStart);
            int rest = lim - pos;
            char[] text = new char[replay.length() + rest];
            replay.getChars(0, replay.length(), text, 0);
            System.arraycopy(buf, pos, text, replay.length(), rest);
            buf = text;
            pos = 0;
            lim = text.length;
            line = firstQuoteLine + 1;
        }
        dropReplay();
        return -1;
    }

    private boolean fits() {
        return count == expected || count > expected && emptyFrom(expected);
    }

    private void dropReplay() {
        replay = null;
        replayStart = -1;
        replayOverflow = false;
    }

    private boolean isBlank(int c) {
        return c == ' ' && delim != ' ' || c == '\t' && delim != '\t';
    }

    private void append(int c) {
        if ((c == 0 || c == TextInput.UNDECODABLE) && badCharField == 0) {
            badCharField = count + 1;
            badChar = (char) c;
        }
        if (fieldLength < maxFieldChars) {
            if (fieldLength == fieldChars.length) {
                fieldChars = Arrays.copyOf(fieldChars, Math.min(maxFieldChars, fieldLength * 2));
            }
            fieldChars[fieldLength++] = (char) c;
        } else if (tooLongField == 0) {
            tooLongField = count + 1;
        }
    }

    /**
     * Copies the ordinary characters that follow in the buffer into the field at once, up to the next delimiter, line
     * break, NUL or undecodable mark (or the buffer's end, or the field's limit), which the character loop then reads
     * as before: the same result as {@link #append} character by character, without a call per character.
     */
    private void appendPlainRun() {
        int p = pos;
        int room = maxFieldChars - fieldLength;
        int end = room >= lim - p ? lim : p + room;
        char[] b = buf;
        char d = delim;
        while (p < end) {
            char ch = b[p];
            if (ch == d || ch == '\n' || ch == '\r' || ch == 0 || ch == TextInput.UNDECODABLE) {
                break;
            }
            p++;
        }
        int n = p - pos;
        if (n > 0) {
            if (fieldLength + n > fieldChars.length) {
                fieldChars = Arrays.copyOf(fieldChars, Math.min(maxFieldChars,
                        Math.max(fieldLength + n, fieldChars.length * 2)));
            }
            System.arraycopy(b, pos, fieldChars, fieldLength, n);
            fieldLength += n;
            pos = p;
        }
    }

    private void addField() {
        int start = 0;
        int end = fieldLength;
        char[] f = fieldChars;
        while (start < end && f[start] <= ' ') {
            start++;
        }
        while (end > start && f[end - 1] <= ' ') {
            end--;
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        // a new String per cell: sharing repeated texts per column from the characters (a hash table per column, tried
        // on this branch) cut the import's allocation by 40 % but cost more CPU than the garbage it saved
        fields[count++] = start == end ? "" : new String(f, start, end - start);
    }

    /** The record's text ends here (lazily: see {@link #raw}). */
    private void endRaw() {
        if (rawStart >= 0 && rawEnd < 0) {
            rawEnd = pos;
        }
    }

    /** Copies what the buffer still holds of the ended record's text into {@link #raw}. */
    private void materializeRaw() {
        if (rawStart >= 0 && rawEnd >= 0) {
            appendRaw(rawStart, rawEnd);
            rawStart = -1;
            rawEnd = -1;
        }
    }

    private void appendRaw(int from, int to) {
        int room = Messages.RAW_TEXT_LIMIT - raw.length();
        if (room > 0 && to > from) {
            raw.append(buf, from, Math.min(room, to - from));
        }
    }

    private int read() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    /** Refills the buffer; first moves the captured parts of the old contents into the raw and replay texts. */
    private boolean fill() throws IOException {
        if (rawStart >= 0) {
            if (rawEnd < 0) {
                appendRaw(rawStart, lim);
                rawStart = 0;
            } else {
                materializeRaw(); // an ended record's text (peeking at the next record refills)
            }
        }
        if (replayStart >= 0) {
            replay.append(buf, replayStart, lim - replayStart);
            replayStart = 0;
            if (replay.length() > quoteCharLimit) {
                replayOverflow = true;
            }
        }
        if (buf.length < BUFFER) {
            buf = new char[BUFFER];
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }
}
