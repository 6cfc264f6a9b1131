package de.grw.learning;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.PatternCounts;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No decision is overruled by a retrained model: labels that contradict a clerk's merge or cannot-link make the model
 * split or join those records when nothing is enforced, and re-matching with the decisions enforced (as the
 * workspace always re-matches) keeps the merged records together and the cannot-linked ones apart.
 */
class DecisionsNotOverruledTest {
    @Test
    void mergedStaysMergedAndCannotLinkStaysApartAfterRetraining() {
        MatchProfile profile = ProfileLoader.defaultProfile();
        MatchJob.Outcome outcome = new MatchJob(profile, MappingFile.NONE, null).run(
                List.of(Path.of("samples/melderegister.csv"), Path.of("samples/kfz_halter.csv")),
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
        RecordTable table = outcome.table();
        MatchResult result = outcome.result();
        // the two most certain links of different clusters: one a clerk merged, one a clerk said are two people
        Integer[] order = new Integer[result.pairCount()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(result.weight(y), result.weight(x)));
        int merged = order[0];
        int apart = -1;
        for (int i = 1; i < order.length && apart < 0; i++) {
            if (result.clusterOf(result.first(order[i])) != result.clusterOf(result.first(merged))
                    && result.pattern(order[i]) != result.pattern(merged)) {
                apart = order[i];
            }
        }
        assertThat(apart).isNotNegative();
        assertThat(result.probability(apart)).isGreaterThan(0.99);

        // labels that contradict both decisions: the merged kind of pair is, so they say, two people, the other one
        ModelParameters base = result.model();
        List<LabelledExample> labels = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            labels.add(new LabelledExample(result.pattern(merged), result.weight(merged), false));
            labels.add(new LabelledExample(result.pattern(apart), result.weight(apart), true));
        }
        long[] patterns = new long[result.pairCount()];
        Arrays.setAll(patterns, result::pattern);
        Training trained = LabelledTraining.train(base, labels, PatternCounts.of(patterns), LearningSettings.DEFAULTS);
        int a = result.first(merged);
        int b = result.second(merged);
        int c = result.first(apart);
        int d = result.second(apart);

        MatchResult free = rematch(profile, table, trained.model(), PairConstraint.NONE, new int[0][]);
        assertThat(free.clusterOf(a)).as("the retrained model alone would undo the merge")
                .isNotEqualTo(free.clusterOf(b));
        assertThat(free.clusterOf(c)).as("and would link the cannot-linked pair").isEqualTo(free.clusterOf(d));

        MatchResult enforced = rematch(profile, table, trained.model(),
                (x, y) -> CandidatePairs.pack(x, y) == CandidatePairs.pack(c, d), new int[][] {{Math.min(a, b),
                    Math.max(a, b)}});
        assertThat(enforced.clusterOf(a)).as("merged stays merged").isEqualTo(enforced.clusterOf(b));
        assertThat(enforced.clusterOf(c)).as("cannot-link stays apart").isNotEqualTo(enforced.clusterOf(d));
    }

    private static MatchResult rematch(MatchProfile profile, RecordTable table, ModelParameters model,
                                       PairConstraint cannotLink, int[][] mustLink) {
        boolean[] all = new boolean[table.size()];
        Arrays.fill(all, true);
        return new de.grw.matching.IncrementalMatch(profile).runWithModel(table, model, MatchOptions.defaults(), all, t -> t, cannotLink,
                mustLink, ProgressListener.NONE, CancellationToken.NONE);
    }
}
