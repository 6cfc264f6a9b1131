package de.grw.importing.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as table cells: strings as they are, numbers and booleans as their text (numbers exactly as written),
 * null as {@code null}, nested objects and arrays as compact JSON text.
 */
final class JsonCells {
    static final JsonFactory FACTORY = new JsonFactory();

    private JsonCells() {
    }

    /** The cell text of the value the parser stands on; consumes nested structures entirely. */
    static String text(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> null;
            default -> compact(p);
        };
    }

    /** The value the parser stands on as compact JSON, numbers kept exactly as written. */
    static String compact(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            int depth = 0;
            do {
                JsonToken t = p.currentToken();
                switch (t) {
                    case START_OBJECT -> { g.writeStartObject(); depth++; }
                    case START_ARRAY -> { g.writeStartArray(); depth++; }
                    case END_OBJECT -> { g.writeEndObject(); depth--; }
                    case END_ARRAY -> { g.writeEndArray(); depth--; }
                    case FIELD_NAME -> g.writeFieldName(p.currentName());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> g.writeString(p.getText());
                }
            } while (depth > 0 && p.nextToken() != null);
        }
        return w.toString();
    }

    /** Reads the keys of the object the parser stands on (START_OBJECT) and skips their values. */
    static void collectKeys(JsonParser p, Collection<String> keys) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            keys.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
    }

    /** Column index of each original key, for keys in header order. */
    static Map<String, Integer> columns(Collection<String> keys) {
        Map<String, Integer> columns = new HashMap<>();
        for (String key : keys) {
            columns.put(key, columns.size());
        }
        return columns;
    }

    /**
     * Reads the object the parser stands on (START_OBJECT) into {@code cells}.
     *
     * @return {@code null} if the row is fine, else why it is rejected
     */
    static String readObject(JsonParser p, Map<String, Integer> columns, List<String> header, String[] cells,
                             int maxChars) throws IOException {
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String text = text(p, p.nextToken());
            Integer col = columns.get(key);
            if (col == null) {
                if (problem == null) {
                    problem = "key \"" + key + "\" was not there when the header was built (did the file change?)";
                }
            } else {
                cells[col] = text;
                if (problem == null && text != null && text.length() > maxChars) {
                    problem = Messages.fieldTooLong(col + 1, maxChars).english() + " (\"" + header.get(col) + "\")";
                }
            }
        }
        return problem;
    }

    /** "a string", "a number", ... for messages about values that should have been objects. */
    static String kind(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "something else";
        };
    }

    /** Jackson's message without source excerpts and location suffixes. */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        for (String cut : new String[] {"\n", " (start marker at", " at [Source", "[Source:"}) {
            int i = m.indexOf(cut);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        return m.strip();
    }

    /** The line of a JSON error, or {@code fallback} when Jackson does not know it. */
    static long line(JsonProcessingException e, long fallback) {
        JsonLocation loc = e.getLocation();
        return loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : fallback;
    }

    /** The column of a JSON error, 0 when unknown. */
    static int column(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc != null ? Math.max(loc.getColumnNr(), 0) : 0;
    }
}
