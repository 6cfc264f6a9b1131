package de.grw.importing.read;

import java.io.IOException;
import java.io.Reader;

/** Reads physical lines (LF, CRLF or CR) of bounded length: a longer line is cut and flagged, never held whole. */
final class LineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private final StringBuilder line = new StringBuilder();
    private long nextLine = 1;
    private long lineNumber;
    private boolean truncated;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line break, or {@code null} at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        truncated = false;
        if (pos >= lim && !fill()) {
            return null;
        }
        lineNumber = nextLine++;
        while (true) {
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            append(start, pos);
            if (pos < lim) {
                char c = buf[pos++];
                if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                return line.toString();
            }
            if (!fill()) {
                return line.toString();
            }
        }
    }

    /** 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the line last returned was longer than the limit and has been cut. */
    boolean truncated() {
        return truncated;
    }

    private void append(int from, int to) {
        int room = maxChars - line.length();
        if (to - from > room) {
            truncated = true;
            to = from + Math.max(room, 0);
        }
        line.append(buf, from, to - from);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }
}
