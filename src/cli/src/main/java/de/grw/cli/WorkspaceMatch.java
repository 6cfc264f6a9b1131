package de.grw.cli;

import de.grw.common.CancellationToken;
import de.grw.matching.MatchResult;
import de.grw.workspace.WorkspaceMatcher;
import java.io.PrintWriter;

/** {@code grw match --workspace}: runs the matcher over a workspace and prints what it changed in the queue. */
final class WorkspaceMatch {
    private WorkspaceMatch() {
    }

    static void run(Login login, Double threshold, boolean showModel, boolean quiet, PrintWriter out) {
        long start = System.nanoTime();
        WorkspaceMatcher.Result r = new WorkspaceMatcher(login.workspace()).run(login.session(), threshold,
                new ConsoleProgress(out, quiet), CancellationToken.NONE);
        MatchResult result = r.result();
        if (showModel) {
            result.model().describe().forEach(out::println);
        }
        out.println();
        out.println("Summary");
        out.printf("  match run %d: %,d records, %,d candidate pairs, threshold %.3f%n", r.runId(), r.records(),
                result.pairCount(), result.threshold());
        out.printf("  clusters with more than one record: %,d%n", r.clusters());
        out.printf("  new in the review queue: %,d; proposed before (review state kept): %,d; open clusters no "
                + "longer proposed: %,d%n", r.newClusters(), r.unchanged(), r.superseded());
        out.printf("  merges refused as contradictory: %,d%n", result.clusters().refusedMerges());
        out.printf("  seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        out.println("  next: grw queue --workspace " + login.workspace().file() + " --user " + login.session().user());
    }
}
