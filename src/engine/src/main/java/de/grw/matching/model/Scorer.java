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
        this.minTermFrequency = minTermFrequency;
    }

    public ModelParameters model() {
        return model;
    }

    public CompiledComparisons comparisons() {
        return comparisons;
    }

    /** The match weight of a pair with the given comparison vector. */
    public double weight(long pattern, int a, int b) {
        double w = prior;
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            if (level == 0) {
                continue;
            }
            w += weights[c][level] + tfAdjustment(c, level, a, b);
        }
        return w + differences.weight(pattern);
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
        double u = model.u(c, comparisons.tfReferenceLevel(c, level));
        double tf = (count + priorRecords * u) / (f.presentCount() + priorRecords);
        return ModelParameters.log2(u / Math.max(tf, minTermFrequency));
    }

    /** Each comparison's contribution, term frequencies taken from record {@code a} alone. */
    public List<Contribution> explain(long pattern, int a) {
        return explain(pattern, a, a);
    }

    /**
     * Each comparison's contribution to a pair's weight, in profile order, followed by the difference-count
     * correction ({@link DifferenceCount#NAME}) when the model has one.
     */
    public List<Contribution> explain(long pattern, int a, int b) {
        List<Contribution> out = new ArrayList<>(weights.length + 1);
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            double tf = level == 0 ? 0.0 : tfAdjustment(c, level, a, b);
            double w = level == 0 ? 0.0 : weights[c][level] + tf;
            out.add(new Contribution(comparisons.name(c), comparisons.label(c, level), w, tf != 0.0));
        }
        if (differences.enabled()) {
            out.add(new Contribution(DifferenceCount.NAME,
                    differences.applies(pattern) ? differences.label(pattern) : "missing",
                    differences.weight(pattern), false));
        }
        return out;
    }

    /** Names of the lines {@link #explain} returns, in order. */
    public List<String> explanationNames() {
        List<String> names = new ArrayList<>(comparisons.names());
        if (differences.enabled()) {
            names.add(DifferenceCount.NAME);
        }
        return names;
    }

    /** The prior weight shared by all pairs. */
    public double priorWeight() {
        return prior;
    }
}
