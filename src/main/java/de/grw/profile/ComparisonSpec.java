package de.grw.profile;

import java.util.List;

/**
 * A comparison of one aspect of two records, with ordered levels from strongest agreement downwards. A pair that
 * passes no level falls into the implicit {@code else} level; a pair where {@code fields} are missing on a side
 * falls into the implicit {@code null} level that carries no evidence.
 *
 * @param name   comparison name (e.g. {@code family_name})
 * @param fields fields this comparison looks at; the pair is "missing" when no listed field is present on both sides
 * @param levels agreement levels, strongest first
 */
public record ComparisonSpec(String name, List<String> fields, List<LevelSpec> levels) {
    public ComparisonSpec {
        fields = List.copyOf(fields);
        levels = List.copyOf(levels);
    }
}
