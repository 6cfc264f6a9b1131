package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import java.util.List;

/**
 * A run's distinct candidate pairs in ranges of their first record, each range expanded when asked for (and again
 * when asked again, with the same pairs): the matcher compares and scores the pairs range by range and so never
 * holds one array of all pairs. The ranges are ascending and disjoint, each range's pairs sorted, so their
 * concatenation is {@link Blocker#candidates}. Small and seeded runs come as one range.
 */
public final class CandidateStream {
    /** A full run's ranges hold at most about this many pairs (duplicates between rules included). */
    public static final long RANGE_PAIRS = RangedCandidates.RANGE_PAIRS;

    private final RangedCandidates.Ranges ranges;
    private final CandidatePairs whole;
    private final Runnable done;
    private boolean expanded;

    /** @param done told once, when every range was expanded (the blocking phase's last progress step) */
    CandidateStream(RangedCandidates.Ranges ranges, Runnable done) {
        this.ranges = ranges;
        this.whole = null;
        this.done = done;
    }

    CandidateStream(CandidatePairs whole) {
        this.ranges = null;
        this.whole = whole;
        this.done = () -> { };
    }

    /** Number of ranges. */
    public int count() {
        return ranges == null ? 1 : ranges.count();
    }

    /** The distinct pairs of range {@code c}, sorted (packed as {@link CandidatePairs#pack}). */
    public long[] range(int c, CancellationToken cancel) {
        if (ranges == null) {
            if (c != 0) {
                throw new IndexOutOfBoundsException(c);
            }
            return whole.pairs();
        }
        long[] pairs = ranges.range(c, cancel);
        if (c == ranges.count() - 1 && !expanded) {
            expanded = true;
            done.run();
        }
        return pairs;
    }

    /** Each blocking rule's statistics: complete once every range was expanded at least once. */
    public List<RuleStats> stats() {
        return ranges == null ? whole.stats() : ranges.stats();
    }
}
