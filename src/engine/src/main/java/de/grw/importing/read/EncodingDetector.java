package de.grw.importing.read;

import de.grw.common.CancellationToken;
import de.grw.common.Text;
import de.grw.common.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides how the bytes of a text file are decoded and refuses files that are not text.
 *
 * <p>Without a byte-order mark the whole file is scanned once at byte level (fast, no decoding), so that an umlaut
 * in the last row decides as much as one in the first: valid UTF-8 is read as UTF-8; otherwise bytes 0x80-0x9F mean
 * Windows-1252 (euro sign, typographic dashes and quotes of German office exports), and without them ISO-8859-1
 * (identical to Windows-1252 for umlauts). Bytes that are neither valid UTF-8 nor defined in Windows-1252 (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) stop the import with the first such line. A file with a UTF-16 or UTF-32 byte-order mark is
 * read as such without a scan; UTF-16 without a byte-order mark is recognised by its zero bytes (every second byte
 * of Latin text) and reported.
 *
 * <p><b>Mixtures.</b> A file that holds valid UTF-8 sequences (umlauts written as UTF-8) and also bytes that are not
 * UTF-8 (a line pasted from a Windows-1252 file) would be garbled in one of its parts by any single 8-bit reading.
 * When the UTF-8 sequences are at least as many as the broken ones, or a UTF-8 byte-order mark says UTF-8, the file
 * is read as UTF-8 and the rows holding undecodable bytes are rejected ({@link TextInput#UNDECODABLE}); otherwise
 * the file is refused naming a UTF-8 line and a non-UTF-8 line. Either way no row is changed silently.
 *
 * <p><b>NUL bytes.</b> Many NUL or control bytes among the first 8 KB mean a binary file, refused with the byte
 * offset and line. A few NUL bytes in a text file reject only the rows holding them.
 */
final class EncodingDetector {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int BLOCK = 1 << 16;
    /** The control-character share is judged on this many leading bytes. */
    private static final int CONTROL_SAMPLE = 8192;

    /**
     * @param bomLength bytes to skip at the start of the file (a byte-order mark)
     * @param utf8Bom   whether the file starts with a UTF-8 byte-order mark
     * @param lenient   whether undecodable bytes are read as {@link TextInput#UNDECODABLE} (their rows rejected)
     *                  instead of stopping the read
     * @param notice    what the user must be told about the decision, or {@code null}
     */
    record TextEncoding(Charset charset, int bomLength, boolean utf8Bom, String reason, boolean lenient,
                        Text notice) {
        TextEncoding(Charset charset, int bomLength, boolean utf8Bom, String reason) {
            this(charset, bomLength, utf8Bom, reason, false, null);
        }
    }

    private EncodingDetector() {
    }

    /**
     * @param forced the encoding chosen by the user, or {@code null} to detect it; a matching byte-order mark is
     *               skipped, and binary content is refused either way
     */
    static TextEncoding detect(Path file, Charset forced, CancellationToken cancel) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BLOCK];
            int n = in.readNBytes(buf, 0, BLOCK);
            if (n == 0) {
                throw Messages.empty(file);
            }
            String signature = Signatures.binaryKind(buf, n);
            if (signature != null) {
                throw notText(file, 0, Text.of("import.looks_like", signature));
            }
            Charset bomCharset = null;
            int bom = 0;
            if (n >= 4 && (buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE && buf[2] == 0 && buf[3] == 0) {
                bomCharset = Charset.forName("UTF-32LE");
                bom = 4;
            } else if (n >= 4 && buf[0] == 0 && buf[1] == 0 && (buf[2] & 0xFF) == 0xFE && (buf[3] & 0xFF) == 0xFF) {
                bomCharset = Charset.forName("UTF-32BE");
                bom = 4;
            } else if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                bomCharset = StandardCharsets.UTF_8;
                bom = 3;
            } else if (n >= 2 && (buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE) {
                bomCharset = StandardCharsets.UTF_16LE;
                bom = 2;
            } else if (n >= 2 && (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF) {
                bomCharset = StandardCharsets.UTF_16BE;
                bom = 2;
            }
            if (bomCharset == null && forced == null) {
                Charset pattern = utf16ByZeros(buf, n);
                if (pattern != null) {
                    return new TextEncoding(pattern, 0, false, "no byte-order mark, but the zero bytes of "
                            + pattern.name(), false, Text.of("import.utf16_without_bom", pattern.name()));
                }
            }
            boolean utf16 = isWide(bomCharset) || isWide(forced);
            if (utf16 && (forced == null || isWide(bomCharset) && isWide(forced))) {
                Charset cs = forced != null ? forcedUtf16(forced, bomCharset) : bomCharset;
                int skip = bomCharset != null ? bom : 0;
                if (n <= skip) {
                    throw Messages.empty(file);
                }
                return new TextEncoding(cs, skip, false,
                        forced != null ? "chosen by the user" : "byte-order mark: " + bomCharset.name());
            }
            if (utf16) {
                // forced UTF-16 without a BOM: NUL bytes are normal there, so no byte scan
                return new TextEncoding(forced, 0, false, "chosen by the user");
            }
            ByteScan scan = new ByteScan();
            scan.feed(buf, bom, n);
            while ((n = in.read(buf)) > 0) {
                cancel.throwIfCancelled();
                scan.feed(buf, 0, n);
            }
            scan.finish();
            return decide(file, scan, forced, bomCharset != null ? bom : 0, bomCharset);
        }
    }

    /**
     * UTF-16 without a byte-order mark, told by its zero bytes: in Latin text every second byte is zero (the odd ones
     * in little-endian, the even ones in big-endian order), the others almost never.
     *
     * @return the charset, or {@code null} when the bytes do not look like UTF-16
     */
    static Charset utf16ByZeros(byte[] b, int n) {
        int pairs = Math.min(n, CONTROL_SAMPLE) / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < pairs; i++) {
            if (b[2 * i] == 0) {
                zeroEven++;
            }
            if (b[2 * i + 1] == 0) {
                zeroOdd++;
            }
        }
        if (zeroOdd * 10 >= pairs * 4 && zeroEven * 50 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroEven * 10 >= pairs * 4 && zeroOdd * 50 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static TextEncoding decide(Path file, ByteScan scan, Charset forced, int bom, Charset bomCharset) {
        int suspicious = scan.controlCount + scan.nulsSampled;
        if (suspicious > 1 && suspicious * 20L > scan.sampled) {
            long at = scan.firstControlOffset < 0 ? scan.nulOffset : scan.nulOffset < 0 ? scan.firstControlOffset
                    : Math.min(scan.nulOffset, scan.firstControlOffset);
            throw notText(file, at, at == scan.nulOffset ? scan.nulLine : scan.firstControlLine, null);
        }
        if (!scan.nonBlank) {
            throw Messages.empty(file);
        }
        if (forced != null) {
            boolean skipBom = bomCharset != null && forced.equals(bomCharset);
            return new TextEncoding(forced, skipBom ? bom : 0, skipBom, "chosen by the user");
        }
        if (bomCharset != null) {
            if (!scan.utf8Valid) {
                return new TextEncoding(StandardCharsets.UTF_8, bom, true, "byte-order mark: UTF-8", true,
                        Text.of("import.bom_invalid", scan.utf8ErrorLine,
                                hex(scan.utf8ErrorByte)));
            }
            return new TextEncoding(StandardCharsets.UTF_8, bom, true, "byte-order mark: UTF-8");
        }
        if (scan.utf8Valid) {
            return new TextEncoding(StandardCharsets.UTF_8, 0, false,
                    scan.nonAscii ? "valid UTF-8" : "only ASCII characters (read as UTF-8)");
        }
        if (scan.utf8Sequences > 0) {
            if (scan.utf8Sequences >= scan.utf8Errors) {
                return new TextEncoding(StandardCharsets.UTF_8, 0, false, "UTF-8, with lines in another encoding",
                        true, Text.of("import.mostly_utf8", scan.utf8ErrorLine,
                                hex(scan.utf8ErrorByte)));
            }
            throw new UserFacingException(Text.of("import.mixed_encoding", Messages.name(file),
                    scan.firstSequenceLine, scan.utf8ErrorLine, hex(scan.utf8ErrorByte)));
        }
        if (scan.undefinedOffset >= 0) {
            throw Messages.atLine(file, scan.undefinedLine, Text.of("import.unknown_encoding",
                    hex(scan.undefinedByte), scan.undefinedOffset));
        }
        String notUtf8 = "not valid UTF-8 (line " + scan.utf8ErrorLine + "); ";
        if (scan.c1Seen) {
            return new TextEncoding(WINDOWS_1252, 0, false, notUtf8 + "bytes 0x80-0x9F present: Windows-1252");
        }
        return new TextEncoding(StandardCharsets.ISO_8859_1, 0, false, notUtf8 + "no bytes 0x80-0x9F: ISO-8859-1");
    }

    /** A file of a known binary kind ({@code hint}: what it looks like), told by its first bytes. */
    static UserFacingException notText(Path file, long offset, Text hint) {
        return new UserFacingException(Text.of("import.binary_hint", Messages.name(file), offset, 1, hint));
    }

    static UserFacingException notText(Path file, long offset, long line, Text hint) {
        return new UserFacingException(hint == null ? Text.of("import.binary", Messages.name(file), offset, line)
                : Text.of("import.binary_hint", Messages.name(file), offset, line, hint));
    }

    /** UTF-16 or UTF-32, where zero bytes are normal: no byte scan. */
    private static boolean isWide(Charset cs) {
        return cs != null && (cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                || cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-32"));
    }

    /** "UTF-16" chosen by the user on a file with a BOM: the BOM tells the byte order. */
    private static Charset forcedUtf16(Charset forced, Charset bomCharset) {
        return forced.equals(StandardCharsets.UTF_16) ? bomCharset : forced;
    }

    private static String hex(int b) {
        return String.format(Locale.ROOT, "byte 0x%02X", b);
    }

    /** Byte statistics of a whole file: UTF-8 validity, Windows-1252 plausibility, binary content, blankness. */
    private static final class ByteScan {
        long offset;
        long line = 1;
        boolean nonBlank;
        boolean nonAscii;
        boolean c1Seen;
        long nulOffset = -1;
        long nulLine;
        int nulsSampled;
        int controlCount;
        long firstControlOffset = -1;
        long firstControlLine;
        long utf8Sequences;
        long firstSequenceLine;
        long utf8Errors;
        long sampled;
        boolean utf8Valid = true;
        long utf8ErrorOffset = -1;
        long utf8ErrorLine;
        int utf8ErrorByte;
        long undefinedOffset = -1;
        long undefinedLine;
        int undefinedByte;
        private int need;
        /** Offset and value of the lead byte of the sequence being checked (the culprit if it breaks). */
        private long seqOffset;
        private int seqByte;
        private int lo = 0x80;
        private int hi = 0xBF;

        /** Feeds {@code b[from..to)}; {@code b[0]} is at file offset {@link #offset}, which then moves by {@code to}. */
        void feed(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                int v = b[i] & 0xFF;
                if (v < 0x80) {
                    if (need > 0) {
                        utf8Error(seqOffset, seqByte);
                    }
                    if (v > ' ') {
                        nonBlank = true;
                    } else if (v == '\n') {
                        line++;
                    } else if (v != ' ' && v != '\t' && v != '\r') {
                        control(offset + i, v);
                    }
                    continue;
                }
                nonBlank = true;
                nonAscii = true;
                if (v < 0xA0) {
                    c1Seen = true;
                    if (undefinedOffset < 0 && (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D)) {
                        undefinedOffset = offset + i;
                        undefinedLine = line;
                        undefinedByte = v;
                    }
                }
                utf8Step(offset + i, v);
            }
            offset += to;
            sampled = Math.min(offset, CONTROL_SAMPLE);
        }

        void finish() {
            if (need > 0) {
                utf8Error(seqOffset, seqByte);
            }
        }

        private void control(long at, int v) {
            if (v == 0) {
                if (nulOffset < 0) {
                    nulOffset = at;
                    nulLine = line;
                }
                if (at < CONTROL_SAMPLE) {
                    nulsSampled++;
                }
                return;
            }
            nonBlank = true;
            if (at < CONTROL_SAMPLE && v != 0x0C && v != 0x1A) {
                controlCount++;
                if (firstControlOffset < 0) {
                    firstControlOffset = at;
                    firstControlLine = line;
                }
            }
        }

        private void utf8Step(long at, int v) {
            if (need > 0) {
                if (v >= lo && v <= hi) {
                    need--;
                    lo = 0x80;
                    hi = 0xBF;
                    if (need == 0 && utf8Sequences++ == 0) {
                        firstSequenceLine = line;
                    }
                    return;
                }
                utf8Error(seqOffset, seqByte); // the sequence broke off; this byte may begin the next one
            }
            seqOffset = at;
            seqByte = v;
            if (v >= 0xC2 && v <= 0xDF) {
                need = 1;
            } else if (v == 0xE0) {
                need = 2;
                lo = 0xA0;
            } else if (v >= 0xE1 && v <= 0xEF) {
                need = 2;
                if (v == 0xED) {
                    hi = 0x9F;
                }
            } else if (v == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (v >= 0xF1 && v <= 0xF4) {
                need = 3;
                if (v == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                utf8Error(at, v);
            }
        }

        private void utf8Error(long at, int v) {
            if (utf8Valid) {
                utf8Valid = false;
                utf8ErrorOffset = at;
                utf8ErrorLine = line;
                utf8ErrorByte = v;
            }
            utf8Errors++;
            need = 0;
            lo = 0x80;
            hi = 0xBF;
        }
    }
}
