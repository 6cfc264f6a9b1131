package de.grw.importing.read;

import de.grw.common.CancellationToken;
import de.grw.common.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides how a file is read: format (by the user, the extension, then the content), encoding and CSV delimiter.
 *
 * <p>Extensions: {@code .csv .tsv .tab .txt} are CSV; {@code .jsonl .ndjson} JSON Lines; {@code .xlsx .xlsm .xls}
 * Excel; {@code .json} is a JSON array when its first character is '[' and JSON Lines when it is '{'. Any other
 * file is Excel by signature, JSON by its first character, else CSV.
 */
final class FormatDetector {
    private static final int JSON_PEEK_CHARS = 4096;

    /**
     * @param guessedJsonLines whether JSON Lines was only inferred from a leading '{' (see {@link JsonLinesReader})
     * @param excelKind        a description of the workbook kind, for Excel
     */
    record Resolved(TableFormat format, EncodingDetector.TextEncoding encoding, char delimiter,
                    boolean guessedJsonLines, String excelKind) {
        DetectedFormat detected() {
            if (format == TableFormat.EXCEL) {
                return new DetectedFormat(format, null, false, '\0', excelKind);
            }
            return new DetectedFormat(format, encoding.charset(), encoding.utf8Bom(),
                    format == TableFormat.CSV ? delimiter : '\0', encoding.reason());
        }
    }

    private FormatDetector() {
    }

    static Resolved resolve(Path file, ReadOptions options, CancellationToken cancel) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UserFacingException(de.grw.common.Text.of("import.folder", Messages.name(file)));
        }
        if (Files.size(file) == 0) {
            throw Messages.empty(file);
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String ext = extension(file);
        TableFormat format = options.format() != null ? options.format() : byExtension(ext, head, n);
        if (format == TableFormat.EXCEL) {
            String kind = Signatures.isZip(head, n) ? "Excel workbook (.xlsx)"
                    : Signatures.isOle2(head, n) ? "Excel 97-2003 workbook (.xls)" : "Excel workbook";
            return new Resolved(format, null, '\0', false, kind);
        }
        EncodingDetector.TextEncoding encoding = EncodingDetector.detect(file, options.encoding(), cancel);
        boolean guessed = false;
        if (format == null) {
            int first = firstNonBlank(TextInput.head(file, encoding, JSON_PEEK_CHARS));
            if (first == '[') {
                format = TableFormat.JSON_ARRAY;
            } else if (first == '{') {
                format = TableFormat.JSON_LINES;
                guessed = true;
            } else {
                format = ext.equals("json") ? TableFormat.JSON_ARRAY : TableFormat.CSV;
            }
        }
        char delimiter = '\0';
        if (format == TableFormat.CSV) {
            delimiter = options.delimiter();
            if (delimiter == 0) {
                String sample = TextInput.head(file, encoding, CsvDialectSniffer.SAMPLE_CHARS);
                delimiter = CsvDialectSniffer.sniff(sample, sample.length() < CsvDialectSniffer.SAMPLE_CHARS);
            }
        }
        return new Resolved(format, encoding, delimiter, guessed, null);
    }

    /** Whether the file is read as an Excel workbook when nothing else is said. */
    static boolean isWorkbook(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return byExtension(extension(file), head, n) == TableFormat.EXCEL;
    }

    /** The format implied by the extension or the signature, or {@code null} when the text must tell. */
    private static TableFormat byExtension(String ext, byte[] head, int n) {
        switch (ext) {
            case "csv", "tsv", "tab", "txt":
                return TableFormat.CSV;
            case "jsonl", "ndjson":
                return TableFormat.JSON_LINES;
            case "xlsx", "xlsm", "xls":
                return TableFormat.EXCEL;
            case "json":
                return null;
            default:
                return Signatures.isZip(head, n) || Signatures.isOle2(head, n) ? TableFormat.EXCEL : null;
        }
    }

    static String extension(Path file) {
        String name = Messages.name(file);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return -1;
    }
}
