package de.grw.profile;

import java.util.List;
import java.util.Optional;

/**
 * Everything the engine needs to match one entity type: the canonical schema, how to read columns into it, how to
 * compare records, how to find candidate pairs and when to cluster. Profiles are JSON files (see
 * {@code resources/profiles/}); {@link ProfileLoader} reads and validates them.
 *
 * @param name         profile name (e.g. {@code person-de})
 * @param description  one line for users
 * @param fields       canonical fields
 * @param composites   combined columns and how to split them
 * @param comparisons  comparisons of the probabilistic model
 * @param blocking     blocking rules; their union gives the candidate pairs
 * @param training     blocking rules for estimating the m probabilities: each gives a training set in which the
 *                     comparisons on the rule's own fields are left out (they agree by construction)
 * @param limits       block size limits
 * @param sortKey      fields whose normalised values order records inside oversized blocks
 * @param contradictions rules that keep records out of one cluster
 * @param model        model estimation settings
 * @param threshold    default match probability from which a pair links two records in a cluster
 */
public record MatchProfile(String name, String description, List<FieldSpec> fields, List<CompositeSpec> composites,
                           List<ComparisonSpec> comparisons, List<BlockingRuleSpec> blocking,
                           List<BlockingRuleSpec> training, BlockingLimits limits,
                           List<String> sortKey, List<ContradictionSpec> contradictions, ModelSpec model,
                           double threshold) {

    public MatchProfile {
        fields = List.copyOf(fields);
        composites = composites == null ? List.of() : List.copyOf(composites);
        comparisons = List.copyOf(comparisons);
        blocking = List.copyOf(blocking);
        training = training == null ? List.of() : List.copyOf(training);
        sortKey = sortKey == null ? List.of() : List.copyOf(sortKey);
        contradictions = contradictions == null ? List.of() : List.copyOf(contradictions);
    }

    /** A profile without training rules (the model is estimated in stages on the candidate pairs). */
    public MatchProfile(String name, String description, List<FieldSpec> fields, List<CompositeSpec> composites,
                        List<ComparisonSpec> comparisons, List<BlockingRuleSpec> blocking, BlockingLimits limits,
                        List<String> sortKey, List<ContradictionSpec> contradictions, ModelSpec model,
                        double threshold) {
        this(name, description, fields, composites, comparisons, blocking, List.of(), limits, sortKey,
                contradictions, model, threshold);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Position of a field in {@link #fields()}, or -1. */
    public int fieldIndex(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** The field holding the source's record id, if the profile has one. */
    public Optional<FieldSpec> idField() {
        return fields.stream().filter(f -> f.type() == FieldType.ID).findFirst();
    }

    /** A copy with another default threshold. */
    public MatchProfile withThreshold(double newThreshold) {
        return new MatchProfile(name, description, fields, composites, comparisons, blocking, training, limits, sortKey,
                contradictions, model, newThreshold);
    }
}
