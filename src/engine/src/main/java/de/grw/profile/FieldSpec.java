package de.grw.profile;

import java.util.List;
import java.util.Map;

/**
 * One field of the canonical schema of a profile.
 *
 * @param name    stable field name used in mappings, comparisons and exports (e.g. {@code family_name})
 * @param type    how cells are parsed
 * @param normaliser registered name of the normaliser that gives the comparable form (default {@code text})
 * @param aliases header names that map to this field (any spelling; compared after header normalisation)
 * @param parts   for dates: aliases of columns that hold only a part, keyed by {@code year}, {@code month}, {@code day}
 * @param labels  display labels by language tag ({@code de}, {@code en})
 * @param years   for dates: the plausible years ({@link YearRange#LIVING} when absent)
 */
public record FieldSpec(String name, FieldType type, String normaliser, List<String> aliases, Map<String, List<String>> parts,
                        Map<String, String> labels, YearRange years) {
    public FieldSpec {
        years = years == null ? YearRange.LIVING : years;
        normaliser = normaliser == null ? "text" : normaliser;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        parts = parts == null ? Map.of() : Map.copyOf(parts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A field with the default plausible years. */
    public FieldSpec(String name, FieldType type, String normaliser, List<String> aliases,
                     Map<String, List<String>> parts, Map<String, String> labels) {
        this(name, type, normaliser, aliases, parts, labels, null);
    }

    /** The label in the given language, falling back to German, then the name. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.getOrDefault("de", name));
    }
}
