package de.grw.matching.data;

import java.util.function.ToDoubleBiFunction;

/**
 * Remembers, per thread, the last similarity computed for a field's pair of values, so that the levels of one
 * comparison ({@code >= 0.92}, then {@code >= 0.80}) compute it once per pair. The similarity function is the
 * caller's (the comparisons own it), so this cache knows nothing of how it is computed.
 */
public final class SimilarityMemo {
    private final ThreadLocal<long[]> lastKey = ThreadLocal.withInitial(() -> new long[] {-1L});
    private final ThreadLocal<double[]> lastValue = ThreadLocal.withInitial(() -> new double[1]);

    /** The similarity of the values of records {@code ia} and {@code ib}, computed once per pair and thread. */
    public double similarity(int ia, int ib, String va, String vb, ToDoubleBiFunction<String, String> function) {
        long key = ((long) ia << 32) | (ib & 0xffffffffL);
        long[] k = lastKey.get();
        double[] v = lastValue.get();
        if (k[0] != key) {
            k[0] = key;
            v[0] = function.applyAsDouble(va, vb);
        }
        return v[0];
    }
}
