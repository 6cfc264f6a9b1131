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

    public Scorer(CompiledComparisons comparisons, ModelParameters model, double minTermFrequency) {
        this.comparisons = comparisons;
        this.model = model;
        this.weights = model.weights();
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
            w += weights[c][level] + tfAdjustment(c, level, a);
        }
        return w;
    }

    /** Probability from a match weight. */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2.0, -weight));
    }

    private double tfAdjustment(int c, int level, int a) {
        PreparedField f = comparisons.tfField(c, level);
        if (f == null) {
            return 0.0;
        }
        int id = f.id(a);
        if (id < 0 || f.presentCount() == 0) {
            return 0.0;
        }
        double tf = Math.max((double) f.count(id) / f.presentCount(), minTermFrequency);
        return ModelParameters.log2(model.u(c, level) / tf);
    }

    /** Each comparison's contribution to a pair's weight, in profile order. */
    public List<Contribution> explain(long pattern, int a) {
        List<Contribution> out = new ArrayList<>(weights.length);
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            double tf = level == 0 ? 0.0 : tfAdjustment(c, level, a);
            double w = level == 0 ? 0.0 : weights[c][level] + tf;
            out.add(new Contribution(comparisons.name(c), comparisons.label(c, level), w, tf != 0.0));
        }
        return out;
    }

    /** The prior weight shared by all pairs. */
    public double priorWeight() {
        return prior;
    }
}
