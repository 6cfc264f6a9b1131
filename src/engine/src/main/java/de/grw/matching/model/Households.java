package de.grw.matching.model;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.profile.HouseholdSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the household classes of a run from the profile ({@link HouseholdSpec}) with their starting values. */
public final class Households {
    private Households() {
    }

    /**
     * The household classes before estimation. On the comparisons a class does not constrain, its members look like
     * strangers ({@code h = u}); on those it constrains, their levels are spread as among the candidate pairs that
     * can belong to the class; a third of those pairs are taken for pairs of the class.
     */
    static List<HouseholdClass> start(HouseholdSpec spec, CompiledComparisons comparisons, double[][] u,
                                      PatternCounts candidates, double totalPairs) {
        List<HouseholdClass> out = new ArrayList<>();
        for (HouseholdClass shape : shapes(spec, comparisons)) {
            out.add(start(shape, comparisons, u, candidates, totalPairs));
        }
        return out;
    }

    private static HouseholdClass start(HouseholdClass shape, CompiledComparisons comparisons, double[][] u,
                                        PatternCounts candidates, double totalPairs) {
        int c = comparisons.count();
        double[][] h = new double[c][];
        for (int k = 0; k < c; k++) {
            h[k] = u[k].clone();
        }
        int[] constrained = shape.comparisons();
        double[][] seen = new double[c][];
        for (int k : constrained) {
            seen[k] = new double[comparisons.levelCount(k)];
        }
        long[] patterns = candidates.patterns();
        long[] n = candidates.counts();
        double eligiblePairs = 0;
        for (int p = 0; p < patterns.length; p++) {
            if (shape.eligible(patterns[p])) {
                eligiblePairs += n[p];
                for (int k : constrained) {
                    seen[k][CompiledComparisons.level(patterns[p], k)] += n[p];
                }
            }
        }
        for (int k : constrained) {
            double total = 0;
            for (int l = 1; l < seen[k].length; l++) {
                total += shape.eligibleLevel(k, l) ? seen[k][l] + 1 : 0;
            }
            for (int l = 1; l < seen[k].length; l++) {
                h[k][l] = shape.eligibleLevel(k, l) ? (seen[k][l] + 1) / total : 0;
            }
        }
        double lambda = Math.min(0.1, Math.max(eligiblePairs / 3, 1) / totalPairs);
        return shape.with(h, lambda);
    }

    /** Which comparisons and levels the profile's classes name; no parameters yet. */
    public static List<HouseholdClass> shapes(HouseholdSpec spec, CompiledComparisons comparisons) {
        if (spec == null) {
            return List.of();
        }
        List<HouseholdClass> out = new ArrayList<>();
        for (HouseholdSpec.ClassSpec cls : spec.classes()) {
            out.add(shape(cls, comparisons));
        }
        return out;
    }

    private static HouseholdClass shape(HouseholdSpec.ClassSpec cls, CompiledComparisons comparisons) {
        List<String> names = comparisons.names();
        int[] indices = new int[cls.levels().size()];
        boolean[][] eligible = new boolean[indices.length][];
        int j = 0;
        for (Map.Entry<String, List<String>> e : cls.levels().entrySet()) {
            int k = names.indexOf(e.getKey());
            if (k < 0) {
                throw new IllegalArgumentException("household class '" + cls.name() + "': unknown comparison '"
                        + e.getKey() + "'");
            }
            indices[j] = k;
            List<String> labels = comparisons.labels(k);
            eligible[j] = new boolean[labels.size()];
            for (String level : e.getValue()) {
                int l = labels.indexOf(level);
                if (l < 0) {
                    throw new IllegalArgumentException("household class '" + cls.name() + "': comparison '"
                            + e.getKey() + "' has no level '" + level + "'; known: " + labels);
                }
                eligible[j][l] = true;
            }
            j++;
        }
        boolean[] strangers = new boolean[comparisons.count()];
        for (String comparison : cls.asStrangers()) {
            int k = names.indexOf(comparison);
            if (k < 0) {
                throw new IllegalArgumentException("household class '" + cls.name() + "': unknown comparison '"
                        + comparison + "'");
            }
            strangers[k] = true;
        }
        double[][] empty = new double[comparisons.count()][];
        Arrays.setAll(empty, k -> new double[0]);
        return new HouseholdClass(cls.name(), indices, eligible, strangers, empty, 0);
    }
}
