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
 * @param reference reference m and u values (one per level, then one for "else") that small inputs lean on, or
 *                  {@code null}
 * @param stage     estimation stage: 1 (default) for the identity fields; 2 for fields that people of one household
 *                  share (the address), whose m probabilities are estimated only after the identity fields have
 *                  been, so that household members cannot pose as duplicates during estimation
 */
public record ComparisonSpec(String name, List<String> fields, List<LevelSpec> levels, Reference reference,
                             int stage) {
    public ComparisonSpec {
        fields = List.copyOf(fields);
        levels = List.copyOf(levels);
        stage = stage == 0 ? 1 : stage;
    }

    /** A stage-1 comparison without reference values. */
    public ComparisonSpec(String name, List<String> fields, List<LevelSpec> levels) {
        this(name, fields, levels, null, 1);
    }

    /**
     * Reference probabilities of a comparison's levels, estimated once on a large realistic population.
     *
     * @param m m per level, then "else"
     * @param u u per level, then "else"
     */
    public record Reference(List<Double> m, List<Double> u) {
        public Reference {
            m = List.copyOf(m);
            u = List.copyOf(u);
        }
    }
}
