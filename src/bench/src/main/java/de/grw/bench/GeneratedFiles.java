package de.grw.bench;

import de.grw.synthetic.GenerationReport;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The generated population of a benchmark run, written like any register extract and imported from disk: generated
 * anew, or (with {@code --reuse}) taken from a folder where a run with the same seed, size and population left it.
 * A small marker file written after the files names what was generated; without it, or with other figures, the
 * files are generated again. Ten million records take minutes to generate, the same to match.
 */
final class GeneratedFiles {
    static final String MARKER = "generated.txt";
    static final List<String> SOURCES = List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv");

    private GeneratedFiles() {
    }

    /** Generates the files into {@code config.outputDirectory()} unless {@code reuse} and they are there already. */
    static void generateOrReuse(PrintWriter out, Path dir, boolean reuse, GeneratorConfig config) throws IOException {
        Path marker = dir.resolve(MARKER);
        String expected = describe(config);
        if (reuse && Files.exists(marker) && Files.readString(marker).equals(expected)
                && SOURCES.stream().allMatch(s -> Files.exists(dir.resolve(s)))
                && Files.exists(dir.resolve(PopulationGenerator.TRUTH_FILE))) {
            out.printf("reusing the generated files in %s (%s)%n", dir, expected.strip());
            return;
        }
        Files.deleteIfExists(marker);
        long start = System.nanoTime();
        GenerationReport report = new PopulationGenerator().generate(config);
        out.printf("generated %,d records (seed %d, %s population) in %.1f s: %s%n", report.totalRecords(),
                config.seed(), config.population().label(), (System.nanoTime() - start) / 1e9,
                report.recordsPerSource());
        Path tmp = dir.resolve(MARKER + ".tmp");
        Files.writeString(tmp, expected);
        Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String describe(GeneratorConfig config) {
        return String.format(java.util.Locale.ROOT,
                "records=%d seed=%d population=%s duplicates=%s hard=%s reference=%s%n", config.targetRecords(),
                config.seed(), config.population().label(), config.duplicateRate(), config.hardDuplicateShare(),
                config.referenceDate());
    }
}
