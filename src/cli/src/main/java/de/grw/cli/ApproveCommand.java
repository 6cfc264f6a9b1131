package de.grw.cli;

import de.grw.review.ReviewViews.DecisionView;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw approve}: a supervisor approves a pending merge, which then takes effect. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approves a merge waiting for approval (supervisors only, and never one's own proposal: "
                + "four-eyes principle). The merge then takes effect: the golden record is created or "
                + "extended.")
final class ApproveCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--decision", required = true, paramLabel = "ID", description = "The pending merge (see "
            + "pending).")
    long decision;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A comment for the record.")
    String comment;

    @Override
    public Integer call() {
        try (Login login = options.login()) {
            DecisionView d = login.signedIn().approval().approve(decision, comment);
            String golden = login.signedIn().review().goldenRecordOf(d.id()).orElse(null);
            spec.commandLine().getOut().printf("decision %d approved: the merge of cluster %d is in effect%s%n",
                    d.id(), d.clusterId(), golden == null ? "" : " (golden record " + golden + ")");
        }
        return 0;
    }
}
