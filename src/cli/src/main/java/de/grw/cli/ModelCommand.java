package de.grw.cli;

import de.grw.common.CancellationToken;
import de.grw.versions.ModelVersionView;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grw model list|show|train|activate|revert}: the workspace's model versions (issue 15). The engine checks the
 * rights: activating and going back need a supervisor, and a version is activated only by a supervisor who did not
 * train it (four eyes).
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Lists, trains, activates and goes back to model versions. A trained version scores nothing "
                + "until a supervisor who did not train it activates it (four eyes); a supervisor can go back to a "
                + "version that was active before. Everything is journalled; 'grw verify' compares the versions "
                + "with the journal.",
        subcommands = {ModelCommand.ListVersions.class, ModelCommand.Show.class, ModelCommand.Train.class,
            ModelCommand.Activate.class, ModelCommand.Revert.class})
final class ModelCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to do: list, show, train, activate "
                + "or revert");
    }

    static void row(PrintWriter out, ModelVersionView v) {
        out.printf(Locale.ROOT, "%-7d %-9s %-20s %-14s %-9s %9d %9s %6s %6s %6s%n", v.version(), v.state(),
                v.trainedAt().length() > 19 ? v.trainedAt().substring(0, 19) : v.trainedAt(), v.trainedBy(),
                v.method() == null ? "-" : v.method(), v.records(), v.decisionsUsed().size() + "/"
                        + v.decisionsInForce(), number(v.precision()), number(v.recall()), number(v.f1()));
    }

    static void header(PrintWriter out) {
        out.printf(Locale.ROOT, "%-7s %-9s %-20s %-14s %-9s %9s %9s %6s %6s %6s%n", "version", "state", "trained",
                "by", "method", "records", "decisions", "prec.", "recall", "F1");
    }

    private static String number(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the model versions, newest first "
            + "(decisions: used as labels / in effect when trained; precision, recall and F1 as the model estimates "
            + "them).")
    static final class ListVersions implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ServerOrWorkspaceOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Login login = options.login()) {
                header(out);
                for (ModelVersionView v : login.signedIn().models().list()) {
                    row(out, v);
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one version with its inputs and "
            + "parameters.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ServerOrWorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "VERSION")
        int version;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Login login = options.login()) {
                ModelVersionView v = login.signedIn().models().list().stream().filter(m -> m.version() == version)
                        .findFirst().orElseThrow(() -> new de.grw.common.UserFacingException(
                                de.grw.common.Text.of("model.unknown", version)));
                header(out);
                row(out, v);
                out.println("trained at:     " + v.trainedAt() + (v.runId() == null ? "" : " (match run " + v.runId()
                        + ")") + (v.reason() == null ? "" : ", reason: " + v.reason()));
                out.println("decisions used: " + (v.decisionsUsed().isEmpty() ? "none" : v.decisionsUsed()));
                out.println("parameters:     SHA-256 " + v.modelSha256() + (v.converged() ? "" : " (EM did not "
                        + "converge)"));
                if (v.activatedBy() != null) {
                    out.println("activated:      " + v.activatedAt() + " by " + v.activatedBy());
                }
                v.parameters().forEach(line -> out.println("  " + line));
            }
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Trains a new version over all records; "
            + "it waits for a supervisor's activation (unless the workspace has no usable model yet).")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ServerOrWorkspaceOptions options;

        @Option(names = "--quiet", description = "No progress output.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Login login = options.login()) {
                ModelVersionView v = login.signedIn().models().train(new ConsoleProgress(out, quiet),
                        CancellationToken.NONE);
                header(out);
                row(out, v);
                out.println(v.active() ? "version " + v.version() + " is active (the workspace had no usable model)"
                        : "version " + v.version() + " waits for a supervisor other than " + v.trainedBy()
                        + ": 'grw model activate " + v.version() + "'");
            }
            return 0;
        }
    }

    /**
     * What {@code activate} and {@code revert} share: the version, a journalled comment, and one call of the engine's
     * {@link de.grw.api.ModelsApi} whose answer is printed.
     */
    abstract static class VersionAction implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ServerOrWorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "VERSION")
        int version;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (journalled).")
        String comment;

        /** Calls the engine and returns the line to print. */
        abstract String act(de.grw.api.ModelsApi models);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Login login = options.login()) {
                out.println(act(login.signedIn().models()));
            }
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Activates a version trained by "
            + "someone else (supervisors; four eyes). The next match run scores with it.")
    static final class Activate extends VersionAction {
        @Override
        String act(de.grw.api.ModelsApi models) {
            ModelVersionView v = models.activate(version, comment);
            return "model version " + v.version() + " (trained by " + v.trainedBy() + ") is active";
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, description = "Goes back to a version that was "
            + "active before (supervisors). The next match run scores with it.")
    static final class Revert extends VersionAction {
        @Override
        String act(de.grw.api.ModelsApi models) {
            return "model version " + models.revert(version, comment).version() + " is active again";
        }
    }
}
