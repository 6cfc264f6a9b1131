package de.grw.matching.cluster;

import de.grw.matching.model.Scorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What a threshold would make of a run's scored pairs, for a chart before the run's clusters are reviewed: a
 * histogram of the pairs' match weights (bits) and, for a set of candidate thresholds, how many pairs lie at or above
 * each and how many clusters of more than one record they form. The clusters are the connected components of the
 * pairs at or above the threshold (plain union-find: the run's own clustering also refuses contradictory links, so
 * it may form a few more, smaller clusters). One pass over the pairs sorted by weight, highest first, serves all
 * thresholds: O(p log p) for p pairs.
 */
public final class ThresholdSweep {
    /** The most bins the histogram has; wider ranges get wider bins. */
    static final int MAX_BINS = 40;
    /** Weights beyond these bounds count in the outermost bins. */
    static final int LOWEST = -40;
    static final int HIGHEST = 40;

    private ThresholdSweep() {
    }

    /** One bin of the histogram: pairs with {@code from <= weight < to} (the outermost bins take what lies beyond). */
    public record Bin(double from, double to, long pairs) {
    }

    /** At a threshold (a probability): the pairs at or above it and the clusters of more than one record they form. */
    public record Step(double threshold, long pairs, long clusters) {
    }

    /** The histogram and the steps, thresholds ascending. */
    public record Figures(List<Bin> bins, List<Step> steps) {
        public Figures {
            bins = List.copyOf(bins);
            steps = List.copyOf(steps);
        }
    }

    /** The candidate thresholds: 0.01 to 0.99 by 0.01, 0.995, 0.999, and the run's own; ascending. */
    public static double[] candidates(double runThreshold) {
        TreeSet<Double> out = new TreeSet<>();
        for (int i = 1; i <= 99; i++) {
            out.add(i / 100.0);
        }
        out.add(0.995);
        out.add(0.999);
        if (runThreshold > 0 && runThreshold < 1) {
            out.add(runThreshold);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param records    the number of records (indexes {@code 0 .. records-1})
     * @param pairs      the pairs, packed as {@link de.grw.matching.blocking.CandidatePairs#pack}
     * @param weights    each pair's match weight
     * @param thresholds the candidate thresholds (probabilities), any order
     */
    public static Figures compute(int records, long[] pairs, float[] weights, double[] thresholds) {
        if (pairs.length != weights.length) {
            throw new IllegalArgumentException("pairs and weights differ in length");
        }
        return new Figures(histogram(weights), steps(records, pairs, weights, thresholds));
    }

    static List<Bin> histogram(float[] weights) {
        if (weights.length == 0) {
            return List.of();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float w : weights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        int lo = (int) Math.max(LOWEST, Math.floor(min));
        int hi = (int) Math.min(HIGHEST, Math.floor(max) + 1);
        if (hi <= lo) {
            hi = lo + 1;
        }
        int width = Math.max(1, (hi - lo + MAX_BINS - 1) / MAX_BINS);
        int count = (hi - lo + width - 1) / width;
        long[] counts = new long[count];
        for (float w : weights) {
            int b = (int) Math.floor((w - lo) / width);
            counts[Math.max(0, Math.min(count - 1, b))]++;
        }
        List<Bin> bins = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            bins.add(new Bin(lo + (double) b * width, lo + (double) (b + 1) * width, counts[b]));
        }
        return bins;
    }

    static List<Step> steps(int records, long[] pairs, float[] weights, double[] thresholds) {
        double[] ts = thresholds.clone();
        Arrays.sort(ts);
        int[] order = byWeightDescending(weights);
        int[] parent = new int[records];
        int[] size = new int[records];
        for (int i = 0; i < records; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        long clusters = 0;
        int next = 0;
        Step[] out = new Step[ts.length];
        for (int k = ts.length - 1; k >= 0; k--) {
            double t = ts[k];
            while (next < order.length && Scorer.probability(weights[order[next]]) >= t) {
                long pair = pairs[order[next++]];
                int a = find(parent, (int) (pair >>> 32));
                int b = find(parent, (int) pair);
                if (a == b) {
                    continue;
                }
                // two single records make a new cluster; two clusters become one; a single joining one: no change
                boolean aSingle = size[a] == 1;
                boolean bSingle = size[b] == 1;
                clusters += aSingle && bSingle ? 1 : !aSingle && !bSingle ? -1 : 0;
                if (size[a] < size[b]) {
                    int x = a;
                    a = b;
                    b = x;
                }
                parent[b] = a;
                size[a] += size[b];
            }
            out[k] = new Step(t, next, clusters);
        }
        return List.of(out);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Pair indexes by weight, highest first (a sort of packed keys: sortable weight bits, then the index). */
    private static int[] byWeightDescending(float[] weights) {
        long[] keys = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int bits = Float.floatToIntBits(weights[i] == 0.0f ? 0.0f : weights[i]);
            int sortable = bits < 0 ? bits ^ 0x7fffffff : bits;
            keys[i] = ((long) sortable << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[keys.length - 1 - i];
        }
        return order;
    }
}
