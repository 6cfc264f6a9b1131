package de.grw.matching;

/**
 * Options of one match run.
 *
 * @param threshold probability from which a pair links records into a cluster; {@code null} takes the profile's
 * @param linkOnly  only pairs of records from different sources are considered
 * @param seed      seed of the random pair sample (runs with the same seed give the same result)
 */
public record MatchOptions(Double threshold, boolean linkOnly, long seed) {
    public static MatchOptions defaults() {
        return new MatchOptions(null, false, 42L);
    }

    public MatchOptions withThreshold(Double t) {
        return new MatchOptions(t, linkOnly, seed);
    }

    public MatchOptions withLinkOnly(boolean l) {
        return new MatchOptions(threshold, l, seed);
    }
}
