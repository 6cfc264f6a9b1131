package de.grw.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A subcommand that signs in to a workspace file or server ({@link ServerOrWorkspaceOptions}), does its work with the
 * signed-in API and prints to the command's output: the option block and login that {@code grw users} and {@code grw
 * model} subcommands shared by copy before.
 */
abstract class SignedInCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    /** The work, signed in; what to print goes to {@code out}. */
    abstract void run(Login login, PrintWriter out);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            run(login, out);
        }
        return 0;
    }

    /** What a command of subcommands says when none is named. */
    static CommandLine.ParameterException nameWhatToDo(CommandLine.Model.CommandSpec spec, String subcommands) {
        return new CommandLine.ParameterException(spec.commandLine(), "name what to do: " + subcommands);
    }
}
