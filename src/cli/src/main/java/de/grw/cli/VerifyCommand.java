package de.grw.cli;

import de.grw.journal.JournalFile;
import de.grw.journal.JournalVerifier;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw verify}: checks the journal's hash chain, in a workspace or in an exported journal file. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the journal's hash chain: of a workspace (--workspace FILE --user NAME) or of an "
                + "exported journal.jsonl (--journal FILE, no workspace needed). Finds a modified, deleted, "
                + "inserted or reordered entry and names the first bad one (exit code 1). Entries cut off "
                + "at the end leave a valid shorter chain: compare the head hash with one kept elsewhere "
                + "(--expect-head).")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-w", "--workspace"}, paramLabel = "FILE", description = "The workspace (with --user).")
        Path workspace;

        @Option(names = "--journal", paramLabel = "FILE", description = "An exported journal (journal.jsonl).")
        Path journal;
    }

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "Your user name, with --workspace. The "
            + "password is read from GRW_PASSWORD, else asked for.")
    String user;

    @Option(names = "--expect-head", paramLabel = "HASH", description = "The head hash the journal must end with "
            + "(as printed by an earlier verify or export).")
    String expectHead;

    @Override
    public Integer call() {
        JournalVerifier.Result result;
        if (source.journal != null) {
            if (user != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user belongs to --workspace; an "
                        + "exported journal is verified without logging in");
            }
            result = JournalFile.verify(source.journal);
        } else {
            if (user == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Missing required option: '--user=NAME' (verifying a workspace needs a user)");
            }
            try (Login login = Login.open(spec, source.workspace, user)) {
                result = login.signedIn().journal().verify();
            }
        }
        if (!result.ok()) {
            spec.commandLine().getErr().println(result.describe());
            return Cli.EXIT_FAILURE;
        }
        if (expectHead != null && !expectHead.strip().equalsIgnoreCase(result.headHash())) {
            spec.commandLine().getErr().println("journal damaged: the chain of " + result.entries() + " entries is "
                    + "intact but ends with head " + result.headHash() + ", not the expected " + expectHead.strip()
                    + " (entries were cut off at the end, or it is another journal)");
            return Cli.EXIT_FAILURE;
        }
        spec.commandLine().getOut().println(result.describe()
                + (expectHead != null ? " (the expected head)" : ""));
        return 0;
    }
}
