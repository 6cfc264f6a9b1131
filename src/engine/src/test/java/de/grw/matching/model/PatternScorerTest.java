package de.grw.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weights computed once per distinct comparison vector ({@link PatternScorer}) are {@link Scorer#weight}'s bit
 * for bit: on the bundled Musterstadt sample with the default profile (term frequencies on names, dates and places,
 * the household classes of twins and of one household, the difference-count correction), for every candidate pair,
 * with the term frequencies from the table and computed per pair.
 */
class PatternScorerTest {
    private static MatchResult result;

    @BeforeAll
    static void run() {
        List<Path> files = List.of(Path.of("samples/melderegister.csv"), Path.of("samples/sozialamt.csv"),
                Path.of("samples/kfz_halter.csv"));
        result = new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(files,
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE).result();
    }

    private static PairPatterns patterns() {
        long[] vectors = new long[result.pairCount()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = result.pattern(i);
        }
        return PairPatterns.of(vectors);
    }

    @Test
    void theSampleExercisesEveryPartOfTheWeight() {
        Scorer scorer = result.scorer();
        PairPatterns patterns = patterns();
        long[] distinct = patterns.distinct();
        assertThat(scorer.model().differences().enabled()).isTrue();
        assertThat(java.util.Arrays.stream(distinct).filter(p -> scorer.eligibleClasses(p) > 0).count()).isPositive();
        assertThat(java.util.Arrays.stream(distinct).filter(p -> scorer.eligibleClasses(p) > 1).count()).isPositive();
        // vectors with and without a level adjusted by term frequencies
        PatternScorer byPattern = scorer.byPattern(distinct);
        int withTf = 0;
        for (int p = 0; p < distinct.length; p++) {
            if (!byPattern.fixedWeight(p)) {
                withTf++;
            }
        }
        assertThat(withTf).isPositive().isLessThan(distinct.length);
    }

    @Test
    void everyPairWeighsAsTheScorerWeighsIt() {
        Scorer scorer = result.scorer();
        PairPatterns patterns = patterns();
        for (int tableCounts : new int[] {PatternScorer.TABLE_COUNTS, 3, 1}) {
            PatternScorer byPattern = new PatternScorer(scorer, patterns.distinct(), tableCounts);
            assertThat(byPattern.size()).isEqualTo(patterns.distinct().length);
            for (int i = 0; i < result.pairCount(); i++) {
                int a = result.first(i);
                int b = result.second(i);
                double expected = scorer.weight(result.pattern(i), a, b);
                // bit for bit, not within a tolerance: the clusters depend on the float weights' order
                assertThat(Double.doubleToRawLongBits(byPattern.weight(patterns.id(i), a, b)))
                        .as("pair %d (%d, %d), table of %d counts", i, a, b, tableCounts)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                // and in the other order of the two records (the run's pairs are ordered, the scorer is not)
                assertThat(byPattern.weight(patterns.id(i), b, a)).isEqualTo(scorer.weight(result.pattern(i), b, a));
            }
        }
    }

    @Test
    void theRunScoredItsPairsSo() {
        Scorer scorer = result.scorer();
        for (int i = 0; i < result.pairCount(); i++) {
            assertThat((float) result.weight(i))
                    .isEqualTo((float) scorer.weight(result.pattern(i), result.first(i), result.second(i)));
        }
    }
}
