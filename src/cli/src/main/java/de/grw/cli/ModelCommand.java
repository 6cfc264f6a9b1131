package de.grw.cli;

import de.grw.common.CancellationToken;
import de.grw.versions.ModelVersionView;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        throw SignedInCommand.nameWhatToDo(spec, "list, show, train, activate or revert");
    }

    /** The columns of a version in list, show and train. */
    static final Columns VERSIONS = new Columns("%-7s %-9s %-20s %-14s %-9s %9s %9s %6s %6s %6s", "version", "state",
            "trained", "by", "method", "records", "decisions", "prec.", "recall", "F1");

    static void row(PrintWriter out, ModelVersionView v) {
        VERSIONS.row(out, v.version(), v.state(), v.trainedAt().length() > 19 ? v.trainedAt().substring(0, 19)
                : v.trainedAt(), v.trainedBy(), v.method() == null ? "-" : v.method(), v.records(),
                v.decisionsUsed().size() + "/" + v.decisionsInForce(), number(v.precision()), number(v.recall()),
                number(v.f1()));
    }

    static void header(PrintWriter out) {
        VERSIONS.header(out);
    }

    private static String number(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the model versions, newest first "
            + "(decisions: used as labels / in effect when trained; precision, recall and F1 as the model estimates "
            + "them).")
    static final class ListVersions extends SignedInCommand {
        @Override
        void run(Login login, PrintWriter out) {
            header(out);
            for (ModelVersionView v : login.signedIn().models().list()) {
                row(out, v);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one version with its inputs and "
            + "parameters.")
    static final class Show extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "VERSION")
        int version;

        @Override
        void run(Login login, PrintWriter out) {
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
    }

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Trains a new version over all records; "
            + "it waits for a supervisor's activation (unless the workspace has no usable model yet).")
    static final class Train extends SignedInCommand {
        @Option(names = "--quiet", description = "No progress output.")
        boolean quiet;

        @Override
        void run(Login login, PrintWriter out) {
            ModelVersionView v = login.signedIn().models().train(new ConsoleProgress(out, quiet),
                    CancellationToken.NONE);
            header(out);
            row(out, v);
            out.println(v.active() ? "version " + v.version() + " is active (the workspace had no usable model)"
                    : "version " + v.version() + " waits for a supervisor other than " + v.trainedBy()
                    + ": 'grw model activate " + v.version() + "'");
        }
    }

    /**
     * What {@code activate} and {@code revert} share: the version, a journalled comment, and one call of the engine's
     * {@link de.grw.api.ModelsApi} whose answer is printed.
     */
    abstract static class VersionAction extends SignedInCommand {
        @Parameters(index = "0", paramLabel = "VERSION")
        int version;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (journalled).")
        String comment;

        /** Calls the engine and returns the line to print. */
        abstract String act(de.grw.api.ModelsApi models);

        @Override
        void run(Login login, PrintWriter out) {
            out.println(act(login.signedIn().models()));
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
