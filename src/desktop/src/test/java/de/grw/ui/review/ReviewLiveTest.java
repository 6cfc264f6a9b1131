package de.grw.ui.review;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.store.Sql;
import de.grw.store.Workspace;
import de.grw.ui.HeldWorkspace;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import de.grw.workspace.ClusterStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clerks on one workspace: anna at the review screen's view model, dora through a session of her own. A cluster
 * dora holds is read-only for anna with who and until when; anna leaving a cluster or signing out ends her claim;
 * a claim anna lost, and a cluster dora decided meanwhile, are told to anna at the next poll of the change feed.
 * All of it through the task runner's executor.
 */
class ReviewLiveTest {
    private static final String CASE = "51.2-2026/4711";
    @TempDir
    Path dir;
    private HeldWorkspace ws;
    private WorkbenchModel model;
    private SignedIn dora;
    private Deque<Runnable> held;
    private ReviewViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        ws = HeldWorkspace.matched(dir);
        model = ws.model;
        held = ws.held;
        dora = ws.signIn("dora", Role.CLERK);
        vm = ws.review(CASE, v -> v.live().renewEvery(0));
        assertThat(vm.currentProperty().get()).isNotNull();
    }

    @AfterEach
    void tearDown() {
        dora.close();
        ws.close();
    }

    private void runHeld() {
        ws.runHeld();
    }

    private long open() {
        return vm.currentProperty().get().clusterId();
    }

    /** Lets anna's claim run out, as if her computer had slept for longer than ten minutes. */
    private void expireClaims() {
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            w.write(c -> Sql.update(c, "UPDATE cluster_claims SET expires_at = '2000-01-01T00:00:00.000Z'"));
        }
    }

    @Test
    void aClusterAnotherClerkHoldsIsReadOnlyAndTheOneLeftIsReleased() {
        long first = open();
        assertThat(vm.live().held()).isEqualTo(first);
        assertThat(dora.review().claimOf(first)).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo("anna"));
        assertThat(vm.readOnly()).isFalse();

        QueueEntry second = vm.queue().get(1);
        dora.review().show(second.clusterId(), CASE); // dora opens it: her claim
        onFx(() -> vm.open(1));
        assertThat(held).as("opened in the background").isNotEmpty();
        runHeld();

        assertThat(open()).isEqualTo(second.clusterId());
        assertThat(vm.readOnly()).isTrue();
        assertThat(vm.live().claimText().get()).startsWith("In Bearbeitung durch dora bis ")
                .matches(".* bis \\d\\d:\\d\\d");
        assertThat(vm.live().claimedByOthers()).containsKey(second.clusterId());
        // anna left her first cluster: her claim on it ended
        assertThat(dora.review().claimOf(first)).isEmpty();
        assertThat(vm.live().held()).isNull();

        // nothing can be decided or marked; nothing was written
        int pending = dora.approval().pending().size();
        onFx(() -> assertThat(vm.merge()).isFalse());
        onFx(() -> assertThat(vm.defer()).isFalse());
        onFx(() -> vm.toggleMarked(vm.currentProperty().get().members().get(0).id()));
        assertThat(held).isEmpty();
        assertThat(vm.marked()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("In Bearbeitung durch dora");
        assertThat(dora.approval().pending()).hasSize(pending);

        // dora leaves it: at the next poll anna takes it over and may decide
        dora.review().release(second.clusterId());
        onFx(vm.live()::poll);
        runHeld();
        assertThat(vm.readOnly()).isFalse();
        assertThat(vm.live().notices()).last().asString().isEqualTo(
                "Gruppe " + second.clusterId() + " ist jetzt frei: Sie bearbeiten sie.");
        assertThat(vm.live().claimedByOthers()).doesNotContainKey(second.clusterId());
    }

    @Test
    void aLostClaimIsToldAtTheNextPoll() {
        long cluster = open();
        onFx(vm.live()::poll);
        runHeld();
        assertThat(vm.live().notices()).isEmpty();

        expireClaims();
        assertThat(dora.review().claim(cluster)).hasValueSatisfying(c -> assertThat(c.mine()).isTrue());
        onFx(vm.live()::poll);
        runHeld();

        assertThat(vm.live().notices()).hasSize(1);
        assertThat(vm.live().notices().get(0)).startsWith("Sie bearbeiten Gruppe " + cluster + " nicht mehr: dora");
        assertThat(vm.readOnly()).isTrue();
        assertThat(vm.live().held()).isNull();
    }

    @Test
    void aClusterDecidedElsewhereIsToldAndLeavesTheQueue() {
        long cluster = open();
        onFx(vm.live()::poll); // the feed's position
        runHeld();

        expireClaims();
        dora.review().propose(cluster, new MergeCommand(dora.review().memberIds(cluster), Map.of()), "", CASE);
        onFx(vm.live()::poll);
        runHeld();

        assertThat(vm.live().notices()).containsExactly(
                "Gruppe " + cluster + " wurde inzwischen von dora entschieden; die Prüfliste ist aktualisiert.");
        assertThat(vm.queue()).extracting(QueueEntry::clusterId).doesNotContain(cluster);
        assertThat(open()).isNotEqualTo(cluster);
        assertThat(vm.readOnly()).isFalse();
    }

    @Test
    void anIdleClerkAsksNothingSoTheClaimRunsOut() {
        vm.live().idleAfter(0);
        sleep(5);
        onFx(vm.live()::poll);
        assertThat(held).as("nothing asked").isEmpty();
        vm.live().idleAfter(60_000);
        onFx(vm.live()::touched);
        onFx(vm.live()::poll);
        assertThat(held).hasSize(1);
        runHeld();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void signingOutAndLeavingTheScreenEndTheClaim() {
        long cluster = open();
        onFx(vm.live()::stop); // another screen
        runHeld();
        assertThat(dora.review().claimOf(cluster)).isEmpty();

        onFx(() -> vm.open(0));
        runHeld();
        long again = open();
        assertThat(dora.review().claimOf(again)).isPresent();
        // as in the main window: nobody signed in, so the review is left (before the session ends)
        model.signedInProperty().addListener((o, was, now) -> {
            if (now == null) {
                vm.live().stop();
            }
        });
        onFx(model::signOut); // the closer runs on the calling thread here
        runHeld();
        assertThat(dora.review().claimOf(again)).isEmpty();
        List<QueueEntry> doras = dora.review().queue(EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED), 0);
        assertThat(doras).extracting(QueueEntry::clusterId).contains(again);
    }
}
