package de.grw.matching;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.data.RecordTable;
import de.grw.profile.BlockingLimits;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run whose candidate pairs come in several ranges compares them range by range and keeps only the pairs at or
 * above the threshold and those within a cluster: its model, clusters, kept pairs (vectors, weights, explanations) and the counts kept for a
 * retraining are exactly those of a run that holds every pair. The bundled Musterstadt sample (default profile, with
 * its household estimate) is blocked instead of compared pair by pair, and cut into ranges of a few hundred pairs.
 */
class StreamedMatchTest {
    private static MatchProfile profile;
    private static RecordTable table;

    @BeforeAll
    static void read() {
        MatchProfile person = ProfileLoader.defaultProfile();
        profile = TestRecords.withBlocking(person, person.blocking(),
                new BlockingLimits(person.limits().maxBlockSize(), person.limits().window(), 0));
        List<Path> files = List.of(Path.of("samples/melderegister.csv"), Path.of("samples/sozialamt.csv"),
                Path.of("samples/kfz_halter.csv"));
        table = new MatchJob(person, MappingFile.NONE, null).run(files, MatchOptions.defaults(),
                new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE).table();
    }

    private static MatchResult run(long rangePairs, MatchOptions options) {
        return new MatchEngine(profile, rangePairs).run(table, options, ProgressListener.NONE,
                CancellationToken.NONE);
    }

    @Test
    void theHouseholdEstimateIsInUse() {
        assertThat(profile.model().household()).isNotNull();
        assertThat(profile.model().household().blocking()).isNotEmpty();
        assertThat(profile.training()).isEmpty();
    }

    @Test
    void streamedRunsGiveTheModelClustersAndKeptPairsOfAWholeRun() {
        for (MatchOptions options : List.of(MatchOptions.defaults(), MatchOptions.defaults().withThreshold(0.5),
                MatchOptions.defaults().withLinkOnly(true))) {
            MatchResult whole = run(CandidateStreamRanges.WHOLE, options);
            assertThat(whole.leftOut()).isEqualTo(MatchResult.LeftOut.NONE);
            for (long rangePairs : new long[] {300, 2_000}) {
                MatchResult streamed = run(rangePairs, options);
                assertSame(whole, streamed);
            }
        }
    }

    /** Asserts the streamed run equal to the whole one; returns the pairs below the threshold within a cluster. */
    private static int assertSame(MatchResult whole, MatchResult streamed) {
        // it did stream: pairs below the threshold were left out
        assertThat(streamed.leftOut().pairs()).isPositive();
        assertThat(streamed.candidatePairCount()).isEqualTo(whole.pairCount());
        assertThat(streamed.model()).usingRecursiveComparison().isEqualTo(whole.model());
        assertThat(streamed.kept()).usingRecursiveComparison().isEqualTo(whole.kept());
        assertThat(streamed.clusters().clusterOf()).isEqualTo(whole.clusters().clusterOf());
        assertThat(streamed.candidates().stats()).isEqualTo(whole.candidates().stats());
        // the kept pairs are the whole run's pairs at or above the threshold or within a cluster, in order, with their
        // vectors
        double minWeight = MatchEngine.minWeight(whole.threshold());
        int k = 0;
        int belowWithinClusters = 0;
        double leftOutProbability = 0;
        for (int p = 0; p < whole.pairCount(); p++) {
            boolean sameCluster = whole.clusterOf(whole.first(p)) == whole.clusterOf(whole.second(p));
            if (whole.weight(p) < minWeight && !sameCluster) {
                leftOutProbability += whole.probability(p);
                continue;
            }
            if (whole.weight(p) < minWeight) {
                belowWithinClusters++;
            }
            assertThat(streamed.first(k)).isEqualTo(whole.first(p));
            assertThat(streamed.second(k)).isEqualTo(whole.second(p));
            assertThat(streamed.pattern(k)).isEqualTo(whole.pattern(p));
            assertThat(streamed.weight(k)).isEqualTo(whole.weight(p));
            assertThat(streamed.explain(k)).isEqualTo(whole.explain(p));
            k++;
        }
        assertThat(streamed.pairCount()).isEqualTo(k).isPositive();
        assertThat(streamed.leftOut().pairs()).isEqualTo(whole.pairCount() - k);
        assertThat(streamed.leftOut().probability()).isCloseTo(leftOutProbability,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(streamed.pairsAboveThreshold()).isEqualTo(whole.pairsAboveThreshold());
        return belowWithinClusters;
    }

    @Test
    void theThirdPassAddsThePairsBelowTheThresholdWithinAClusterInPairOrder() {
        // the sample's clusters hold no pair below the threshold: clusters made up here (every seventh record) have
        MatchResult whole = run(CandidateStreamRanges.WHOLE, MatchOptions.defaults());
        double minWeight = MatchEngine.minWeight(whole.threshold());
        int[] clusterOf = new int[whole.recordCount()];
        for (int r = 0; r < clusterOf.length; r++) {
            clusterOf[r] = r % 7;
        }
        de.grw.matching.util.LongList pairs = new de.grw.matching.util.LongList();
        de.grw.matching.util.LongList vectors = new de.grw.matching.util.LongList();
        List<Float> weights = new java.util.ArrayList<>();
        long below = 0;
        double belowProbability = 0;
        for (int p = 0; p < whole.pairCount(); p++) {
            if (whole.weight(p) >= minWeight) {
                pairs.add(whole.candidates().pairs()[p]);
                vectors.add(whole.pattern(p));
                weights.add((float) whole.weight(p));
            } else {
                below++;
                belowProbability += whole.probability(p);
            }
        }
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        StreamedPairs.Kept above = new StreamedPairs.Kept(pairs.toArray(), vectors.toArray(), w,
                new MatchResult.LeftOut(below, belowProbability));
        de.grw.matching.blocking.CandidateStream stream = new de.grw.matching.blocking.Blocker(profile,
                whole.records(), false).stream(300, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(stream.count()).isGreaterThan(1);

        StreamedPairs.Kept kept = StreamedPairs.withinClusters(stream, whole.scorer().comparisons(), whole.scorer(),
                clusterOf, above, CancellationToken.NONE);

        int k = 0;
        int added = 0;
        for (int p = 0; p < whole.pairCount(); p++) {
            boolean same = clusterOf[whole.first(p)] == clusterOf[whole.second(p)];
            if (whole.weight(p) < minWeight && !same) {
                continue;
            }
            added += whole.weight(p) < minWeight ? 1 : 0;
            assertThat(kept.pairs()[k]).isEqualTo(whole.candidates().pairs()[p]);
            assertThat(kept.patterns()[k]).isEqualTo(whole.pattern(p));
            assertThat((double) kept.weights()[k]).isEqualTo(whole.weight(p));
            k++;
        }
        assertThat(added).isPositive();
        assertThat(kept.pairs()).hasSize(k);
        assertThat(kept.leftOut().pairs()).isEqualTo(below - added);
    }

    /** Range sizes. */
    private static final class CandidateStreamRanges {
        /** So large that every run is one range, all pairs held. */
        static final long WHOLE = Long.MAX_VALUE / 4;
    }
}
