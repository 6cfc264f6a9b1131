package de.grw.matching;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.CandidateStream;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.model.PatternCounts;
import de.grw.matching.model.Scorer;
import de.grw.matching.util.LongList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.LongPredicate;

/**
 * A full run's candidate pairs compared range by range ({@link CandidateStream}), never all of them held: the first
 * pass counts the comparison vectors for the estimate (and notes which household pairs are candidates), the second
 * compares again with the model known, scores, and keeps only the pairs at or above the lowest weight the run uses
 * (the clustering's threshold); the rest are counted with their probabilities summed. Each range's pairs are the
 * same in both passes, so the counts are those of all pairs at once and the kept pairs, vectors and weights are
 * those a run holding every pair would give.
 */
final class StreamedPairs {
    private StreamedPairs() {
    }

    /**
     * What the first pass found.
     *
     * @param counts      the comparison vectors of all candidate pairs, counted
     * @param pairs       the number of distinct candidate pairs
     * @param isCandidate whether a pair of the household blocking rules given is a candidate (only those are asked)
     */
    record Counted(PatternCounts counts, long pairs, LongPredicate isCandidate) {
    }

    /**
     * The scored pairs kept, in pair order, and what was left out.
     *
     * @param pairs    the pairs at or above the floor, packed, sorted
     * @param patterns their comparison vectors
     * @param weights  their weights
     * @param leftOut  the pairs below the floor: how many, their probabilities summed
     */
    record Kept(long[] pairs, long[] patterns, float[] weights, MatchResult.LeftOut leftOut) {
    }

    /**
     * Counts the comparison vectors of every range's pairs.
     *
     * @param householdPairs sorted distinct pairs of the household blocking rules (may be empty): which of them are
     *                       candidates is noted while the ranges pass
     */
    static Counted count(CandidateStream stream, CompiledComparisons comparisons, long[] householdPairs,
                         ProgressListener progress, CancellationToken cancel) {
        PatternCounts counts = new PatternCounts(new long[0], new long[0]);
        BitSet candidate = new BitSet(householdPairs.length);
        long pairs = 0;
        progress.progress("compare", 0, stream.count());
        for (int c = 0; c < stream.count(); c++) {
            cancel.throwIfCancelled();
            long[] range = stream.range(c, cancel);
            pairs += range.length;
            markCandidates(householdPairs, range, candidate);
            long[] patterns = MatchEngine.compare(comparisons, range, ProgressListener.NONE, cancel);
            range = null;
            counts = counts.plus(PatternCounts.of(patterns), 1.0);
            progress.progress("compare", c + 1, stream.count());
        }
        return new Counted(counts, pairs, pair -> {
            int i = Arrays.binarySearch(householdPairs, pair);
            return i >= 0 && candidate.get(i);
        });
    }

    /** Marks the household pairs that are among {@code range}'s pairs (both sorted). */
    static void markCandidates(long[] householdPairs, long[] range, BitSet candidate) {
        if (range.length == 0 || householdPairs.length == 0) {
            return;
        }
        int h = Arrays.binarySearch(householdPairs, range[0]);
        h = h < 0 ? -h - 1 : h;
        int r = 0;
        while (h < householdPairs.length && r < range.length) {
            long want = householdPairs[h];
            if (want > range[range.length - 1]) {
                return;
            }
            while (r < range.length && range[r] < want) {
                r++;
            }
            if (r < range.length && range[r] == want) {
                candidate.set(h);
            }
            h++;
        }
    }

    /**
     * Compares and scores every range's pairs and keeps those with a weight of at least {@code minWeight} (as a
     * {@code float}, as the clustering compares it).
     */
    static Kept keep(CandidateStream stream, CompiledComparisons comparisons, Scorer scorer, double minWeight,
                     ProgressListener progress, CancellationToken cancel) {
        LongList pairs = new LongList(1024);
        LongList patterns = new LongList(1024);
        float[] weights = new float[1024];
        long leftOut = 0;
        double leftOutProbability = 0;
        progress.progress("score", 0, stream.count());
        for (int c = 0; c < stream.count(); c++) {
            cancel.throwIfCancelled();
            long[] range = stream.range(c, cancel);
            long[] vectors = MatchEngine.compare(comparisons, range, ProgressListener.NONE, cancel);
            float[] w = MatchEngine.score(scorer, range, i -> vectors[i], ProgressListener.NONE, cancel);
            for (int i = 0; i < range.length; i++) {
                if (w[i] >= minWeight) {
                    if (pairs.size() == weights.length) {
                        weights = Arrays.copyOf(weights, weights.length * 2);
                    }
                    weights[pairs.size()] = w[i];
                    pairs.add(range[i]);
                    patterns.add(vectors[i]);
                } else {
                    leftOut++;
                    leftOutProbability += Scorer.probability(w[i]);
                }
            }
            progress.progress("score", c + 1, stream.count());
        }
        return new Kept(pairs.toArray(), patterns.toArray(), Arrays.copyOf(weights, pairs.size()),
                new MatchResult.LeftOut(leftOut, leftOutProbability));
    }

    /**
     * The kept pairs plus the candidate pairs below the floor whose two records ended up in one cluster (through
     * others): a whole run holds those too, and the review shows them with the cluster. A third pass over the
     * ranges; only the pairs within a cluster are compared again.
     */
    static Kept withinClusters(CandidateStream stream, CompiledComparisons comparisons, Scorer scorer,
                               int[] clusterOf, Kept kept, CancellationToken cancel) {
        LongList extra = new LongList(1024);
        for (int c = 0; c < stream.count(); c++) {
            cancel.throwIfCancelled();
            for (long pair : stream.range(c, cancel)) {
                if (clusterOf[de.grw.matching.blocking.CandidatePairs.first(pair)]
                        == clusterOf[de.grw.matching.blocking.CandidatePairs.second(pair)]
                        && Arrays.binarySearch(kept.pairs(), pair) < 0) {
                    extra.add(pair);
                }
            }
        }
        long[] pairs = extra.toArray();
        if (pairs.length == 0) {
            return kept;
        }
        long[] vectors = MatchEngine.compare(comparisons, pairs, ProgressListener.NONE, cancel);
        float[] w = MatchEngine.score(scorer, pairs, i -> vectors[i], ProgressListener.NONE, cancel);
        int total = kept.pairs().length + pairs.length;
        long[] allPairs = new long[total];
        long[] allVectors = new long[total];
        float[] allWeights = new float[total];
        double probability = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < total; k++) {
            if (j >= pairs.length || (i < kept.pairs().length && kept.pairs()[i] < pairs[j])) {
                allPairs[k] = kept.pairs()[i];
                allVectors[k] = kept.patterns()[i];
                allWeights[k] = kept.weights()[i++];
            } else {
                allPairs[k] = pairs[j];
                allVectors[k] = vectors[j];
                allWeights[k] = w[j];
                probability += Scorer.probability(w[j++]);
            }
        }
        MatchResult.LeftOut leftOut = kept.leftOut();
        return new Kept(allPairs, allVectors, allWeights, new MatchResult.LeftOut(leftOut.pairs() - pairs.length,
                leftOut.probability() - probability));
    }
}
