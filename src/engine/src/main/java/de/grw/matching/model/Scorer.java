package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedField;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns comparison vectors into match weights and probabilities with the estimated model, including the
 * term-frequency adjustment: agreeing on a rare value (Przybyszewski) is stronger evidence than agreeing on a
 * frequent one (Müller). The weight of an exact agreement on value {@code v} becomes {@code log2(m / tf(v))}
 * instead of {@code log2(m / u)}, where {@code tf(v)} is the share of records carrying {@code v}.
 */
public final class Scorer {
    private final CompiledComparisons comparisons;
    private final ModelParameters model;
    private final double[][] weights;
    private final double prior;
    private final double minTermFrequency;
    private final double priorRecords;
    private final DifferenceCount differences;
    private final HouseholdClass[] households;
    /** Per household class, weights against it {@code log2(m / h)} by comparison and level. */
    private final double[][][] householdWeights;
    private final double[] householdPriors;

    public Scorer(CompiledComparisons comparisons, ModelParameters model, double minTermFrequency) {
        this(comparisons, model, minTermFrequency, 0);
    }

    /**
     * @param priorRecords weight, in records, of the level's u as the frequency of an unseen value: in a small file
     *                     a value seen twice is not thereby frequent (0 switches this off)
     */
    public Scorer(CompiledComparisons comparisons, ModelParameters model, double minTermFrequency,
                  double priorRecords) {
        this.priorRecords = priorRecords;
        this.comparisons = comparisons;
        this.model = model;
        this.weights = model.weights();
        this.differences = model.differences();
        this.prior = model.priorWeight();
        this.households = model.households().toArray(new HouseholdClass[0]);
        this.householdWeights = new double[households.length][][];
        this.householdPriors = new double[households.length];
        for (int j = 0; j < households.length; j++) {
            householdWeights[j] = model.householdWeights(j);
            householdPriors[j] = model.householdPriorWeight(j);
        }
        this.minTermFrequency = minTermFrequency;
    }

    /** A scorer of the same model over other comparisons of the same profile, sharing this one's weight tables. */
    private Scorer(Scorer from, CompiledComparisons comparisons) {
        this.priorRecords = from.priorRecords;
        this.comparisons = comparisons;
        this.model = from.model;
        this.weights = from.weights;
        this.differences = from.differences;
        this.prior = from.prior;
        this.households = from.households;
        this.householdWeights = from.householdWeights;
        this.householdPriors = from.householdPriors;
        this.minTermFrequency = from.minTermFrequency;
    }

    /**
     * The same model and settings over other comparisons of the same profile (the link index binds the comparisons
     * to each call's few records), without computing the weight tables again.
     */
    public Scorer rebind(CompiledComparisons other) {
        if (other.count() != comparisons.count()) {
            throw new IllegalArgumentException(other.count() + " comparisons, expected " + comparisons.count());
        }
        return new Scorer(this, other);
    }

    public ModelParameters model() {
        return model;
    }

    public CompiledComparisons comparisons() {
        return comparisons;
    }

