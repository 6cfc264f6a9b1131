package de.grw.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The household classes of the model: kinds of pairs of two different people that agree on much more than two
 * strangers do, because they belong to one family. A twin, a junior with his father's given name, a sibling or a
 * spouse agrees on family name and address as a matter of course; twins agree on birth date and birth place as
 * well. The model gives each kind a latent class of its own beside matches and other pairs (see
 * {@code HouseholdClass}).
 *
 * @param classes    the classes, each with the comparison levels a pair must be at to belong to it
 * @param priorPairs weight, in pairs of the class, of the starting values (for comparisons the class does not
 *                   constrain: their u) that its level shares are drawn towards: decisive for a file with a handful of
 *                   families, a rounding error for a register
 * @param blocking   rules that find the pairs of one household (family name with street and house number) for the
 *                   estimate only: EM sees every pair of one household, whichever candidates the profile's blocking
 *                   lets in, without these pairs being compared, scored and clustered as candidates. Household pairs
 *                   that are candidates anyway count once
 * @param samplePairs at most this many of the household pairs that are no candidates are compared for the estimate,
 *                   drawn evenly and counted for all (default 100,000: enough to know the share of every comparison
 *                   vector that matters to a fraction of a percent)
 */
public record HouseholdSpec(List<ClassSpec> classes, double priorPairs, List<BlockingRuleSpec> blocking,
                            int samplePairs) {
    /** Default of {@link #samplePairs}. */
    public static final int SAMPLE_PAIRS = 100_000;

    public HouseholdSpec {
        classes = classes == null ? List.of() : List.copyOf(classes);
        priorPairs = priorPairs <= 0 ? 20 : priorPairs;
        blocking = blocking == null ? List.of() : List.copyOf(blocking);
        samplePairs = samplePairs <= 0 ? SAMPLE_PAIRS : samplePairs;
    }

    /** Classes without household blocking rules: EM sees the household pairs among the candidates. */
    public HouseholdSpec(List<ClassSpec> classes, double priorPairs) {
        this(classes, priorPairs, List.of(), 0);
    }

    /**
     * One household class.
     *
     * @param name       class name, shown in the explanation ({@code household}: "gleicher Haushalt", {@code twins})
     * @param levels     per comparison, the levels at which a pair can belong to the class; a pair belongs to it
     *                   only when every listed comparison is at one of its listed levels
     * @param asStrangers comparisons on which two members of the class agree no more than two strangers (their
     *                   identifiers, their given names, their sex): the class takes their u instead of learning
     *                   them. This is what makes the class a class of <em>different</em> people: free on these, EM
     *                   can turn it into a second class of duplicates
     */
    public record ClassSpec(String name, Map<String, List<String>> levels, List<String> asStrangers) {
        public ClassSpec {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            if (levels != null) {
                levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            }
            levels = java.util.Collections.unmodifiableMap(copy);
            asStrangers = asStrangers == null ? List.of() : List.copyOf(asStrangers);
        }

        /** A class that learns every comparison it does not constrain. */
        public ClassSpec(String name, Map<String, List<String>> levels) {
            this(name, levels, List.of());
        }
    }
}
