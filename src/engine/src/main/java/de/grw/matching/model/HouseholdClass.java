package de.grw.matching.model;

import com.fasterxml.jackson.annotation.JsonValue;
import de.grw.matching.compare.CompiledComparisons;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The third latent class of the model: two different people of one household.
 *
 * <p>Plain Fellegi-Sunter knows two classes, matches and non-matches, and treats a non-matching pair's comparisons as
 * independent. People who live together break that: they share family name and address (and often birth place and
 * nationality) far more often than independence says, so the evidence of family name and address is counted twice,
 * and a twin or a junior looks like a duplicate with a mistyped given name or birth date. In the spirit of Winkler's
 * three-class EM the model therefore has a household class {@code H} beside matches {@code M} and other pairs
 * {@code U}:
 * <pre>
 *   P(levels) = lambda_M m(levels) + lambda_H h(levels) + lambda_U u(levels)
 * </pre>
 * with independent comparisons inside each class. A pair can belong to {@code H} only when the household comparisons
 * (family name, address) are at one of the profile's household levels ({@link #eligible(long)}); inside the class
 * their levels follow {@code h} as well. For such a pair the match weight is
 * {@code log2(lambda_M m / (lambda_H h + lambda_U u))}: it weighs the evidence against the more likely of the two
 * alternatives, so different given names, opposite sex or different tax ids count what they count <em>inside a
 * household</em> ({@code log2(m / h)}), and the shared family name and address count nothing twice.
 *
 * <p>{@code h} and {@code lambda_H} are estimated without labels by EM over the candidate pairs ({@code EmTrainer}),
 * which include every pair of one household through the household blocking rule, so the estimate does not depend on
 * which other candidates blocking lets in.
 */
public final class HouseholdClass implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No household class: the two-class model. */
    public static final HouseholdClass NONE = new HouseholdClass("none", new int[0], new boolean[0][],
            new boolean[0], new double[0][], 0);

    private final String name;
    private final int[] comparisons;
    private final boolean[][] eligible;
    private final boolean[] asStrangers;
    private final double[][] h;
    private final double lambda;

    /**
     * @param name        class name (explanation lines say what the pair is weighed against)
     * @param comparisons the household comparisons' indices
     * @param eligible    per household comparison (in the order of {@code comparisons}), per level: whether a pair at
     *                    that level can belong to one household
     * @param asStrangers per comparison: the class keeps {@code h = u} there (two strangers), it does not learn it
     * @param h           level shares among household pairs, per comparison (all comparisons) and level
     * @param lambda      share of household pairs among all record pairs
     */
    public HouseholdClass(String name, int[] comparisons, boolean[][] eligible, boolean[] asStrangers, double[][] h,
                          double lambda) {
        this.name = name;
        this.asStrangers = asStrangers.clone();
        this.comparisons = comparisons.clone();
        this.eligible = new boolean[eligible.length][];
        for (int j = 0; j < eligible.length; j++) {
            this.eligible[j] = eligible[j].clone();
        }
        this.h = ModelParameters.deepCopy(h);
        this.lambda = lambda;
    }

    /** The class with new parameters, same eligibility. */
    public HouseholdClass with(double[][] newH, double newLambda) {
        return new HouseholdClass(name, comparisons, eligible, asStrangers, newH, newLambda);
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return comparisons.length > 0 && lambda > 0;
    }

    /** Whether the model knows a household class at all (it may have found no households: {@link #enabled()}). */
    public boolean configured() {
        return comparisons.length > 0;
    }

    /** Whether a pair with this comparison vector can belong to one household. */
    public boolean eligible(long pattern) {
        for (int j = 0; j < comparisons.length; j++) {
            boolean[] e = eligible[j];
            int level = CompiledComparisons.level(pattern, comparisons[j]);
            if (level >= e.length || !e[level]) {
                return false;
            }
        }
        return comparisons.length > 0;
    }

    /** Whether a household comparison may sit at this level inside the class. */
    public boolean eligibleLevel(int comparison, int level) {
        for (int j = 0; j < comparisons.length; j++) {
            if (comparisons[j] == comparison) {
                return level < eligible[j].length && eligible[j][level];
            }
        }
        return true;
    }

    /** Whether the class keeps a comparison at {@code h = u} instead of learning it. */
    public boolean asStrangers(int comparison) {
        return comparison < asStrangers.length && asStrangers[comparison];
    }

    /** Indices of the household comparisons. */
    public int[] comparisons() {
        return comparisons.clone();
    }

    public double lambda() {
        return lambda;
    }

    public double h(int comparison, int level) {
        return h[comparison][level];
    }

    /** A copy of the level shares. */
    public double[][] h() {
        return ModelParameters.deepCopy(h);
    }

    /** The stored form (in the workspace's record of a match run). */
    @JsonValue
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("comparisons", comparisons.clone());
        out.put("lambda", lambda);
        out.put("h", ModelParameters.deepCopy(h));
        return out;
    }

    @Override
    public String toString() {
        return "HouseholdClass[" + name + ", lambda=" + lambda + ", comparisons=" + Arrays.toString(comparisons) + "]";
    }
}
