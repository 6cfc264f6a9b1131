package de.grw.cli;

import de.grw.review.ReviewViews.DecisionView;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code grw revert}: undoes a decision by recording a revert; nothing is deleted. */
@Command(name = "revert", mixinStandardHelpOptions = true,
        description = "Reverts a decision: an approved merge is taken apart (supervisors), a not-duplicate, "
                + "split or deferral undone (its clerk or a supervisor), a pending merge withdrawn. The "
                + "revert is a decision of its own; nothing is deleted. A merge that a later merge built on "
                + "is reverted after it.")
final class RevertCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Option(names = "--decision", required = true, paramLabel = "ID", description = "The decision to revert.")
    long decision;

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why.")
    String comment;

    @Option(names = "--case", paramLabel = "AZ", description = "Case reference (Aktenzeichen).")
    String caseRef;

    @Override
    public Integer call() {
        try (Login login = options.login()) {
            var review = login.signedIn().review();
            DecisionView r = review.revert(decision, comment, caseRef);
            DecisionView original = review.decision(decision);
            spec.commandLine().getOut().printf("decision %d reverts decision %d (now %s); cluster %d is back in the "
                    + "queue%n", r.id(), decision, original.state().name().toLowerCase(java.util.Locale.ROOT),
                    r.clusterId());
        }
        return 0;
    }
}
