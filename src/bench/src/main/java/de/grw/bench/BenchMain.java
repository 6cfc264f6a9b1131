package de.grw.bench;

import de.grw.cli.Cli;
import de.grw.cli.CliEnvironment;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The developers' tool {@code grw-bench}: the synthetic population generator and the benchmarks. It is built into
 * {@code target/grw-bench.jar} and is not part of the product's jar.
 */
@Command(name = "grw-bench", mixinStandardHelpOptions = true, version = "Golden Record Workbench bench 0.1",
        description = "Generator and benchmarks of the Golden Record Workbench (developer tool, not shipped).",
        subcommands = {GenerateCommand.class, BenchmarkCommand.class, ReviewBenchmarkCommand.class, LedgerBenchmarkCommand.class,
            DbBenchmarkCommand.class, IncrementalBenchmarkCommand.class, LinkBenchmarkCommand.class, LearningBenchmarkCommand.class,
            ServerLoadCommand.class, ScaleCurveCommand.class,
            CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable, CliEnvironment.Holder {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;

    public BenchMain(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** When {@link #main} began (epoch milliseconds), -1 when run otherwise (tests). */
    static volatile long startedMs = -1;

    public static void main(String[] args) {
        startedMs = System.currentTimeMillis();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code, with the product's handling of failures. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CliEnvironment.system());
    }

    /** Runs with the given environment variables instead of the process's; for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        CommandLine cl = new CommandLine(new BenchMain(environment));
        // as wide as the terminal (80 columns where it cannot be told)
        cl.setUsageHelpAutoWidth(true);
        de.grw.cli.HelpWrapping.keepWordsWhole(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(Cli.describe(ex));
            return Cli.EXIT_FAILURE;
        });
        return cl.execute(args);
    }
}
