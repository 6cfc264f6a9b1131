package de.grw.importing.read;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file opened for streaming: byte-order mark skipped, strict decoding (bad bytes raise a
 * {@link java.nio.charset.CharacterCodingException} instead of turning into U+FFFD), bytes counted for progress.
 */
final class TextInput implements Closeable {
    /**
     * Stands for bytes that cannot be decoded, in a file read leniently (a UTF-8 file with a few lines in another
     * encoding): a Unicode noncharacter, which text for interchange never holds, so the readers reject the rows
     * holding it.
     */
    static final char UNDECODABLE = '\uFDD0';

    private final Counting bytes;
    private final Reader reader;

    private TextInput(Counting bytes, Reader reader) {
        this.bytes = bytes;
        this.reader = reader;
    }

    /** Opens the text; strictly, unless the encoding is to be read leniently ({@link #UNDECODABLE}). */
    static TextInput open(Path file, EncodingDetector.TextEncoding encoding) throws IOException {
        return open(file, encoding, encoding.lenient() ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT);
    }

    private static TextInput open(Path file, EncodingDetector.TextEncoding encoding, CodingErrorAction onError)
            throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            raw.skipNBytes(encoding.bomLength());
            Counting counting = new Counting(raw, encoding.bomLength());
            CharsetDecoder decoder = encoding.charset().newDecoder()
                    .onMalformedInput(onError)
                    .onUnmappableCharacter(onError);
            if (encoding.lenient()) {
                decoder.replaceWith(String.valueOf(UNDECODABLE));
            }
            return new TextInput(counting, new InputStreamReader(counting, decoder));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The first {@code maxChars} characters of the text (fewer at the end of the file), for sniffing: undecodable bytes
     * become U+FFFD here; the actual read reports them.
     */
    static String head(Path file, EncodingDetector.TextEncoding encoding, int maxChars) throws IOException {
        try (TextInput in = open(file, encoding, CodingErrorAction.REPLACE)) {
            char[] buf = new char[maxChars];
            int n = 0;
            while (n < maxChars) {
                int r = in.reader.read(buf, n, maxChars - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return new String(buf, 0, n);
        }
    }

    /**
     * The 1-based line holding the first byte sequence that cannot be decoded, found by a separate decoding pass
     * (a {@link Reader} reports such an error without the characters decoded before it), or -1 if there is none.
     */
    static long lineOfFirstDecodingError(Path file, EncodingDetector.TextEncoding encoding) throws IOException {
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.bomLength());
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                bytes.compact();
                if (result.isError()) {
                    return line;
                }
                if (eof && result.isUnderflow()) {
                    return -1;
                }
            }
        }
    }

    Reader reader() {
        return reader;
    }

    /** Bytes consumed from the file so far (including the byte-order mark). */
    long bytesRead() {
        return bytes.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in, long start) {
            super(in);
            count = start;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
