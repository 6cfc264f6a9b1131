package de.grw.importing.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import de.grw.common.UserFacingException;

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
 * Reads a JSON document whose top level is an array of objects.
 *
 * <p><b>Two passes.</b> The header (the union of all keys in order of first appearance) must reach the sink before the
 * first row, so a first streaming pass only collects keys; the second pass delivers the rows. Neither pass holds more
 * than one element in memory. A syntax error is fatal (JSON cannot be resynchronised), but the rows before it have
 * been delivered. Progress is reported in bytes, both passes together counting twice the file size.
 */
final class JsonArrayReader {
    private JsonArrayReader() {
    }

    static void read(Path file, EncodingDetector.TextEncoding encoding, int maxChars, RowEmitter out)
            throws IOException {
        long size = Files.size(file);
        Set<String> keys = new LinkedHashSet<>();
        long[] nestedAt = {0, 0, 0};
        try (TextInput in = TextInput.open(file, encoding); JsonParser p = JsonCells.FACTORY.createParser(in.reader())) {
            out.measure(in::bytesRead, 2 * size);
            collectKeys(file, p, keys, nestedAt, out);
        } catch (JsonProcessingException e) {
            // the second pass reports it, after delivering the rows before it
        } catch (CharacterCodingException e) {
            throw Messages.undecodable(file, encoding);
        }
        try (TextInput in = TextInput.open(file, encoding); JsonParser p = JsonCells.FACTORY.createParser(in.reader())) {
            out.measure(() -> size + in.bytesRead(), 2 * size);
            try {
                readRows(file, p, keys, nestedAt[0], maxChars, out);
            } catch (JsonProcessingException e) {
                throw Messages.atPosition(file, JsonCells.line(e, p.currentLocation().getLineNr()),
                        JsonCells.column(e), "invalid JSON: " + JsonCells.describe(e));
            } catch (CharacterCodingException e) {
                throw Messages.undecodable(file, encoding);
            }
            out.finish();
        }
    }

    /**
     * The flattened keys of all objects; {@code nestedAt}: the line of the first nested value (or 0), the number of
     * objects, the line of the first.
     */
    private static void collectKeys(Path file, JsonParser p, Set<String> keys, long[] nestedAt, RowEmitter out)
            throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            return;
        }
        String[] wrapper = {null};
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_OBJECT) {
                JsonCells.KeyScan scan = JsonCells.collectKeys(p, keys);
                if (scan.nested() && nestedAt[0] == 0) {
                    nestedAt[0] = line;
                }
                if (++nestedAt[1] == 1 && scan.wrapperKey() != null) {
                    wrapper[0] = scan.wrapperKey();
                    nestedAt[2] = line;
                }
                JsonCells.checkWidth(file, keys, line);
            } else {
                p.skipChildren();
            }
            out.tick();
        }
        JsonCells.refuseWrapper(file, nestedAt[1], wrapper[0], nestedAt[2]);
    }

    private static void readRows(Path file, JsonParser p, Set<String> keys, long nestedAt, int maxChars,
                                 RowEmitter out) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw Messages.empty(file);
        }
        if (t != JsonToken.START_ARRAY) {
            throw Messages.atLine(file, p.currentTokenLocation().getLineNr(), "expected a JSON array of objects, "
                    + "but the file starts with " + JsonCells.kind(t) + " (for one object per line use JSON Lines)");
        }
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            throw new UserFacingException(de.grw.common.Text.of("import.json_empty", Messages.name(file)));
        }
        HeaderNames.Names names = HeaderNames.of(new ArrayList<>(keys), false);
        List<String> header = names.names();
        Map<String, Integer> columns = JsonCells.columns(keys);
        out.header(header);
        names.report(0, out);
        JsonCells.reportNesting(nestedAt, header, out);
        while (t != JsonToken.END_ARRAY) {
            if (t == null) {
                throw Messages.atLine(file, p.currentLocation().getLineNr(), "the JSON array is not closed");
            }
            long line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_OBJECT) {
                String[] cells = new String[header.size()];
                de.grw.common.Text problem = JsonCells.readObject(p, columns, header, cells, maxChars);
                if (problem == null) {
                    out.row(line, cells);
                } else {
                    out.reject(line, problem, "");
                }
            } else {
                String raw = JsonCells.text(p, t);
                out.reject(line, de.grw.common.Text.of("import.json_not_object", JsonCells.kind(t)),
                        raw == null ? "null" : raw);
            }
            t = p.nextToken();
        }
        if (p.nextToken() != null) {
            throw Messages.atPosition(file, p.currentTokenLocation().getLineNr(),
                    p.currentTokenLocation().getColumnNr(), "unexpected content after the end of the array");
        }
    }
}
