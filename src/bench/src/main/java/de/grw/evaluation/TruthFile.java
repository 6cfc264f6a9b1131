package de.grw.evaluation;

import de.grw.synthetic.Relation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A generator's {@code truth.csv}: per record ({@code source,record_id}) the person and, where the file has them, the
 * household and the relation within it ({@code source,record_id,person_id[,household_id,relation]}). Files of three
 * columns (written before households were recorded) read with every record in a household of its own.
 */
public final class TruthFile {
    /** The truth about one record. */
    public record Row(String person, String household, Relation relation) {
    }

    private final Map<String, Row> rows;
    private final boolean households;

    private TruthFile(Map<String, Row> rows, boolean households) {
        this.rows = rows;
        this.households = households;
    }

    public static TruthFile read(Path file) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        Map<String, String> interned = new HashMap<>();
        boolean households;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("source,record_id,person_id")) {
                throw new IOException(file + ": not a truth file (header source,record_id,person_id[,household_id,"
                        + "relation] expected)");
            }
            households = header.startsWith("source,record_id,person_id,household_id,relation");
            int line = 1;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                String[] c = text.split(",", -1);
                if (c.length < 3 || households && c.length < 5) {
                    throw new IOException(file + ", line " + line + ": expected " + (households ? 5 : 3)
                            + " cells, found " + c.length);
                }
                String person = c[2];
                String household = households ? interned.computeIfAbsent(c[3], k -> k) : person;
                Relation relation = households ? Relation.ofLabel(c[4]) : Relation.OTHER;
                if (rows.put(key(c[0], c[1]), new Row(person, household, relation)) != null) {
                    throw new IOException(file + ", line " + line + ": record " + c[0] + "/" + c[1] + " twice");
                }
            }
        }
        return new TruthFile(rows, households);
    }

    /** The truth about a record, or {@code null} if the file does not know it. */
    public Row get(String source, String recordId) {
        return rows.get(key(source, recordId));
    }

    /** Whether the file names households and relations. */
    public boolean hasHouseholds() {
        return households;
    }

    public int size() {
        return rows.size();
    }

    private static String key(String source, String recordId) {
        return source + ',' + recordId;
    }
}
