package de.grw.api;

import java.util.List;

/**
 * What a match run's threshold does, for a chart after the run (no personal data): the histogram of the run's scored
 * pairs by match weight (bits; probability = 1 / (1 + 2^-weight)), and for candidate thresholds how many pairs lie at
 * or above each and how many clusters of more than one record they would form (connected components; the run's own
 * clustering also refuses contradictory links, so its count may be a little higher).
 *
 * @param runId     the run
 * @param kind      how the run matched ({@link MatchRun#kind()}); of an {@code incremental} run only the pairs it
 *                  compared (those with new records) are counted
 * @param threshold the threshold the run used
 * @param pairs     the scored pairs counted
 * @param bins      the histogram, weights ascending; the outermost bins take the weights beyond them
 * @param steps     the candidate thresholds, ascending, the run's own among them
 */
public record ThresholdFigures(long runId, String kind, double threshold, long pairs, List<Bin> bins,
                               List<Step> steps) {
    public ThresholdFigures {
        bins = List.copyOf(bins);
        steps = List.copyOf(steps);
    }

    /** Pairs with {@code from <= weight < to}. */
    public record Bin(double from, double to, long pairs) {
    }

    /** At a threshold (a probability): the pairs at or above it, and the clusters they form. */
    public record Step(double threshold, long pairs, long clusters) {
    }

    /** The step whose threshold is nearest to {@code t}; {@code null} without steps. */
    public Step nearest(double t) {
        Step best = null;
        for (Step s : steps) {
            if (best == null || Math.abs(s.threshold() - t) < Math.abs(best.threshold() - t)) {
                best = s;
            }
        }
        return best;
    }

    /** The match weight (bits) at which a pair reaches probability {@code p}. */
    public static double weightOf(double p) {
        return Math.log(p / (1 - p)) / Math.log(2);
    }
}
