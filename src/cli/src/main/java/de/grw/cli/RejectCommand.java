package de.grw.cli;

import de.grw.review.ReviewViews.DecisionView;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw reject}: a supervisor rejects a pending merge; the cluster returns to the queue. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Rejects a merge waiting for approval (supervisors only); the cluster returns to the queue "
                + "with the comment as its note.")
final class RejectCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--decision", required = true, paramLabel = "ID", description = "The pending merge.")
    long decision;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why, for the clerk.")
    String comment;

    @Override
    public Integer call() {
        try (Login login = options.login()) {
            DecisionView d = login.signedIn().approval().reject(decision, comment);
            spec.commandLine().getOut().printf("decision %d rejected; cluster %d is back in the queue%n", d.id(),
                    d.clusterId());
        }
        return 0;
    }
}
