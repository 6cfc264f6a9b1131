package de.grw.matching.compare;

/**
 * Remembers, per thread, the last Jaro-Winkler similarity computed for a field, so that the levels of one
 * comparison ({@code >= 0.92}, then {@code >= 0.80}) compute it once per pair.
 */
public final class SimilarityMemo {
    private final ThreadLocal<long[]> lastKey = ThreadLocal.withInitial(() -> new long[] {-1L});
    private final ThreadLocal<double[]> lastValue = ThreadLocal.withInitial(() -> new double[1]);

    public double jaroWinkler(int ia, int ib, String va, String vb) {
        long key = ((long) ia << 32) | (ib & 0xffffffffL);
        long[] k = lastKey.get();
        double[] v = lastValue.get();
        if (k[0] != key) {
            k[0] = key;
            v[0] = StringSimilarity.jaroWinkler(va, vb);
        }
        return v[0];
    }
}
