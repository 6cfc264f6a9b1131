package de.grw.cli;

import de.grw.common.CancelledException;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code grw <command> ...}. A thin front end over the engine services, which check the rights
 * themselves. Workspace commands take {@code --workspace FILE --user NAME}; the password comes from the environment
 * variable {@code GRW_PASSWORD} or a prompt ({@link Passwords}).
 */
@Command(name = "grw", mixinStandardHelpOptions = true, version = "Golden Record Workbench 0.1",
        description = "Golden Record Workbench: finds, reviews and merges duplicate person records.",
        subcommands = {InitCommand.class, StoreCopyCommand.class, UsersCommand.class, ImportCommand.class, MatchCommand.class,
            QueueCommand.class, ShowCommand.class, DecideCommand.class, PendingCommand.class, ApproveCommand.class,
            RejectCommand.class, RevertCommand.class, ExportCommand.class, ExportConstraintsCommand.class, ImportProposalsCommand.class,
            VerifyCommand.class, ModelCommand.class, JournalCommand.class, AccessLogCommand.class,
            SampleWorkspaceCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable, CliEnvironment.Holder {
    /** Exit code of a run that failed on its input or environment (the message says why). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;

    public Cli() {
        this(CliEnvironment.system());
    }

    public Cli(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Environment variables and the password prompt this run uses. */
    @Override
    public CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns its exit code; never throws and never prints a stack trace. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CliEnvironment.system());
    }

    /**
     * Runs a command line with the given environment (variables and password prompt) instead of the process's;
     * for tests and programs that embed the command line.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        PrintWriter safeOut = new PrintWriter(new TerminalWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalWriter(err), true);
        try {
            return execute(args, safeOut, safeErr, environment);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    /** Runs a command line; everything it prints passes {@link TerminalWriter}. */
    private static int execute(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        CommandLine cl = commandLine(environment);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(describe(ex));
            if (Boolean.getBoolean("grw.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        return cl.execute(args);
    }

    /**
     * The command line with all its commands, as {@link #run} uses it: help without ANSI colours (the terminal filter
     * would show their escape sequences as text), as wide as the terminal (80 columns where it cannot be told).
     */
    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cl = new CommandLine(new Cli(environment));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setUsageHelpAutoWidth(true);
        HelpWrapping.keepWordsWhole(cl);
        return cl;
    }

    public static String describe(Throwable ex) {
        if (ex instanceof AccessDeniedException) {
            return "access denied: " + ex.getMessage();
        }
        if (ex instanceof UserFacingException) {
            return "error: " + ex.getMessage();
        }
        if (ex instanceof CancelledException) {
            return "cancelled";
        }
        if (ex instanceof OutOfMemoryError) {
            return "error: out of memory; give Java more heap (for example java -Xmx8g -jar grw.jar ...)";
        }
        if (ex instanceof java.io.IOException) {
            return "error: " + ex.getMessage();
        }
        return "internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + " (run with -Dgrw.debug=true for details, and please report it)";
    }
}
