package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.Workspace;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.rights.Session;
import de.grw.users.UserService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision acknowledged to the user is committed: a child JVM takes decisions in a loop and is killed with
 * SIGKILL while it is still writing; every decision it acknowledged is in the workspace afterwards, with its journal
 * entry, and the workspace opens cleanly.
 */
class DurabilityTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final int ACKS_BEFORE_KILL = 120;

    @TempDir
    Path dir;

    /**
     * The child's standard output goes straight into a file (no pipe): a line the child wrote before SIGKILL is in
     * the file afterwards, whereas a pipe read by a thread of this JVM lost an acknowledgement once under heavy load
     * (two decisions stored, one acknowledged line missing). Only complete lines count (a line cut by the kill is
     * not an ack).
     */
    private static List<String> lines(Path out) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    private static long acks(Path out) throws IOException {
        return lines(out).stream().filter(l -> l.startsWith("ACK ")).count();
    }

    @Test
    void killedChildLosesNoAcknowledgedDecisionAndTheWorkspaceOpensCleanly() throws Exception {
        Path file = TestWorkspaces.copyTo(dir);
        long decisionsBefore;
        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            decisionsBefore = TestWorkspaces.count(w, "SELECT count(*) FROM decisions");
        }
        Path stderr = dir.resolve("child.err");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dgrw.kdf.iterations=10000", "-cp", System.getProperty("java.class.path"),
                DecisionStreamMain.class.getName(), file.toString(), "100000");
        pb.redirectError(stderr.toFile());
        Path stdout = dir.resolve("child.out");
        pb.redirectOutput(stdout.toFile());
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (acks(stdout) < ACKS_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(acks(stdout)).as("child output %s, errors %s", lines(stdout), Files.exists(stderr)
                    ? Files.readString(stderr) : "").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            assertThat(child.isAlive()).as("the child is still deciding when it is killed").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<String> lines = lines(stdout);
        assertThat(lines).doesNotContain("DONE");
        Map<Long, String> acked = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acked.put(Long.parseLong(parts[1]), parts[2]);
            }
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (Workspace w = Workspace.open(file, Clock.systemUTC())) {
            assertThat(w.migrated()).isEmpty();
            assertThat(TestWorkspaces.rows(w, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(TestWorkspaces.rows(w, "PRAGMA foreign_key_check")).isEmpty();
            JournalVerifier.Result verified = w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
            assertThat(verified.ok()).as(verified.describe()).isTrue();

            Map<Long, String> stored = new HashMap<>();
            for (List<Object> row : TestWorkspaces.rows(w, "SELECT id, kind FROM decisions")) {
                stored.put(((Number) row.get(0)).longValue(), (String) row.get(1));
            }
            Set<Long> journalled = new HashSet<>();
            for (JournalEntry e : w.read(Journal::all)) {
                if (e.action().startsWith("decision.")) {
                    journalled.add(CanonicalJson.parse(e.payload()).path("decision").asLong());
                }
            }
            acked.forEach((id, kind) -> {
                assertThat(stored).as("acknowledged decision %d", id).containsEntry(id, kind);
                assertThat(journalled).as("journal entry of acknowledged decision %d", id).contains(id);
            });
            // at most the one decision that committed while its ACK was not yet written is unacknowledged
            long added = stored.size() - decisionsBefore;
            assertThat(added).isBetween((long) acked.size(), acked.size() + 1L);
            assertThat(journalled).hasSize(stored.size());

            // and work goes on
            Session clerk = new UserService(w).login(TestWorkspaces.CLERK,
                    TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ReviewService review = new ReviewService(w);
            long cluster = review.queue(clerk, null, 1).get(0).clusterId();
            DecisionView after = review.propose(clerk, cluster, new DeferCommand(), "nach dem Absturz", "AZ-X");
            assertThat(after.id()).isGreaterThan(acked.keySet().stream().mapToLong(Long::longValue).max()
                    .orElseThrow());
        }
    }
}
