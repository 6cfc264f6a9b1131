package de.grw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.importing.ImportProblem;
import de.grw.matching.MatchJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small, hand-made set of hard cases in three office files ({@code src/test/resources/hardcases}, see its README):
 * twins of the same and of opposite sex, fathers and sons of the same name at one address, namesakes, spouses, and
 * true duplicates behind a married name, a {@code geb.} name with a typo, a move, a missing birth date, a mistyped
 * postal code, swapped day and month, umlauts written out, a typo in the given name. Written independently of the
 * model: {@code expected.csv} says for pairs of records whether they are the same person, and this test runs the
 * default profile's match on the three files alone and checks that each pair ends up in one cluster or in two.
 *
 * <p>Every case must hold except those in {@link #KNOWN_FAILURES}, each with the reason; a known failure that starts
 * to hold fails the test too, so that the list only ever shrinks. The test prints every case with its outcome.
 * {@link HardCasesInPopulationTest} checks the same decisions inside a generated register.
 */
class HardCasesTest {
    /** Cases the default profile gets wrong today, with the reason. Remove an entry when the model gets it right. */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    private static List<HardCases.Case> cases;
    private static MatchJob.Outcome outcome;
    private static final List<ImportProblem> problems = new ArrayList<>();

    @BeforeAll
    static void match() {
        cases = HardCases.cases();
        outcome = HardCases.match(HardCases.FILES.stream().map(HardCases.folder()::resolve).toList(), problems);
    }

    @Test
    void theFilesImportCleanlyAndEveryCaseNamesTwoRecords() {
        assertThat(problems).as("import problems").isEmpty();
        assertThat(outcome.table().size()).isBetween(40, 80);
        assertThat(outcome.table().sourceNames()).containsExactly("melderegister", "sozialamt", "kfz_halter");
        assertThat(cases).hasSizeGreaterThan(40);
        assertThat(cases.stream().map(HardCases.Case::name).distinct().count()).isEqualTo(cases.size());
        var index = HardCases.index(outcome);
        for (HardCases.Case c : cases) {
            assertThat(index).as(c.name()).containsKeys(c.a(), c.b());
        }
        assertThat(cases.stream().map(HardCases.Case::name).toList()).containsAll(KNOWN_FAILURES.keySet());
        assertThat(cases.stream().filter(HardCases.Case::same).count()).as("true duplicates").isGreaterThan(15);
        assertThat(cases.stream().filter(c -> !c.same()).count()).as("different persons").isGreaterThan(15);
    }

    @Test
    void everyCaseIsDecidedAsExpectedExceptTheKnownFailures() {
        HardCases.Check check = HardCases.check("Hard cases", outcome, cases, KNOWN_FAILURES.keySet());
        System.out.println(check.report());
        assertThat(check.wrong()).as("cases decided wrongly (see the report above)").isEmpty();
        assertThat(check.fixed()).as("known failures that now hold: remove them from KNOWN_FAILURES").isEmpty();
    }
}
