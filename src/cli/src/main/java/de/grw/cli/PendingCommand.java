package de.grw.cli;

import de.grw.review.DecisionPayload;
import de.grw.review.ReviewViews.DecisionView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code grw pending}: merges waiting for a supervisor's approval. */
@Command(name = "pending", mixinStandardHelpOptions = true,
        description = "Lists the merges waiting for a supervisor's approval (four-eyes principle).")
final class PendingCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServerOrWorkspaceOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Login login = options.login()) {
            List<DecisionView> pending = login.signedIn().approval().pending();
            out.printf("%-8s %-8s %-16s %-24s %-16s %-10s %s%n", "decision", "cluster", "proposed_by", "proposed_at",
                    "case", "records", "comment");
            for (DecisionView d : pending) {
                String ids = d.payload() instanceof DecisionPayload.Merge merge ? String.join(",",
                        merge.members().stream().map(String::valueOf).toList()) : "";
                out.printf("%-8d %-8s %-16s %-24s %-16s %-10s %s%n", d.id(), d.clusterId(), d.proposedBy(),
                        d.proposedAt(), d.caseRef(), ids, d.comment());
            }
            if (pending.isEmpty()) {
                out.println("(no merges waiting)");
            }
        }
        return 0;
    }
}
