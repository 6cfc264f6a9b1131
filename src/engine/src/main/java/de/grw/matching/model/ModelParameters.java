package de.grw.matching.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The estimated Fellegi-Sunter model: for each comparison and level the probability {@code m} of that level among
 * matching pairs and {@code u} among random (non-matching) pairs, and the prior {@code lambda} that two random
 * records match. Level 0 ("missing") carries no evidence and has no parameters.
 *
 * @param comparisons comparison names
 * @param labels      level labels per comparison (index 0 is "missing")
 * @param m           m probabilities per comparison and level
 * @param u           u probabilities per comparison and level
 * @param lambda      prior probability that a random pair matches
 * @param iterations  EM iterations run
 * @param converged   whether EM converged within its iteration limit
 * @param differences correction for differences that occur together among matches ({@link DifferenceCount#NONE}:
 *                    none)
 * @param households  the household classes (none: the two-class model); {@code lambda}, their shares and the
 *                    share of other pairs add up to 1
 */
public record ModelParameters(List<String> comparisons, List<List<String>> labels, double[][] m, double[][] u,
                              double lambda, int iterations, boolean converged, DifferenceCount differences,
                              List<HouseholdClass> households) implements java.io.Serializable {

    /** A model without household class. */
    public ModelParameters(List<String> comparisons, List<List<String>> labels, double[][] m, double[][] u,
                           double lambda, int iterations, boolean converged, DifferenceCount differences) {
        this(comparisons, labels, m, u, lambda, iterations, converged, differences, List.of());
    }

    /** A model without difference-count correction. */
    public ModelParameters(List<String> comparisons, List<List<String>> labels, double[][] m, double[][] u,
                           double lambda, int iterations, boolean converged) {
        this(comparisons, labels, m, u, lambda, iterations, converged, DifferenceCount.NONE);
    }

    public ModelParameters {
        differences = differences == null ? DifferenceCount.NONE : differences;
        households = households == null ? List.of()
                : households.stream().filter(HouseholdClass::enabled).toList();
        comparisons = List.copyOf(comparisons);
        labels = labels.stream().map(List::copyOf).toList();
        m = deepCopy(m);
        u = deepCopy(u);
    }

    /** Match weight (log2 Bayes factor) of a level. */
    public double weight(int comparison, int level) {
        if (level == 0) {
            return 0.0;
        }
        return log2(m[comparison][level] / u[comparison][level]);
    }

    /** Weights of all levels, for fast scoring: {@code [comparison][level]}. */
    public double[][] weights() {
        double[][] w = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            w[c] = new double[m[c].length];
            for (int l = 1; l < m[c].length; l++) {
                w[c][l] = weight(c, l);
            }
        }
        return w;
    }

    /** Prior match weight against other pairs: {@code log2(lambda / (1 - lambda - sum lambda_H))}. */
    public double priorWeight() {
        return log2(lambda / (1 - lambda - householdShare()));
    }

    /** Share of all household classes among all record pairs. */
    public double householdShare() {
        double sum = 0;
        for (HouseholdClass h : households) {
            sum += h.lambda();
        }
        return sum;
    }

    /** Prior match weight against household class {@code j}: {@code log2(lambda / lambda_j)}. */
    public double householdPriorWeight(int j) {
        return log2(lambda / households.get(j).lambda());
    }

    /** Weights of all levels against household class {@code j}, {@code log2(m / h)}: {@code [comparison][level]}. */
    public double[][] householdWeights(int j) {
        HouseholdClass household = households.get(j);
        double[][] w = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            w[c] = new double[m[c].length];
            for (int l = 1; l < m[c].length; l++) {
                double h = household.h(c, l);
                w[c][l] = h > 0 ? log2(m[c][l] / h) : Double.POSITIVE_INFINITY;
            }
        }
        return w;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** A readable table of the model, one line per level. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("prior: lambda = %.3g (weight %.2f), EM %s after %d iterations", lambda,
                priorWeight(), converged ? "converged" : "stopped", iterations));
        for (int c = 0; c < comparisons.size(); c++) {
            for (int l = 1; l < m[c].length; l++) {
                lines.add(String.format("  %-20s %-28s m=%.4f u=%.6f weight=%+.2f", comparisons.get(c),
                        labels.get(c).get(l), m[c][l], u[c][l], weight(c, l)));
            }
        }
        for (int j = 0; j < households.size(); j++) {
            HouseholdClass household = households.get(j);
            lines.add(String.format("household class %s: lambda = %.3g (match against it: weight %.2f)",
                    household.name(), household.lambda(), householdPriorWeight(j)));
            for (int c = 0; c < comparisons.size(); c++) {
                for (int l = 1; l < m[c].length; l++) {
                    if (household.h(c, l) > 0) {
                        lines.add(String.format("  %-9s %-20s %-28s h=%.4f weight=%+.2f", household.name(),
                                comparisons.get(c), labels.get(c).get(l), household.h(c, l),
                                log2(m[c][l] / household.h(c, l))));
                    }
                }
            }
        }
        if (differences.enabled()) {
            double[] g = differences.factors();
            for (int k = 2; k < g.length; k++) {
                lines.add(String.format("  %-20s %-28s factor=%.4f (joint model, against independent errors)",
                        DifferenceCount.NAME, DifferenceCount.label(k), g[k]));
            }
        }
        return lines;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** A copy of a table of probabilities, row by row. */
    static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public double[][] m() {
        return deepCopy(m);
    }

    @Override
    public double[][] u() {
        return deepCopy(u);
    }
}
