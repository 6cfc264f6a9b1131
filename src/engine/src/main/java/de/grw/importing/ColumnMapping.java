package de.grw.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * How the columns of one source map onto the profile's fields.
 *
 * @param columns column names as in the file
 * @param targets one target per column
 * @param reasons for each column, why this target was chosen ("alias 'plz'", "mapping file", "no match")
 */
public record ColumnMapping(List<String> columns, List<ColumnTarget> targets, List<String> reasons) {
    public ColumnMapping {
        columns = List.copyOf(columns);
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
        if (columns.size() != targets.size() || columns.size() != reasons.size()) {
            throw new IllegalArgumentException("one target and reason per column");
        }
    }

    /** The lines a user reads to check the mapping: {@code "Familienname" -> family_name (alias ...)}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            lines.add(String.format("  %-28s -> %-28s %s", '"' + columns.get(i) + '"', targets.get(i).describe(),
                    reasons.get(i)));
        }
        return lines;
    }

    /** Indexes of columns kept as extras. */
    public List<Integer> extraColumns() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof ColumnTarget.Extra) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether some column fills the given field, directly, as a date part or through a composite's targets. */
    public boolean covers(String field, de.grw.profile.MatchProfile profile) {
        for (ColumnTarget t : targets) {
            if (t instanceof ColumnTarget.Field f && f.field().equals(field)) {
                return true;
            }
            if (t instanceof ColumnTarget.DatePart d && d.field().equals(field)) {
                return true;
            }
            if (t instanceof ColumnTarget.Composite c && profile.composites().stream()
                    .anyMatch(s -> s.name().equals(c.composite()) && s.targets().contains(field))) {
                return true;
            }
        }
        return false;
    }
}
