package de.grw.importing.read;

import de.grw.common.Text;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file into a {@link RowEmitter}: header first, then every record as a row or a rejection.
 *
 * <p>Rules: an Excel hint line {@code sep=X} at the start is skipped; the first non-blank record is the header (blank
 * names become {@code column_N}; blank names at its end, as a trailing delimiter leaves them, name columns a row may
 * leave out); a record with fewer fields than the named header columns is rejected; one with more than all of them
 * is rejected unless the surplus fields are all empty; a record with an over-long field, an unbalanced quote, text
 * after a closing quote, a NUL character or undecodable bytes is rejected (see {@link CsvParser}). Repeated header
 * names are reported ({@link HeaderNames}).
 * Progress is reported in bytes of the file.
 */
final class CsvReader {
    private CsvReader() {
    }

    static void read(Path file, EncodingDetector.TextEncoding encoding, char delimiter, int maxFieldChars,
                     RowEmitter out) throws IOException {
        long size = Files.size(file);
        try (TextInput input = TextInput.open(file, encoding)) {
            CsvParser parser = new CsvParser(input.reader(), delimiter, maxFieldChars);
            out.measure(input::bytesRead, size);
            try {
                readRecords(file, parser, maxFieldChars, out);
            } catch (CharacterCodingException e) {
                throw Messages.undecodable(file, encoding);
            }
            out.finish();
        }
    }

    private static void readRecords(Path file, CsvParser parser, int maxFieldChars, RowEmitter out)
            throws IOException {
        if (!parser.next()) {
            throw Messages.empty(file);
        }
        if (parser.startLine() == 1 && CsvDialectSniffer.sepDirective(parser.rawText()) != 0 && !parser.next()) {
            throw Messages.empty(file);
        }
        if (parser.problem() != null) {
            throw Messages.atLine(file, parser.startLine(), de.grw.common.Text.of("import.header_unreadable", parser.problem()));
        }
        if (parser.tooLongField() > 0) {
            throw Messages.atLine(file, parser.startLine(), "the header row cannot be read: "
                    + Messages.fieldTooLong(parser.tooLongField(), maxFieldChars));
        }
        Text headerProblem = characterProblem(parser, null);
        if (headerProblem != null) {
            throw Messages.atLine(file, parser.startLine(), de.grw.common.Text.of("import.header_unreadable",
                    headerProblem));
        }
        List<String> raw = Arrays.asList(parser.fields(parser.fieldCount()));
        HeaderNames.Names names = HeaderNames.of(raw, false);
        List<String> header = names.names();
        int width = header.size();
        // blank names at the end (a trailing delimiter, or a column someone forgot to name): such columns are kept
        // (column_N), but a row may leave them out
        int required = HeaderNames.of(raw, true).names().size();
        out.header(header);
        names.report(parser.startLine(), out);
        parser.expectFields(width);
        while (parser.next()) {
            long line = parser.startLine();
            int n = parser.fieldCount();
            Text characters;
            if (parser.problem() != null) {
                out.reject(line, parser.problem(), parser.rawText());
            } else if (parser.tooLongField() > 0) {
                out.reject(line, Messages.fieldTooLong(parser.tooLongField(), maxFieldChars), parser.rawText());
            } else if ((characters = characterProblem(parser, header)) != null) {
                out.reject(line, characters, parser.rawText());
            } else if (n < required || n > width && !parser.emptyFrom(width)) {
                out.reject(line, de.grw.common.Text.of(n == 1 ? "import.field_count_one" : "import.field_count", n,
                        width), parser.rawText());
            } else {
                String[] cells = parser.fields(Math.min(n, width));
                if (n < width) {
                    cells = Arrays.copyOf(cells, width);
                    Arrays.fill(cells, n, width, "");
                }
                out.row(line, cells);
            }
        }
    }

    /** Why the record's characters make it unusable (NUL, undecodable bytes, text after a quote), or null. */
    private static Text characterProblem(CsvParser parser, List<String> header) {
        int field = parser.badCharacterField();
        if (field > 0) {
            return Text.of(parser.badCharacter() == 0 ? "import.nul_character" : "import.undecodable_row",
                    field, column(header, field));
        }
        field = parser.textAfterQuote();
        if (field > 0) {
            return Text.of("import.text_after_quote", field, column(header, field));
        }
        return null;
    }

    /** {@code  ("Nachname")} for a field within the header, else nothing. */
    private static String column(List<String> header, int field) {
        return header != null && field <= header.size() ? " (\"" + header.get(field - 1) + "\")" : "";
    }
}
