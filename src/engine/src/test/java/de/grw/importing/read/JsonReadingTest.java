package de.grw.importing.read;

import de.grw.common.UserFacingException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static de.grw.importing.read.ReadTestSupport.read;
import static de.grw.importing.read.ReadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReadingTest {
    @TempDir
    Path dir;

    @Test
    void arrayOfObjectsWithUnionHeaderAndValueConversion() throws IOException {
        String json = """
                [
                  {"rec_id": "A1", "given_name": "Jürgen", "zip": "01067", "age": 42},
                  {"rec_id": "A2", "score": 1.50, "active": true, "zip": null,
                   "address": {"street": "Hauptstr. 1", "city": "Köln"}, "tags": [1, "x", 2.0e3]},
                  {"given_name": "Anna"}
                ]
                """;
        Path file = write(dir, "people.json", json);

        CollectingSink sink = read(file);

        assertThat(new TabularReader().sniff(file).format()).isEqualTo(TableFormat.JSON_ARRAY);
        assertThat(sink.header).containsExactly("rec_id", "given_name", "zip", "age", "score", "active",
                "address.street", "address.city", "tags.1", "tags.2", "tags.3");
        assertThat(sink.rows.get(0).cells()).containsExactly("A1", "Jürgen", "01067", "42", null, null, null, null,
                null, null, null);
        assertThat(sink.rows.get(1).cells()).containsExactly("A2", null, null, null, "1.50", "true", "Hauptstr. 1",
                "Köln", "1", "x", "2.0e3");
        assertThat(sink.rows.get(2).cells()).containsExactly(null, "Anna", null, null, null, null, null, null, null,
                null, null);
        assertThat(sink.lines()).containsExactly(2L, 3L, 5L);
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.notices).containsExactly("3:-1: nested objects and arrays are read as columns with dotted "
                + "names: address.street, address.city, tags.1, tags.2, tags.3");
    }

    @Test
    void nestedObjectsNeverBecomeCellText() throws IOException {
        Path file = write(dir, "nested.jsonl", """
                {"id": 1, "name": {"Familienname": "Müller", "Vorname": "Hans"}, "adresse": {}}
                {"id": 2, "name": {"Familienname": "Schmidt"}, "vornamen": ["Eva", "Maria"], "adresse": []}
                {"id": 3, "name": {"Familienname": "Weber"}, "name.Familienname": "Weber"}
                {"id": 4, "id": 5}
                """);

        CollectingSink sink = read(file);

        assertThat(sink.header).containsExactly("id", "name.Familienname", "name.Vorname", "adresse", "vornamen.1",
                "vornamen.2");
        assertThat(sink.cells()).containsExactly(java.util.Arrays.asList("1", "Müller", "Hans", null, null, null),
                java.util.Arrays.asList("2", "Schmidt", null, null, "Eva", "Maria"));
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "two values for the column "
                        + "\"name.Familienname\" (a key repeated in the object, or a dotted key beside the same key "
                        + "nested)"), org.assertj.core.groups.Tuple.tuple(4L, "two values for the column \"id\" (a "
                        + "key repeated in the object, or a dotted key beside the same key nested)"));
        for (List<String> row : sink.cells()) {
            assertThat(row).noneMatch(c -> c != null && (c.startsWith("{") || c.startsWith("[")));
        }
    }

    @Test
    void previewOfAJsonArrayStopsEarly() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"n\":").append(i).append('}');
        }
        json.append(lateKeyObject(999)).append(']');
        Path file = write(dir, "many.json", json.toString());

        TablePreview preview = new TabularReader().preview(file, null, 3);

        assertThat(preview.header()).containsExactly("n", "late_key");
        assertThat(preview.rows()).extracting(r -> r.cells().get(0)).containsExactly("0", "1", "2");
        assertThat(preview.more()).isTrue();
    }

    private static String lateKeyObject(int n) {
        return ",\n{\"late_key\":" + n + "}";
    }

    @Test
    void nonObjectElementsAreRejected() throws IOException {
        Path file = write(dir, "mixed.json", "[{\"a\":1},\n\"text\",\n[1,2],\n{\"a\":2}]");

        CollectingSink sink = read(file);

        assertThat(sink.cells()).containsExactly(List.of("1"), List.of("2"));
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line, CollectingSink.Rejected::reason,
                        CollectingSink.Rejected::rawText)
                .containsExactly(Tuple.tuple(2L, "the array element is a string, not an object", "text"),
                        Tuple.tuple(3L, "the array element is an array, not an object", "[1,2]"));
    }

    @Test
    void syntaxErrorInArrayIsFatalButEarlierRowsStayDelivered() throws IOException {
        Path file = write(dir, "broken.json", "[\n{\"a\": 1},\n{\"a\": 2},\n{\"a\" 3},\n{\"a\": 4}\n]\n");
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> new TabularReader().read(file, ReadOptions.DEFAULTS, sink, null, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("broken.json, line 4, column 6: invalid JSON: Unexpected character");
        assertThat(sink.cells()).containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void emptyArrayIsAnEmptyFile() throws IOException {
        Path file = write(dir, "none.json", "  [ ]  ");

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("none.json: the file is empty");
    }

    @Test
    void topLevelScalarIsNotATable() throws IOException {
        Path file = write(dir, "scalar.json", "\"just a string\"");

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("scalar.json, line 1: expected a JSON array of objects");
    }

    @Test
    void jsonLinesWithOneBrokenLineRejectsItAndGoesOn() throws IOException {
        String text = "{\"id\": 1, \"name\": \"Anna\"}\n"
                + "\n"
                + "{\"id\": 2, \"name\": \"Bernd\"\n"
                + "{\"id\": 3, \"city\": \"Bonn\"}\n"
                + "42\n"
                + "{\"id\": 4} trailing\n"
                + "{\"id\": 5, \"name\": \"Eva\"}\r\n";
        Path file = write(dir, "people.jsonl", text);

        CollectingSink sink = read(file);

        assertThat(new TabularReader().sniff(file).format()).isEqualTo(TableFormat.JSON_LINES);
        assertThat(sink.header).containsExactly("id", "name", "city");
        assertThat(sink.cells()).containsExactly(Arrays.asList("1", "Anna", null), Arrays.asList("3", null, "Bonn"),
                Arrays.asList("5", "Eva", null));
        assertThat(sink.lines()).containsExactly(1L, 4L, 7L);
        assertThat(sink.rejected).extracting(CollectingSink.Rejected::line).containsExactly(3L, 5L, 6L);
        assertThat(sink.rejected.get(0).reason()).startsWith("invalid JSON at column ");
        assertThat(sink.rejected.get(0).rawText()).isEqualTo("{\"id\": 2, \"name\": \"Bernd\"");
        assertThat(sink.rejected.get(1).reason()).isEqualTo("the line holds a number, not a JSON object");
        assertThat(sink.rejected.get(2).reason()).startsWith("invalid JSON at column 11");
    }

    @Test
    void ndjsonAndJsonStartingWithABraceAreJsonLines() throws IOException {
        Path nd = write(dir, "a.ndjson", "{\"x\":true}\n{\"x\":false}\n");
        Path json = write(dir, "b.json", "{\"x\":1}\n{\"x\":2}\n");

        assertThat(read(nd).cells()).containsExactly(List.of("true"), List.of("false"));
        assertThat(read(json).cells()).containsExactly(List.of("1"), List.of("2"));
        assertThat(new TabularReader().sniff(json).format()).isEqualTo(TableFormat.JSON_LINES);
    }

    @Test
    void prettyPrintedObjectInAJsonFileIsExplainedNotRejectedLineByLine() throws IOException {
        Path file = write(dir, "pretty.json", "{\n  \"a\": 1\n}\n");

        assertThatThrownBy(() -> read(file)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("pretty.json, line 1, column ")
                .hasMessageEndingWith("Expected a JSON array of objects or one JSON object per line (JSON Lines).");
    }

    @Test
    void overlongJsonValueIsRejected() throws IOException {
        String big = "z".repeat(2_000);
        Path file = write(dir, "long.jsonl", "{\"a\":\"" + big + "\"}\n{\"a\":\"ok\"}\n");

        CollectingSink sink = read(file, ReadOptions.DEFAULTS.withMaxFieldChars(1_000));

        assertThat(sink.rejected).extracting(CollectingSink.Rejected::reason)
                .containsExactly("field 1 is longer than 1,000 characters (\"a\")");
        assertThat(sink.cells()).containsExactly(List.of("ok"));
    }
}
