package de.grw.profile;

/**
 * Limits that keep blocking near-linear.
 *
 * @param maxBlockSize        blocks larger than this are not compared all against all; their records are sorted by
 *                            the profile's sort key and compared within a sliding window instead
 * @param window              size of that sliding window
 * @param compareAllBelowPairs when the input has at most this many record pairs in all, every pair is compared
 *                            and blocking is skipped (small inputs lose no recall to blocking)
 */
public record BlockingLimits(int maxBlockSize, int window, long compareAllBelowPairs) {
}
