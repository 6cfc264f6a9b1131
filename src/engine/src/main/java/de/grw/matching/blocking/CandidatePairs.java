package de.grw.matching.blocking;

import java.util.List;

/**
 * The distinct candidate pairs of a run, each packed as {@code (a << 32) | b} with {@code a < b}, sorted.
 *
 * @param pairs  packed pairs
 * @param stats  per blocking rule
 */
public record CandidatePairs(long[] pairs, List<RuleStats> stats) {

    public int size() {
        return pairs.length;
    }

    public static int first(long pair) {
        return (int) (pair >>> 32);
    }

    public static int second(long pair) {
        return (int) pair;
    }

    public static long pack(int a, int b) {
        return a < b ? ((long) a << 32) | (b & 0xffffffffL) : ((long) b << 32) | (a & 0xffffffffL);
    }

    /** Pairs of oversized blocks that were not compared, over all rules. */
    public long pairsLeftOut() {
        return stats.stream().mapToLong(RuleStats::pairsLeftOut).sum();
    }
}
