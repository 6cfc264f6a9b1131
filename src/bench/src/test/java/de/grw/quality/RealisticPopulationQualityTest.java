package de.grw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.ErrorBreakdown;
import de.grw.evaluation.MatchEvaluation;
import de.grw.evaluation.PairKind;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default profile on the realistic generated population (households at micro-census rates, twins, juniors,
 * vehicle records without birth date, mistyped postal codes): pairwise quality and the false merges inside families.
 * The generator is no judge of the model (the hidden registers are), but a model that falls below these floors on it
 * has lost what issue 11 built: twins and fathers and sons told apart, records without birth date found.
 */
@Tag("slow")
class RealisticPopulationQualityTest {
    private static final int RECORDS = 60_000;

    @Test
    void familiesAreToldApartAndRecordsWithoutBirthDateFound(@TempDir Path dir) throws Exception {
        new PopulationGenerator().generate(GeneratorConfig.of(5, RECORDS, dir));
        MatchProfile profile = ProfileLoader.defaultProfile();
        MatchJob.Outcome outcome = new MatchJob(profile, MappingFile.NONE, null).run(
                List.of(dir.resolve("melderegister.csv"), dir.resolve("sozialamt.csv"), dir.resolve("kfz_halter.csv")),
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
        ErrorBreakdown quality = MatchEvaluation.evaluate(outcome.table(), outcome.result(),
                profile.fieldIndex("birth_date"), dir.resolve(PopulationGenerator.TRUTH_FILE));
        System.out.println("quality realistic " + quality.pairwise());
        quality.describe().forEach(System.out::println);
        assertThat(quality.pairwise().f1()).isGreaterThanOrEqualTo(0.99);
        assertThat(quality.pairwise().precision()).isGreaterThanOrEqualTo(0.998);
        assertThat(quality.falseMerges().get(PairKind.TWINS)).as("twins merged").isZero();
        assertThat(quality.pairsInData().get(PairKind.TWINS)).as("the population has twins").isPositive();
        assertThat(quality.falseMergesInHouseholds()).as("false merges inside families")
                .isLessThan(quality.pairwise().truePairs() / 1000);
    }
}
