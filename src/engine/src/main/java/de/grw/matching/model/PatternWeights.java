package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;

/**
 * A model's match weight of a comparison vector alone, without term frequencies (they need the records): the same
 * sum the scorer forms, prior, level weights, the household alternatives and the difference-count correction. What
 * a retraining from kept counts scores with (issue 15).
 */
public final class PatternWeights {
    private final ModelParameters model;
    private final double[][] weights;
    private final double prior;
    private final HouseholdClass[] households;
    private final double[][][] householdWeights;
    private final double[] householdPriors;

    public PatternWeights(ModelParameters model) {
        this.model = model;
        this.weights = model.weights();
        this.prior = model.priorWeight();
        this.households = model.households().toArray(new HouseholdClass[0]);
        this.householdWeights = new double[households.length][][];
        this.householdPriors = new double[households.length];
        for (int j = 0; j < households.length; j++) {
            householdWeights[j] = model.householdWeights(j);
            householdPriors[j] = model.householdPriorWeight(j);
        }
    }

    /** The weight of a comparison vector, in bits. */
    public double weight(long pattern) {
        double w = prior;
        for (int c = 0; c < weights.length; c++) {
            int level = CompiledComparisons.level(pattern, c);
            if (level != 0) {
                w += weights[c][level];
            }
        }
        for (int j = 0; j < households.length; j++) {
            if (households[j].eligible(pattern)) {
                double h = householdPriors[j];
                for (int c = 0; c < weights.length; c++) {
                    int level = CompiledComparisons.level(pattern, c);
                    if (level != 0) {
                        h += householdWeights[j][c][level];
                    }
                }
                double low = Math.min(w, h);
                w = low - Math.log1p(Math.pow(2, -Math.abs(w - h))) / Math.log(2);
            }
        }
        return w + model.differences().weight(pattern);
    }
}
