package de.grw.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark reads the truth in the table's order into arrays (no map of all rows): the same breakdown as through
 * the map, and a file in another order falls back to the map.
 */
class MatchEvaluationInOrderTest {
    @Test
    void theTruthReadInOrderGivesTheBreakdownOfTheMapAndAnotherOrderFallsBack(@TempDir Path dir) throws Exception {
        new PopulationGenerator().generate(GeneratorConfig.of(3, 3000, dir));
        MatchProfile profile = ProfileLoader.defaultProfile();
        MatchJob.Outcome outcome = new MatchJob(profile, MappingFile.NONE, null).run(List.of(
                dir.resolve("melderegister.csv"), dir.resolve("sozialamt.csv"), dir.resolve("kfz_halter.csv")),
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
        int birth = profile.fieldIndex("birth_date");
        Path truth = dir.resolve(PopulationGenerator.TRUTH_FILE);
        assertThat(MatchEvaluation.inOrder(outcome.table(), birth, truth)).as("the generator's order").isNotNull();
        ErrorBreakdown inOrder = MatchEvaluation.evaluate(outcome.table(), outcome.result(), birth, truth);
        ErrorBreakdown byMap = MatchEvaluation.evaluate(outcome.table(), outcome.result(), birth,
                TruthFile.read(truth));
        assertThat(inOrder).isEqualTo(byMap);
        assertThat(inOrder.pairwise().truePositives()).isPositive();

        List<String> lines = new ArrayList<>(Files.readAllLines(truth));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(rows);
        Path reversed = dir.resolve("reversed.csv");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        out.addAll(rows);
        Files.write(reversed, out);
        assertThat(MatchEvaluation.inOrder(outcome.table(), birth, reversed)).isNull();
        assertThat(MatchEvaluation.evaluate(outcome.table(), outcome.result(), birth, reversed)).isEqualTo(byMap);
    }
}
