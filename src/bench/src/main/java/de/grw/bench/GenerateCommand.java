package de.grw.bench;

import de.grw.synthetic.GenerationReport;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.GeneratorMain;
import de.grw.synthetic.Population;
import de.grw.synthetic.PopulationGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw generate}: writes a deterministic synthetic German population in three register formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a synthetic German population as three register files (melderegister.csv, "
            + "sozialamt.csv, kfz_halter.csv) with realistic errors, plus truth.csv (person, household and relation "
            + "of every record). Same seed and population, same bytes.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000", paramLabel = "N",
            description = "Total records across the three files. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--population", defaultValue = "realistic", paramLabel = "P", converter = PopulationConverter.class,
            description = "realistic (default): households at German rates, twins, juniors, several vehicles, "
                + "errors in every office's records; classic: the generator before issue 11 (same seed, same files).")
    Population population;

    @Override
    public Integer call() throws Exception {
        if (records < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1");
        }
        GenerationReport report = new PopulationGenerator().generate(GeneratorConfig.of(seed, records, out)
                .withPopulation(population));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        GeneratorMain.print(report, seed, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
