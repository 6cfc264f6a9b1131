package de.grw.importing.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import de.grw.common.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as table cells: strings as they are, numbers and booleans as their text (numbers exactly as written),
 * null as {@code null}. Nested objects and arrays are flattened into columns with dotted names: {@code {"adresse":
 * {"strasse": "Hauptstr."}}} gives the column {@code adresse.strasse}, {@code {"vornamen": ["Hans", "Peter"]}} the
 * columns {@code vornamen.1} and {@code vornamen.2} (an array of objects {@code adressen.1.strasse}, ...); an empty
 * object or array is an empty cell of its own key. Nothing nested ever lands in a cell as JSON text.
 */
final class JsonCells {
    static final JsonFactory FACTORY = new JsonFactory();
    /** The most columns a JSON file may give (flattening a long array could give thousands). */
    static final int MAX_COLUMNS = 2_000;

    /** Receives the flattened values of one object. */
    @FunctionalInterface
    interface Leaf {
        void accept(String key, String text) throws IOException;
    }

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

    /**
     * Flattens the value the parser stands on (token {@code t}) under {@code key}; consumes nested structures.
     *
     * @return whether the value was nested (an object or an array)
     */
    static boolean flatten(JsonParser p, JsonToken t, String key, Leaf leaf) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            boolean any = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                any = true;
                flatten(p, p.nextToken(), key + "." + name, leaf);
            }
            if (!any) {
                leaf.accept(key, null);
            }
            return true;
        }
        if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                if (e == null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "the array is not closed");
                }
                flatten(p, e, key + "." + (++i), leaf);
            }
            if (i == 0) {
                leaf.accept(key, null);
            }
            return true;
        }
        leaf.accept(key, text(p, t));
        return false;
    }

    /**
     * What the first pass learns from one object.
     *
     * @param nested     whether a value was nested
     * @param wrapperKey a key whose value is an array of at least two objects (as a file wrapping its records in
     *                   {@code {"personen": [...]}} has), or {@code null}
     */
    record KeyScan(boolean nested, String wrapperKey) {
    }

    /** Reads the flattened keys of the object the parser stands on (START_OBJECT). */
    static KeyScan collectKeys(JsonParser p, Collection<String> keys) throws IOException {
        boolean nested = false;
        String wrapper = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int[] objects = {0};
            nested |= flatten(p, p.nextToken(), name, (key, text) -> {
                keys.add(key);
                if (key.startsWith(name + ".") && key.indexOf('.', name.length() + 1) > 0) {
                    String index = key.substring(name.length() + 1, key.indexOf('.', name.length() + 1));
                    if (index.chars().allMatch(Character::isDigit)) {
                        objects[0] = Math.max(objects[0], Integer.parseInt(index));
                    }
                }
            });
            if (wrapper == null && objects[0] >= 2) {
                wrapper = name;
            }
        }
        return new KeyScan(nested, wrapper);
    }

    /**
     * Refuses a file that is one object wrapping the records in an array ({@code {"personen": [{...}, {...}]}}):
     * flattened, all records would become one.
     */
    static void refuseWrapper(Path file, long objects, String wrapperKey, long line) {
        if (objects == 1 && wrapperKey != null) {
            throw Messages.atLine(file, line, Text.of("import.json_wrapped", wrapperKey));
        }
    }

    /** Refuses a file whose (flattened) keys make more than {@link #MAX_COLUMNS} columns. */
    static void checkWidth(Path file, Collection<String> keys, long line) {
        if (keys.size() > MAX_COLUMNS) {
            throw Messages.atLine(file, line, Text.of("import.json_too_wide", MAX_COLUMNS));
        }
    }

    /** Tells the sink that nested values were flattened, naming the first line and the dotted columns. */
    static void reportNesting(long nestedAt, List<String> header, RowEmitter out) {
        if (nestedAt == 0) {
            return;
        }
        List<String> dotted = header.stream().filter(h -> h.contains(".")).toList();
        String shown = String.join(", ", dotted.subList(0, Math.min(6, dotted.size())))
                + (dotted.size() > 6 ? ", ..." : "");
        out.notice(nestedAt, -1, Text.of("import.json_flattened", shown));
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
     * Reads the object the parser stands on (START_OBJECT) into {@code cells}, flattened.
     *
     * @return {@code null} if the row is fine, else why it is rejected
     */
    static Text readObject(JsonParser p, Map<String, Integer> columns, List<String> header, String[] cells,
                           int maxChars) throws IOException {
        Text[] problem = {null};
        boolean[] set = new boolean[cells.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            flatten(p, p.nextToken(), name, (key, text) -> {
                Text why = put(key, text, columns, header, cells, set, maxChars);
                if (problem[0] == null) {
                    problem[0] = why;
                }
            });
        }
        return problem[0];
    }

    private static Text put(String key, String text, Map<String, Integer> columns, List<String> header,
                            String[] cells, boolean[] set, int maxChars) {
        Integer col = columns.get(key);
        if (col == null) {
            return Text.of("import.json_key_new", key);
        }
        if (set[col]) {
            return Text.of("import.json_key_twice", key);
        }
        set[col] = true;
        cells[col] = text;
        if (text == null) {
            return null;
        }
        if (text.length() > maxChars) {
            return Text.of("import.json_too_long", Messages.fieldTooLong(col + 1, maxChars), header.get(col));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == TextInput.UNDECODABLE) {
                return Text.of(c == 0 ? "import.nul_character" : "import.undecodable_row", col + 1,
                        " (\"" + header.get(col) + "\")");
            }
        }
        return null;
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

    /**
     * Jackson's message without source excerpts and location suffixes, and without the text it could not read
     * ({@code Unrecognized token 'Müller'}: that text is a value of the file, often a person's name, which must
     * not reach an error message or a log; the line and column say where it is).
     */
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
        return UNREAD_TOKEN.matcher(m.strip()).replaceAll("token (not shown)");
    }

    /** Jackson's quoting of the text it could not read as a token. */
    private static final java.util.regex.Pattern UNREAD_TOKEN = java.util.regex.Pattern.compile("token '[^']*'(?=:|$)");

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
