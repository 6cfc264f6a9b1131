package de.grw.matching;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.profile.BlockingLimits;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.ContradictionSpec;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-built record tables for the matching tests. */
public final class TestRecords {
    /** The German person profile as shipped. */
    public static final MatchProfile PERSON = ProfileLoader.defaultProfile();

    private TestRecords() {
    }

    /**
     * One record as field/value pairs, values in the canonical form the importer produces (dates ISO). The key
     * {@code "source"} names the record's source (default {@code "a"}); {@code "id"} its id (default its position).
     */
    public static Map<String, String> row(String... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("field/value pairs expected");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            row.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return row;
    }

    public static RecordTable table(MatchProfile profile, List<Map<String, String>> rows) {
        RecordTable.Builder b = new RecordTable.Builder(profile.fields().size());
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            String[] values = new String[profile.fields().size()];
            for (var e : row.entrySet()) {
                if (e.getKey().equals("source") || e.getKey().equals("id")) {
                    continue;
                }
                int f = profile.fieldIndex(e.getKey());
                if (f < 0) {
                    throw new IllegalArgumentException("no field " + e.getKey());
                }
                values[f] = e.getValue();
            }
            int source = b.addSource(row.getOrDefault("source", "a"));
            b.add(source, row.getOrDefault("id", String.valueOf(r + 1)), values);
        }
        return b.build();
    }

    public static PreparedRecords prepare(MatchProfile profile, List<Map<String, String>> rows) {
        return PreparedRecords.prepare(table(profile, rows), profile, ProgressListener.NONE, CancellationToken.NONE);
    }

    @SafeVarargs
    public static PreparedRecords person(Map<String, String>... rows) {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        for (Map<String, String> r : rows) {
            list.add(r);
        }
        return prepare(PERSON, list);
    }

    /** person-de with other blocking rules and limits. */
    public static MatchProfile withBlocking(MatchProfile p, List<BlockingRuleSpec> rules, BlockingLimits limits) {
        return new MatchProfile(p.name(), p.description(), p.fields(), p.composites(), p.comparisons(), rules,
                limits, p.sortKey(), p.contradictions(), p.model(), p.threshold());
    }

    /** person-de with other comparisons. */
    public static MatchProfile withComparisons(MatchProfile p, List<ComparisonSpec> comparisons) {
        return new MatchProfile(p.name(), p.description(), p.fields(), p.composites(), comparisons, p.blocking(),
                p.limits(), p.sortKey(), p.contradictions(), p.model(), p.threshold());
    }

    /** person-de with other contradiction rules. */
    public static MatchProfile withContradictions(MatchProfile p, List<ContradictionSpec> contradictions) {
        return new MatchProfile(p.name(), p.description(), p.fields(), p.composites(), p.comparisons(),
                p.blocking(), p.limits(), p.sortKey(), contradictions, p.model(), p.threshold());
    }
}
