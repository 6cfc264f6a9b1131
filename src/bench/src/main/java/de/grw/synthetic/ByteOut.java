package de.grw.synthetic;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** A minimal unsynchronised buffered byte writer; faster than a Writer chain for already encoded rows. */
final class ByteOut implements Closeable {
    private final OutputStream out;
    private final byte[] buffer;
    private int used;

    ByteOut(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - used) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    /** Writes characters below 128 as single bytes; callers pass ASCII only (ids, digits, delimiters). */
    void writeAscii(CharSequence s) throws IOException {
        int n = s.length();
        if (n > buffer.length - used) {
            flushBuffer();
        }
        for (int i = 0; i < n; i++) {
            if (used == buffer.length) {
                flushBuffer();
            }
            buffer[used++] = (byte) s.charAt(i);
        }
    }

    void writeAscii(char c) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = (byte) c;
    }

    /** Writes {@code prefix} and {@code number} zero-padded to at least {@code width} digits (P0000042). */
    void writePadded(char prefix, long number, int width) throws IOException {
        if (buffer.length - used < 21 + width) {
            flushBuffer();
        }
        buffer[used++] = (byte) prefix;
        int digits = 1;
        for (long v = number / 10; v > 0; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            buffer[used++] = '0';
        }
        long v = number;
        for (int i = used + digits - 1; i >= used; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        used += digits;
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
