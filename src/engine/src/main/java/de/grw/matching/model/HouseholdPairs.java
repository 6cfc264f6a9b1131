package de.grw.matching.model;

import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * The pairs of the household blocking rules ({@link de.grw.profile.HouseholdSpec#blocking}) that are no candidate
 * pairs, as the estimate needs them: how many there are, and the comparison vectors of an even sample of them,
 * counted ({@link ModelEstimator}). The engine holds the household pairs in memory and asks of each whether it is a
 * candidate ({@link #inMemory}); the Spark job (issue 17) forms them on its executors as an anti-join of the household
 * pairs against the candidate pairs, so that its driver receives only these counts, never the pairs.
 *
 * <p>Whoever draws, draws the same pairs: those at the positions {@link #position} of the ascending non-candidate
 * household pairs, {@link #sampleSize} of them. The estimate is then the same whichever way the pairs were found.
 */
@FunctionalInterface
public interface HouseholdPairs {

    /**
     * @param count  the household pairs that are no candidates
     * @param sample the comparison vectors of the drawn ones ({@link #sampleSize} of {@code count}), counted
     */
    record Drawn(long count, PatternCounts sample) {
        /** No household pair outside the candidates. */
        public static final Drawn NONE = new Drawn(0, new PatternCounts(new long[0], new long[0]));
    }

    /**
     * The non-candidate household pairs counted, and an even sample of at most {@code samplePairs} of them compared
     * and counted.
     */
    Drawn draw(int samplePairs);

    /** How many of {@code count} pairs are drawn: all of them up to {@code samplePairs}. */
    static int sampleSize(long count, int samplePairs) {
        return (int) Math.min(count, samplePairs);
    }

    /** Where the {@code i}-th of {@code sample} drawn pairs stands among the {@code count} ascending pairs. */
    static long position(int i, long count, int sample) {
        return (long) i * count / sample;
    }

    /**
     * The first draw whose {@link #position} is at or after {@code at} ({@code sample} when none is): the draws of a
     * run of pairs from {@code from} to {@code to} are those from {@code firstDrawnAt(from)} to
     * {@code firstDrawnAt(to)}, so that a part of the pairs can draw its share without seeing the others.
     */
    static int firstDrawnAt(long at, long count, int sample) {
        if (at >= count) {
            return sample;
        }
        // position(i) >= at  <=>  i * count >= at * sample
        long product = Math.multiplyExact(at, (long) sample);
        return (int) ((product + count - 1) / count);
    }

    /**
     * The engine's way: the household pairs in memory, each asked whether it is a candidate.
     *
     * @param householdPairs the household blocking rules' distinct pairs, ascending
     *                       ({@link ModelEstimator#householdPairs})
     * @param comparePairs   computes the comparison vectors of pairs
     */
    static HouseholdPairs inMemory(long[] householdPairs, LongPredicate isCandidate,
                                   Function<long[], long[]> comparePairs) {
        return samplePairs -> {
            long[] pairs = new long[householdPairs.length];
            int distinct = 0;
            for (long pair : householdPairs) {
                if (!isCandidate.test(pair)) {
                    pairs[distinct++] = pair;
                }
            }
            if (distinct == 0) {
                return Drawn.NONE;
            }
            int sample = sampleSize(distinct, samplePairs);
            long[] drawn = new long[sample];
            for (int i = 0; i < sample; i++) {
                drawn[i] = pairs[(int) position(i, distinct, sample)];
            }
            return new Drawn(distinct, PatternCounts.of(comparePairs.apply(drawn)));
        };
    }
}
