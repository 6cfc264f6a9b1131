package de.grw.importing.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON Lines (one object per physical line; blank lines skipped). A broken line is rejected and reading goes
 * on with the next line.
 *
 * <p><b>Two passes</b>, as for {@link JsonArrayReader}: the first collects the keys of all parseable lines for the
 * header, the second delivers the rows. A line longer than {@link #maxLineChars} is rejected without being held.
 */
final class JsonLinesReader {
    private JsonLinesReader() {
    }

    /** Longest line parsed: four times the cell limit, but at least 4 million characters. */
    static int maxLineChars(int maxFieldChars) {
        return (int) Math.min(Integer.MAX_VALUE - 64L, Math.max(4L * maxFieldChars, 4_000_000L));
    }

    /**
     * @param strictStart whether a broken first line is fatal: the file was only guessed to be JSON Lines (a .json
     *                    file starting with '{'), so a broken first line more likely means "some other JSON"
     */
    static void read(Path file, EncodingDetector.TextEncoding encoding, int maxChars, boolean strictStart,
                     RowEmitter out) throws IOException {
        long size = Files.size(file);
        int maxLine = maxLineChars(maxChars);
        Set<String> keys = new LinkedHashSet<>();
        long nestedAt = 0;
        long objects = 0;
        String wrapper = null;
        long wrapperLine = 0;
        boolean any = false;
        try (TextInput in = TextInput.open(file, encoding)) {
            out.measure(in::bytesRead, 2 * size);
            LineReader lines = new LineReader(in.reader(), maxLine);
            for (String line; (line = lines.next()) != null; out.tick()) {
                if (line.isBlank()) {
                    continue;
                }
                any = true;
                if (lines.truncated()) {
                    continue;
                }
                try (JsonParser p = JsonCells.FACTORY.createParser(line)) {
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonCells.KeyScan scan = JsonCells.collectKeys(p, keys);
                        if (scan.nested() && nestedAt == 0) {
                            nestedAt = lines.lineNumber();
                        }
                        if (++objects == 1) {
                            wrapper = scan.wrapperKey();
                            wrapperLine = lines.lineNumber();
                        }
                        JsonCells.checkWidth(file, keys, lines.lineNumber());
                    }
                } catch (JsonProcessingException e) {
                    // rejected in the second pass
                }
            }
        } catch (CharacterCodingException e) {
            throw Messages.undecodable(file, encoding);
        }
        if (!any && keys.isEmpty()) {
            throw Messages.empty(file);
        }
        JsonCells.refuseWrapper(file, objects, wrapper, wrapperLine);
        HeaderNames.Names names = HeaderNames.of(new ArrayList<>(keys), false);
        List<String> header = names.names();
        Map<String, Integer> columns = JsonCells.columns(keys);
        out.header(header);
        names.report(0, out);
        JsonCells.reportNesting(nestedAt, header, out);
        try (TextInput in = TextInput.open(file, encoding)) {
            out.measure(() -> size + in.bytesRead(), 2 * size);
            LineReader lines = new LineReader(in.reader(), maxLine);
            boolean first = true;
            try {
                for (String line; (line = lines.next()) != null; ) {
                    if (!line.isBlank()) {
                        readLine(file, line, lines, header, columns, maxChars, first && strictStart, out);
                        first = false;
                    }
                }
            } catch (CharacterCodingException e) {
                throw Messages.undecodable(file, encoding);
            }
            out.finish();
        }
    }

    private static void readLine(Path file, String line, LineReader lines, List<String> header,
                                 Map<String, Integer> columns, int maxChars, boolean strict, RowEmitter out)
            throws IOException {
        long number = lines.lineNumber();
        if (lines.truncated()) {
            out.reject(number, de.grw.common.Text.of("import.line_too_long", Messages.count(maxLineChars(maxChars))),
                    line);
            return;
        }
        try (JsonParser p = JsonCells.FACTORY.createParser(line)) {
            JsonToken t = p.nextToken();
            de.grw.common.Text problem;
            String[] cells = new String[header.size()];
            if (t == JsonToken.START_OBJECT) {
                problem = JsonCells.readObject(p, columns, header, cells, maxChars);
            } else {
                JsonCells.text(p, t);
                problem = de.grw.common.Text.of("import.json_line_not_object", JsonCells.kind(t));
            }
            if (p.nextToken() != null) {
                problem = de.grw.common.Text.of("import.json_after_value", p.currentTokenLocation().getColumnNr());
            }
            if (problem == null) {
                out.row(number, cells);
            } else {
                out.reject(number, problem, line);
            }
        } catch (JsonProcessingException e) {
            int column = JsonCells.column(e);
            String why = JsonCells.describe(e);
            if (strict) {
                throw Messages.atPosition(file, number, column, "invalid JSON: " + why
                        + ". Expected a JSON array of objects or one JSON object per line (JSON Lines).");
            }
            out.reject(number, de.grw.common.Text.of("import.invalid_json", column, why), line);
        }
    }
}
