package de.grw.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled Musterstadt sample with the default profile: the twins Alina and Lena Vogler (same family name, birth
 * date, birth place and address, different given names and Steuer-IDs) are two people, and the clerk is told why in
 * terms of a household.
 */
class SampleHouseholdsTest {
    private static MatchJob.Outcome outcome;

    @BeforeAll
    static void match() {
        List<Path> files = List.of(Path.of("samples/melderegister.csv"), Path.of("samples/sozialamt.csv"),
                Path.of("samples/kfz_halter.csv"));
        outcome = new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(files,
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static int record(String source, String id) {
        RecordTable t = outcome.table();
        for (int r = 0; r < t.size(); r++) {
            if (t.sourceName(r).equals(source) && t.recordId(r).equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no record " + source + "/" + id);
    }

    private static int pair(int a, int b) {
        MatchResult result = outcome.result();
        for (int p = 0; p < result.pairCount(); p++) {
            if ((result.first(p) == a && result.second(p) == b) || (result.first(p) == b && result.second(p) == a)) {
                return p;
            }
        }
        throw new AssertionError("no candidate pair " + a + "/" + b);
    }

    @Test
    void theVoglerTwinsAreTwoPeople() {
        int alina = record("melderegister", "100000257");
        int lena = record("melderegister", "100000412");
        int lenaCar = record("kfz_halter", "4000241");
        MatchResult result = outcome.result();
        assertThat(result.clusterOf(alina)).isNotEqualTo(result.clusterOf(lena));
        assertThat(result.probability(pair(alina, lena))).isLessThan(0.01);
        // the vehicle register knows Lena (no Steuer-ID, no sex): she is linked to Lena, not to her sister
        assertThat(result.clusterOf(lenaCar)).isEqualTo(result.clusterOf(lena));
        assertThat(result.probability(pair(alina, lenaCar))).isLessThan(0.5);
    }

    @Test
    void theTwinsAreWeighedAsMembersOfOneHouseholdAndTheLinesAddUp() {
        int alina = record("melderegister", "100000257");
        int lena = record("melderegister", "100000412");
        int p = pair(alina, lena);
        List<Contribution> lines = outcome.result().explain(p);
        assertThat(lines).filteredOn(c -> !c.comparison().equals(MatchResult.CONTRADICTION))
                .allMatch(c -> !c.versus().equals(Contribution.OTHERS));
        Contribution given = lines.stream().filter(c -> c.comparison().equals("given_names")).findFirst()
                .orElseThrow();
        assertThat(given.level()).isEqualTo("else");
        assertThat(given.weight()).isLessThan(-5);
        // inside a household the shared family name and address are no evidence of one person
        for (String shared : List.of("family_name", "address")) {
            Contribution c = lines.stream().filter(x -> x.comparison().equals(shared)).findFirst().orElseThrow();
            assertThat(Math.abs(c.weight())).as(shared).isLessThan(1.5);
        }
        double sum = outcome.result().priorWeight(p) + lines.stream().mapToDouble(Contribution::weight).sum();
        assertThat(outcome.result().weight(p)).isCloseTo(sum, within(1e-6));
    }
}
