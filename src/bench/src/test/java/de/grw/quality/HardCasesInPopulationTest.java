package de.grw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.importing.ImportProblem;
import de.grw.matching.MatchJob;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-made hard cases ({@link HardCasesTest}) inside a generated register: the three files' records are appended
 * to a realistic population of 20,000 records in the same formats, so that the model is estimated on realistic
 * volumes and mixes, and the same decisions are checked. A model that decides the cases right only on the small
 * files (or only on the large) fails one of the two tests.
 */
@Tag("slow")
class HardCasesInPopulationTest {
    private static final int RECORDS = 20_000;

    /**
     * Cases the default profile gets wrong today inside the population beyond those on the files alone
     * ({@link HardCasesTest#KNOWN_FAILURES}), with the reason; shrink it as that one.
     */
    static final Map<String, String> KNOWN_FAILURES_HERE = Map.of();

    @Test
    void theDecisionsHoldInsideAGeneratedRegister(@TempDir Path dir) throws IOException {
        new PopulationGenerator().generate(GeneratorConfig.of(3, RECORDS, dir));
        List<Path> files = new ArrayList<>();
        for (String file : HardCases.FILES) {
            Path target = dir.resolve(file);
            Files.write(target, rowsAfterHeader(Files.readAllBytes(HardCases.folder().resolve(file))),
                    StandardOpenOption.APPEND);
            files.add(target);
        }
        List<ImportProblem> problems = new ArrayList<>();
        MatchJob.Outcome outcome = HardCases.match(files, problems);
        assertThat(problems).as("import problems").isEmpty();
        assertThat(outcome.table().size()).isGreaterThan(RECORDS + 40);

        Set<String> known = new HashSet<>(HardCasesTest.KNOWN_FAILURES.keySet());
        known.addAll(KNOWN_FAILURES_HERE.keySet());
        HardCases.Check check = HardCases.check("Hard cases among " + RECORDS + " generated records", outcome,
                HardCases.cases(), known);
        System.out.println(check.report());
        assertThat(check.wrong()).as("cases decided wrongly (see the report above)").isEmpty();
        assertThat(check.fixed()).as("known failures that now hold here: remove them from KNOWN_FAILURES_HERE (or, if"
                + " they failed on the files alone, move them from HardCasesTest's list here)").isEmpty();
    }

    /** The bytes after the header line (and its byte order mark): the rows, in the file's encoding and line ends. */
    private static byte[] rowsAfterHeader(byte[] file) {
        int i = 0;
        while (file[i] != '\n') {
            i++;
        }
        return Arrays.copyOfRange(file, i + 1, file.length);
    }
}
