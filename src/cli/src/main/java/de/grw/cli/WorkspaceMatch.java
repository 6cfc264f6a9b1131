package de.grw.cli;

import de.grw.api.MatchRun;
import de.grw.common.CancellationToken;
import java.io.PrintWriter;

/** {@code grw match --workspace}: runs the matcher over a workspace and prints what it changed in the queue. */
final class WorkspaceMatch {
    private WorkspaceMatch() {
    }

    static void run(Login login, Double threshold, boolean reestimate, boolean showModel, boolean quiet,
                    PrintWriter out) {
        long start = System.nanoTime();
        MatchRun r = login.signedIn().matching().run(threshold, reestimate, new ConsoleProgress(out, quiet),
                CancellationToken.NONE);
        if (reestimate) {
            out.println();
            out.println("A new model version was trained; it scores nothing until a supervisor who did not train it "
                    + "activates it ('grw model list', 'grw model activate VERSION'). This run used the active one.");
        }
        if ("nothing-new".equals(r.kind())) {
            out.println();
            out.printf("Nothing new since match run %d (model version %d): no records to compare, the queue is "
                    + "unchanged.%n", r.runId(), r.modelVersion());
            return;
        }
        if (showModel) {
            r.model().forEach(out::println);
        }
        out.println();
        out.println("Summary");
        out.printf("  match run %d: %,d records, %,d candidate pairs, threshold %.3f%n", r.runId(), r.records(),
                r.candidatePairs(), r.threshold());
        out.printf("  model: %s%n", switch (r.kind()) {
            case "estimated" -> "estimated over all records, the workspace's first: active as version "
                    + r.modelVersion();
            case "incremental" -> String.format("active version %d; %,d new records compared against the others",
                    r.modelVersion(), r.newRecords());
            default -> "active version " + r.modelVersion() + "; all pairs scored again (threshold or active "
                    + "model changed)";
        });
        out.printf("  clusters with more than one record: %,d%n", r.clusters());
        out.printf("  new in the review queue: %,d; proposed before (review state kept): %,d; open clusters no "
                + "longer proposed: %,d%n", r.newClusters(), r.unchanged(), r.superseded());
        out.printf("  merges refused as contradictory: %,d%n", r.refusedMerges());
        out.printf("  seconds: %.2f%n", (System.nanoTime() - start) / 1e9);
        String where = login.file() != null ? "--workspace " + login.file()
                : "--server " + login.workbench().info().location();
        out.println("  next: grw queue " + where + " --user " + login.signedIn().user());
    }
}
