package de.grw.synthetic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws items with probability proportional to their weight in constant time (Walker's alias method, built with
 * Vose's algorithm). Immutable; the tables depend only on the weights, so draws are reproducible.
 */
final class WeightedSampler<T> {
    private final Object[] items;
    private final double[] probability;
    private final int[] alias;
    private final double[] share;

    WeightedSampler(List<T> items, double[] weights) {
        int n = weights.length;
        if (items.isEmpty() || items.size() != n) {
            throw new IllegalArgumentException("need as many weights as items, and at least one item");
        }
        this.items = items.toArray();
        this.probability = new double[n];
        this.alias = new int[n];
        this.share = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight must be positive: " + items.get(i));
            }
            total += weights[i];
        }
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            share[i] = weights[i] / total;
            scaled[i] = share[i] * n;
            (scaled[i] < 1.0 ? small : large).add(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.poll();
            int l = large.poll();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).add(l);
        }
        for (int i : large) {
            probability[i] = 1.0;
            alias[i] = i;
        }
        for (int i : small) { // only rounding leftovers
            probability[i] = 1.0;
            alias[i] = i;
        }
    }

    @SuppressWarnings("unchecked")
    T sample(SplittableRandom random) {
        int i = random.nextInt(items.length);
        return (T) items[random.nextDouble() < probability[i] ? i : alias[i]];
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        return (T) items[index];
    }

    int size() {
        return items.length;
    }

    /** Probability of the item at {@code index}; used by tests and sanity checks. */
    double probability(int index) {
        return share[index];
    }
}