    /**
     * The match weight of a pair with the given comparison vector: {@code log2(P(match) / P(no match))}. For a pair
     * that can belong to a household class ({@link HouseholdClass}) the alternative is a pair of that class or
     * another pair: {@code -log2(2^-w_others + sum 2^-w_class)}.
     */
    public double weight(long pattern, int a, int b) {
        double w = prior;
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            if (level == 0) {
                continue;
            }
            w += weights[c][level] + tfAdjustment(c, level, a, b);
        }
        double correction = differences.weight(pattern);
        for (int j = 0; j < households.length; j++) {
            if (households[j].eligible(pattern)) {
                w = combine(w, householdWeight(j, pattern));
            }
        }
        return w + correction;
    }

    /** The weight against household class {@code j} alone, without the difference-count correction. */
    private double householdWeight(int j, long pattern) {
        double[][] hw = householdWeights[j];
        double w = householdPriors[j];
        for (int c = 0; c < hw.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            if (level != 0) {
                w += hw[c][level];
            }
        }
        return w;
    }

    /** {@code -log2(2^-a + 2^-b)}: the weight against either of two alternatives. */
    static double combine(double a, double b) {
        double low = Math.min(a, b);
        double gap = Math.abs(a - b);
        return low - ModelParameters.log2(1 + Math.pow(2, -gap));
    }

    /** Probability from a match weight. */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2.0, -weight));
    }

    /**
     * The term-frequency adjustment of a level: {@code log2(u / tf)}, where {@code u} belongs to the comparison's
     * first level adjusted on the same field (its exact level) and {@code tf} is the share of records carrying the
     * more frequent of the two values. On an exact level both values are the same; on a fuzzy level ("one typo")
     * this makes a slip in a rare name strong evidence and a near-miss between two common names
     * (Schmitt, Schmidt) weak.
     */
    private double tfAdjustment(int c, int level, int a, int b) {
        PreparedField f = comparisons.tfField(c, level);
        if (f == null) {
            return 0.0;
        }
        int ia = f.id(a);
        int ib = f.id(b);
        if (ia < 0 || f.presentCount() == 0) {
            return 0.0;
        }
        int count = ib < 0 ? f.count(ia) : Math.max(f.count(ia), f.count(ib));
        return tfAdjustment(model.u(c, comparisons.tfReferenceLevel(c, level)), count, f.presentCount());
    }

    /**
     * The term-frequency adjustment {@code log2(u / tf)} of a level whose reference u is {@code u}, for the more
     * frequent of the two values carried by {@code count} of the {@code present} records with a value.
     */
    double tfAdjustment(double u, int count, int present) {
        double tf = (count + priorRecords * u) / (present + priorRecords);
        return ModelParameters.log2(u / Math.max(tf, minTermFrequency));
    }

    /**
     * The weights of the pairs of a run whose comparison vectors are numbered: what depends on a vector alone
     * computed once per vector ({@link PatternScorer}); the same weights as {@link #weight}.
     *
     * @param patterns the distinct vectors, by number
     */
    public PatternScorer byPattern(long[] patterns) {
        return new PatternScorer(this, patterns);
    }

    int comparisonCount() {
        return weights.length;
    }

    /** The weight {@code log2(m/u)} of a comparison's level, before term frequencies. */
    double levelWeight(int c, int level) {
        return weights[c][level];
    }

    /** How many household classes a vector is eligible for. */
    int eligibleClasses(long pattern) {
        int n = 0;
        for (HouseholdClass h : households) {
            if (h.eligible(pattern)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The weights against the household classes a vector is eligible for, in class order, written to {@code out}
     * from {@code at}; returns the position after them.
     */
    int householdWeights(long pattern, double[] out, int at) {
        for (int j = 0; j < households.length; j++) {
            if (households[j].eligible(pattern)) {
                out[at++] = householdWeight(j, pattern);
            }
        }
        return at;
    }

    /** The difference-count correction of a vector. */
    double correction(long pattern) {
        return differences.weight(pattern);
    }

    /** Each comparison's contribution, term frequencies taken from record {@code a} alone. */
    public List<Contribution> explain(long pattern, int a) {
        return explain(pattern, a, a);
    }

    /**
     * Each comparison's contribution to a pair's weight, in profile order, followed by the difference-count
     * correction ({@link DifferenceCount#NAME}) when the model has one. The lines weigh the pair against its most
     * likely alternative ({@link Contribution#versus()}): two people taken at random, or, for a pair that looks most
     * like two people of one household, a pair of that household class ("gleicher Haushalt: Vornamen verschieden
     * -9,3"). With {@link #priorWeight(long, int, int)} they add up to {@link #weight}.
     */
    public List<Contribution> explain(long pattern, int a, int b) {
        List<Contribution> out = new ArrayList<>(weights.length + 1);
        int versusClass = versus(pattern, a, b);
        String versus = versusClass < 0 ? Contribution.OTHERS : households[versusClass].name();
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            double tf = level == 0 || versusClass >= 0 ? 0.0 : tfAdjustment(c, level, a, b);
            double w = level == 0 ? 0.0
                    : versusClass >= 0 ? householdWeights[versusClass][c][level] : weights[c][level] + tf;
            out.add(new Contribution(comparisons.name(c), comparisons.label(c, level), w, tf != 0.0, versus));
        }
        if (differences.enabled()) {
            out.add(new Contribution(DifferenceCount.NAME,
                    differences.applies(pattern) ? differences.label(pattern) : "missing",
                    differences.weight(pattern), false, versus));
        }
        return out;
    }

    /**
     * The most likely alternative to a match: the index of a household class, or -1 for two people taken at random.
     */
    public int versus(long pattern, int a, int b) {
        int best = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < households.length; j++) {
            if (households[j].eligible(pattern)) {
                double w = householdWeight(j, pattern);
                if (w < lowest) {
                    lowest = w;
                    best = j;
                }
            }
        }
        return best < 0 || lowest >= weightAgainstOthers(pattern, a, b) ? -1 : best;
    }

    private double weightAgainstOthers(long pattern, int a, int b) {
        double w = prior;
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            if (level != 0) {
                w += weights[c][level] + tfAdjustment(c, level, a, b);
            }
        }
        return w;
    }

    /**
     * The prior weight of one pair's explanation: against the alternative its lines refer to ({@link #versus}),
     * plus the share of the other alternatives (at most a few bits, none for a pair that cannot belong to a
     * household); with the lines it adds up to the pair's weight.
     */
    public double priorWeight(long pattern, int a, int b) {
        double others = weightAgainstOthers(pattern, a, b);
        double all = others;
        boolean eligible = false;
        for (int j = 0; j < households.length; j++) {
            if (households[j].eligible(pattern)) {
                all = combine(all, householdWeight(j, pattern));
                eligible = true;
            }
        }
        if (!eligible) {
            return prior;
        }
        int v = versus(pattern, a, b);
        return v < 0 ? prior + all - others : householdPriors[v] + all - householdWeight(v, pattern);
    }

    /** Names of the lines {@link #explain} returns, in order. */
    public List<String> explanationNames() {
        List<String> names = new ArrayList<>(comparisons.names());
        if (differences.enabled()) {
            names.add(DifferenceCount.NAME);
        }
        return names;
    }

    /** The prior weight against two people taken at random (shared by all pairs not weighed against households). */
    public double priorWeight() {
        return prior;
    }
}
