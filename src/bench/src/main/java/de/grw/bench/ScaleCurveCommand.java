package de.grw.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grw-bench scale-curve}: runs {@code benchmark} at several sizes, each in a JVM of its own with the heap
 * given (so one size's garbage does not weigh on the next, and the heap limit is the one proven), collects their
 * figures in a CSV file, prints them as a table and draws the curve of time and memory against records as a PNG.
 * Without {@code --records} it only draws what the CSV holds (a size measured again replaces its line).
 */
@Command(name = "scale-curve", mixinStandardHelpOptions = true,
        description = "Time and memory against records: runs the benchmark at each size of --records in a JVM of "
            + "its own with -Xmx --heap, appends the figures to --figures, prints the table and draws --png (for "
            + "example scale-curve --records 1000000,2000000,5000000,10000000 --heap 16g --dir /tmp/scale --reuse).")
public final class ScaleCurveCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", split = ",", paramLabel = "N[,N...]",
            description = "Sizes to run (none: only draw the figures already in the CSV).")
    List<Long> sizes = new ArrayList<>();

    @Option(names = "--heap", defaultValue = "16g", paramLabel = "SIZE",
            description = "-Xmx of each run. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Keep each size's generated files in DIR/<records> (with --reuse: generate only once).")
    Path dir;

    @Option(names = "--reuse", description = "Reuse files generated in --dir by an earlier run.")
    boolean reuse;

    @Option(names = "--figures", defaultValue = "docs/scale-figures.csv", paramLabel = "CSV",
            description = "The figures, one line per run. Default: ${DEFAULT-VALUE}.")
    Path figures;

    @Option(names = "--png", defaultValue = "docs/scale-curve.png", paramLabel = "PNG",
            description = "The picture. Default: ${DEFAULT-VALUE}.")
    Path png;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (long n : sizes) {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-cp", ownJar(),
                    BenchMain.class.getName(), "benchmark", "--records", Long.toString(n), "--figures",
                    figures.toAbsolutePath().toString()));
            if (dir != null) {
                command.addAll(List.of("--dir", Files.createDirectories(dir.resolve(Long.toString(n))).toString()));
                if (reuse) {
                    command.add("--reuse");
                }
            }
            out.printf("%n== %,d records: %s%n", n, String.join(" ", command));
            out.flush();
            Process p = new ProcessBuilder(command).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                out.printf("the run of %,d records failed (exit code %d)%n", n, code);
                return code;
            }
        }
        if (!Files.exists(figures)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), figures
                    + " does not exist: run with --records first");
        }
        List<ScaleFigures.Run> runs = ScaleFigures.read(figures);
        if (runs.isEmpty()) {
            throw new de.grw.common.UserFacingException(figures + " holds no runs: run with --records first");
        }
        out.println();
        out.print(ScaleFigures.table(runs));
        ScaleCurvePlot.write(png, runs);
        out.printf("picture written to %s%n", png);
        return 0;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
    }

    private static String ownJar() throws java.net.URISyntaxException {
        return Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
