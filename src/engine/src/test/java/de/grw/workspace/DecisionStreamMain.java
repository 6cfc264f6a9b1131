package de.grw.workspace;

import de.grw.store.Workspace;
import de.grw.review.DeferCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.users.UserService;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Child process of {@link DurabilityTest}: opens a workspace and takes decisions in a loop (a deferral, then a
 * not-duplicate decision, each reverted right away), printing {@code ACK <decision id> <kind>} only after the
 * service call that made the decision has returned.
 */
public final class DecisionStreamMain {
    private DecisionStreamMain() {
    }

    public static void main(String[] args) {
        System.setProperty("grw.kdf.iterations", "10000");
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            Session clerk = new UserService(w).login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ReviewService review = new ReviewService(w);
            List<QueueEntry> pairs = review.queue(clerk, EnumSet.of(ClusterStatus.OPEN), 0).stream()
                    .filter(q -> q.size() == 2).limit(40).toList();
            out.println("READY " + pairs.size());
            out.flush();
            for (int i = 0; i < rounds; i++) {
                long cluster = pairs.get(i % pairs.size()).clusterId();
                String caseRef = "AZ-" + i;
                DecisionView d;
                if (i % 2 == 0) {
                    d = review.propose(clerk, cluster, new DeferCommand(), "Rückfrage beim Bürger", caseRef);
                } else {
                    List<Long> members = TestWorkspaces.members(w, cluster);
                    d = review.propose(clerk, cluster, new NotDuplicateCommand(members.get(0), members.get(1)),
                            "verschiedene Personen", caseRef);
                }
                out.println("ACK " + d.id() + " " + d.kind());
                out.flush();
                DecisionView r = review.revert(clerk, d.id(), "zurückgenommen", caseRef);
                out.println("ACK " + r.id() + " " + r.kind());
                out.flush();
            }
            out.println("DONE");
            out.flush();
        }
    }
}
