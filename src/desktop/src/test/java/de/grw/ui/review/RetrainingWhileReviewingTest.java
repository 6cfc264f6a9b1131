package de.grw.ui.review;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.store.Sql;
import de.grw.store.Workspace;
import de.grw.ui.HeldWorkspace;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import de.grw.versions.ModelVersionView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining runs in the background and the review goes on (issue 15): while a supervisor's training is held in the
 * middle of its EM (the long way, reading the records), the clerk at the review screen's view model takes a decision
 * and moves on to the next cluster; the training then finishes, and the decision is in effect.
 */
class RetrainingWhileReviewingTest {
    private static final String CASE = "51.2-2026/4711";
    @TempDir
    Path dir;
    private HeldWorkspace ws;
    private WorkbenchModel model;
    private SignedIn bernd;
    private ReviewViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        ws = HeldWorkspace.matched(dir);
        model = ws.model;
        bernd = ws.signIn("bernd", Role.SUPERVISOR);
        vm = ws.review(CASE, v -> { });
        assertThat(vm.currentProperty().get()).isNotNull();
    }

    @AfterEach
    void tearDown() {
        bernd.close();
        ws.close();
    }

    private void runHeld() {
        ws.runHeld();
    }

    private long decisions() {
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            return w.read(c -> Sql.first(c, "SELECT count(*) FROM decisions", rs -> rs.getLong(1)).orElseThrow());
        }
    }

    @Test
    void theClerkDecidesWhileASupervisorsTrainingRuns() throws Exception {
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            w.write(c -> Sql.update(c, "DELETE FROM kept_patterns")); // the long way: records read, pairs compared
        }
        CountDownLatch inEm = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProgressListener holding = (phase, done, total) -> {
            if (phase.equals("estimate") && inEm.getCount() > 0) {
                inEm.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<ModelVersionView> training = CompletableFuture.supplyAsync(() -> bernd.models()
                .train(holding, CancellationToken.NONE));
        try {
            assertThat(inEm.await(120, TimeUnit.SECONDS)).as("the training reached its EM").isTrue();

            long before = decisions();
            long cluster = vm.currentProperty().get().clusterId();
            List<Long> members = vm.currentProperty().get().members().stream().map(m -> m.id()).toList();
            onFx(() -> {
                vm.toggleMarked(members.get(0));
                vm.toggleMarked(members.get(1));
            });
            boolean[] sent = new boolean[1];
            onFx(() -> sent[0] = vm.notDuplicate());
            assertThat(sent[0]).as("the decision was sent").isTrue();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    this::runHeld, "the decision's task while the training runs");
            assertThat(decisions()).as("decided while the training runs").isEqualTo(before + 1);
            assertThat(vm.currentProperty().get().clusterId()).as("on to the next cluster").isNotEqualTo(cluster);
            assertThat(training).as("still training").isNotDone();
        } finally {
            release.countDown();
        }
        ModelVersionView v = training.get(300, TimeUnit.SECONDS);
        assertThat(v.method()).isEqualTo("em+labels");
        assertThat(v.active()).isFalse();
    }
}
