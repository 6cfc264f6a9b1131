package de.grw.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.store.Sql;
import de.grw.store.Workspace;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining does not block the review (issue 15): while a training that reads the records (no kept counts) is held
 * in the middle of its EM, clerks and supervisors take and approve decisions and read the queue; the training then
 * finishes with the decisions in effect when it started.
 */
class RetrainingDoesNotBlockReviewTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void decisionsAreTakenWhileATrainingRuns() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            Workspace w = f.workspace();
            w.write(c -> Sql.update(c, "DELETE FROM kept_patterns")); // the long way: records read, pairs compared
            CountDownLatch inTraining = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ProgressListener holding = (phase, done, total) -> {
                if (phase.equals("estimate") && inTraining.getCount() > 0) {
                    inTraining.countDown();
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> training = background.submit(() -> Learning.matcher(w).train(f.supervisor(), holding,
                        CancellationToken.NONE));
                assertThat(inTraining.await(120, TimeUnit.SECONDS)).as("the training reached its EM").isTrue();

                List<Long> decided = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> KeptTrainingTest.notDuplicates(f, 2), "decisions while the training runs");
                assertThat(decided).hasSize(2);
                assertThat(training.isDone()).as("still training").isFalse();

                release.countDown();
                int version = training.get(300, TimeUnit.SECONDS);
                String inputs = (String) TestWorkspaces.rows(w, "SELECT inputs_json FROM models WHERE version = ?",
                        version).get(0).get(0);
                assertThat(inputs).as("trained with what was in effect when it started")
                        .contains("\"decisions_used\":[]");
                // the next training, from the kept counts, learns from the decisions taken meanwhile
                int next = Learning.matcher(w).train(f.supervisor(), ProgressListener.NONE, CancellationToken.NONE);
                String nextInputs = (String) TestWorkspaces.rows(w, "SELECT inputs_json FROM models WHERE version = ?",
                        next).get(0).get(0);
                assertThat(nextInputs).contains("counts_kept_with_run")
                        .contains("\"decisions_used\":" + decided.toString().replace(" ", ""));
            } finally {
                release.countDown();
                background.shutdownNow();
            }
        }
    }
}
