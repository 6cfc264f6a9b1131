package de.grw.cli;

import de.grw.api.ConstraintsExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw export-constraints}: the workspace's must-links and cannot-links for the Spark job (issue 17). */
@Command(name = "export-constraints", mixinStandardHelpOptions = true,
        description = "Writes the workspace's clerk decisions as constraints for a match run elsewhere (the Spark "
                + "job's --constraints FILE): must-links (the records of each approved golden record stay together) "
                + "and cannot-links (not-duplicate and split decisions keep two records apart), records named by "
                + "source and record id. Format grw-constraints, version 1 (JSON; see README). From a workspace file "
                + "or a server (--server URL); the export is logged in the access log under its case reference "
                + "(--case). Needs the right to run a match.")
final class ExportConstraintsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The constraints file to write "
            + "(replaced if it exists).")
    Path out;

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen) the export is logged "
            + "under in the access log; required (the file tells who is one person and who is not).")
    String caseRef;

    @Override
    public Integer call() {
        try (Login login = options.login()) {
            ConstraintsExport s = login.signedIn().export().constraints(out, caseRef);
            spec.commandLine().getOut().printf("wrote %s: %,d must-link groups (%,d records), %,d cannot-links%n",
                    out, s.mustLinkGroups(), s.mustLinkRecords(), s.cannotLinks());
        }
        return 0;
    }
}
