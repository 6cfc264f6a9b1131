package de.grw.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Everything the command line prints goes through this filter, so that data (a family name, a comment, a file's
 * row quoted in an error message) cannot drive the terminal: control characters are dropped before they reach it.
 * Dropped are the C0 controls except tab and line feed (a carriage return only when it does not end a line, i.e. is
 * not followed by a line feed), DEL, the C1 controls (U+0080-U+009F, among them the 8-bit CSI), and the Unicode
 * direction controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which could make a line read other than
 * it is. An escape sequence such as {@code ESC [ 2 J} thus loses its ESC and shows as harmless text ({@code [2J}).
 * The command line itself prints none of these characters.
 */
final class TerminalWriter extends Writer {
    private final Writer out;
    private boolean pendingCr;

    TerminalWriter(Writer out) {
        super(out);
        this.out = out;
    }

    /** Whether the character is dropped (a carriage return is judged by its successor; see the class comment). */
    static boolean dropped(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n';
        }
        return c == 0x7F || c >= 0x80 && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** The text as the terminal gets it. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' || !dropped(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                char c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        out.write('\r');
                    }
                }
                if (c == '\r' || dropped(c)) {
                    out.write(buf, start, i - start);
                    start = i + 1;
                    pendingCr = c == '\r';
                }
            }
            out.write(buf, start, end - start);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
