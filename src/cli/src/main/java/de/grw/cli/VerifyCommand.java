package de.grw.cli;

import de.grw.journal.JournalEntry;
import de.grw.journal.JournalFile;
import de.grw.ledger.LedgerKey;
import de.grw.ledger.TreeHead;
import de.grw.journal.JournalVerifier;
import java.nio.file.Path;
import java.util.List;
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
                + "at the end leave a valid shorter chain: compare with a head kept elsewhere: the tree head an "
                + "export wrote (--head journal.treehead.json: a consistency proof that today's journal extends "
                + "it) or the head hash it printed (--expect-head). A workspace that keeps a ledger "
                + "(GRW_LEDGER_HOME) is also compared with the ledger's last signed checkpoint; every table "
                + "that differs is named.")
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

        @Option(names = "--server", paramLabel = "URL", description = "A workspace server, https://host:port "
                + "(with --user).")
        String server;
    }

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "With --server: the SHA-256 fingerprint "
            + "of the server's certificate (grw server prints it).")
    String fingerprint;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "Your user name, with --workspace. The "
            + "password is read from GRW_PASSWORD, else asked for.")
    String user;

    @Option(names = "--expect-head", paramLabel = "HASH", description = "The head hash the journal must end with "
            + "(as printed by an earlier verify or export).")
    String expectHead;

    @Option(names = "--head", paramLabel = "FILE", description = "A tree head kept from an earlier export "
            + "(journal.treehead.json): proves with a consistency proof that the journal extends it (entries "
            + "appended only, none changed or removed).")
    Path head;

    @Option(names = "--key", paramLabel = "FILE", description = "With --head: the ledger's public key (ledger.pub "
            + "from the ledger's home, kept apart); the head must be signed by it.")
    Path key;

    @Override
    public Integer call() {
        if (key != null && head == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key belongs to --head (the key the kept "
                    + "tree head must be signed by)");
        }
        JournalVerifier.Result result;
        java.util.function.Supplier<List<JournalEntry>> entries;
        if (source.journal != null) {
            if (user != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--user belongs to --workspace or --server; an "
                        + "exported journal is verified without logging in");
            }
            result = JournalFile.verify(source.journal);
            entries = () -> JournalFile.read(source.journal);
        } else {
            if (user == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Missing required option: '--user=NAME' (verifying a workspace needs a user)");
            }
            try (Login login = ServerOrWorkspaceOptions.login(spec, source.workspace, source.server, fingerprint,
                    user)) {
                result = login.signedIn().journal().verify();
                List<JournalEntry> all = head != null || expectHead != null
                        ? login.signedIn().journal().entries(null, null, null, null) : List.of();
                entries = () -> all;
            }
        }
        if (!result.ok()) {
            spec.commandLine().getErr().println(result.describe());
            return Cli.EXIT_FAILURE;
        }
        StringBuilder also = new StringBuilder();
        if (expectHead != null && !expectHead.strip().equalsIgnoreCase(result.headHash())) {
            String expected = expectHead.strip().toLowerCase(java.util.Locale.ROOT);
            java.util.Optional<JournalEntry> earlier = entries.get().stream().filter(e -> e.hash().equals(expected))
                    .findFirst();
            if (earlier.isEmpty()) {
                spec.commandLine().getErr().println("journal damaged: the chain of " + result.entries() + " entries "
                        + "is intact but neither ends with nor passes the expected head " + expectHead.strip()
                        + " (entries were cut off at the end or rewritten, or it is another journal)");
                return Cli.EXIT_FAILURE;
            }
            also.append("\nthe expected head is entry ").append(earlier.get().seq()).append(" of ")
                    .append(result.entries()).append(": the journal has grown since, the entries up to it unchanged");
        } else if (expectHead != null) {
            also.append(" (the expected head)");
        }
        if (head != null) {
            TreeHead kept = TreeHead.read(head);
            if (key != null) {
                java.security.PublicKey trusted = readKey(key);
                if (!kept.signedBy(trusted)) {
                    spec.commandLine().getErr().println("tree head " + head + " is not signed by the key " + key
                            + (kept.isSigned() ? " (it names key " + kept.keyFingerprint() + ")" : " (it is unsigned)"));
                    return Cli.EXIT_FAILURE;
                }
            } else if (kept.isSigned() && !kept.signatureValid()) {
                spec.commandLine().getErr().println("tree head " + head + ": its signature does not match its content "
                        + "(the head was edited)");
                return Cli.EXIT_FAILURE;
            }
            TreeHead.Extension ext = kept.extendedBy(entries.get());
            if (!ext.ok()) {
                spec.commandLine().getErr().println("journal damaged: " + ext.message());
                return Cli.EXIT_FAILURE;
            }
            also.append("\n").append(ext.message()).append(kept.isSigned() ? "; the head is signed by key "
                    + kept.keyFingerprint() + (key != null ? " (the given key)" : " (compare it with the ledger's "
                    + "key, or give --key)") : "; the head is unsigned (no ledger)");
        }
        spec.commandLine().getOut().println(result.describe() + also);
        return 0;
    }

    private java.security.PublicKey readKey(Path file) {
        try {
            return LedgerKey.publicKey(java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new de.grw.common.UserFacingException(file + ": cannot read the key: " + e.getMessage(), e);
        } catch (de.grw.common.UserFacingException e) {
            throw new de.grw.common.UserFacingException(file + ": " + e.getMessage(), e);
        }
    }
}
