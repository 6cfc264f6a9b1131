package de.grw.ui.matching;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.ProgressListener;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.Band;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The match view model without a robot: a run fills the per-phase progress, the summary and the bands. */
class MatchViewModelTest {
    @TempDir
    Path dir;
    private WorkbenchModel model;
    private UiTestSupport.Recorded recorded;
    private MatchViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        model = UiTestSupport.signedInModel(dir);
        recorded = new UiTestSupport.Recorded();
        vm = new MatchViewModel(UiTestSupport.context(model, recorded));
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @Test
    void aRunFillsTheSummaryAndTheBandsAndASecondRunFindsNothingNew() {
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        onFx(vm::refresh);
        assertThat(vm.thresholdProperty().get()).isEqualTo(model.signedIn().governance().profile().threshold());

        onFx(vm::start);
        assertThat(recorded.errors).isEmpty();
        MatchViewModel.Summary s = vm.summaryProperty().get();
        assertThat(s).as(vm.messageProperty().get()).isNotNull();
        assertThat(s.records()).isEqualTo(600);
        assertThat(s.candidatePairs()).isPositive();
        assertThat(s.clusters()).isGreaterThan(50);
        assertThat(s.newClusters()).isEqualTo(s.clusters());
        assertThat(s.unchanged()).isZero();
        assertThat(s.band(Band.HIGH) + s.band(Band.MEDIUM) + s.band(Band.LOW)).isEqualTo(s.clusters());
        assertThat(s.band(Band.HIGH)).isPositive();
        assertThat(vm.phases()).allSatisfy(p -> assertThat(p.progress()).isEqualTo(1.0));
        assertThat(vm.phase("compare").detailProperty().get()).contains(" von ");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Abgleich abgeschlossen");

        onFx(vm::start);
        MatchViewModel.Summary again = vm.summaryProperty().get();
        // nothing new since the first run: the active model has nothing to compare, no run is stored
        assertThat(again.runId()).isEqualTo(s.runId());
        assertThat(again.newClusters()).isZero();
        assertThat(again.unchanged()).isEqualTo(s.clusters());
        assertThat(again.bands()).isEqualTo(s.bands());

        onFx(vm::toReview);
        assertThat(recorded.navigations).containsExactly("nav.review");
    }

    @Test
    void aHigherThresholdIsUsed() {
        UiTestSupport.importSamples(model.signedIn(), "kfz_halter.csv");
        onFx(() -> {
            vm.refresh();
            vm.thresholdProperty().set(0.95);
            vm.start();
        });
        assertThat(vm.summaryProperty().get()).as(vm.messageProperty().get()).isNotNull();
        assertThat(vm.summaryProperty().get().threshold()).isEqualTo(0.95);
        assertThat(vm.summaryProperty().get().records()).isEqualTo(121);
    }

    @Test
    void aCancelledRunSaysTruthfullyWhetherItStoredAnything() throws Exception {
        UiTestSupport.importSamples(model.signedIn(), "kfz_halter.csv");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        I18n i18n = I18n.german();
        MatchViewModel background = new MatchViewModel(new AppContext(i18n, model, new TaskRunner(executor, i18n),
                new UserSettings(), recorded.errors::add, recorded.navigations::add));
        onFx(() -> {
            background.start();
            assertThat(background.runningProperty().get()).isTrue();
            background.cancel();
        });
        executor.shutdown();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recorded.errors).isEmpty();
        int runs = UiTestSupport.read(model, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM match_runs")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (runs == 0) {
            assertThat(background.summaryProperty().get()).isNull();
            assertThat(background.messageProperty().get())
                    .isEqualTo("Abgleich abgebrochen. Es wurde nichts gespeichert.");
            assertThat(background.phases()).allSatisfy(p -> assertThat(p.progress()).isGreaterThanOrEqualTo(0));
        } else {
            assertThat(background.summaryProperty().get()).isNotNull();
            assertThat(background.messageProperty().get()).startsWith("Der Abbruch kam zu spät");
        }
    }

    @Test
    void anEmptyWorkspaceIsReportedWithoutADialog() {
        onFx(vm::start);
        assertThat(vm.summaryProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Der Arbeitsbereich hat weniger als zwei Sätze; importieren Sie zuerst Quellen.");
        assertThat(recorded.errors).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.phases()).allSatisfy(p -> assertThat(p.progress()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void progressFromWorkerThreadsReachesThePhasesAndEarlierPhasesCountAsDone() throws Exception {
        PhaseTracker[] tracker = new PhaseTracker[1];
        onFx(() -> tracker[0] = new PhaseTracker(vm.phases(), UiTestSupport.context(model, recorded).i18n()));
        assertThat(vm.phase("normalise").progress()).isEqualTo(PhaseProgress.INDETERMINATE);
        ProgressListener listener = tracker[0].listener();
        Thread worker = new Thread(() -> {
            for (int i = 0; i <= 1000; i++) {
                listener.progress("compare", i, 1000);
            }
            listener.progress("estimate", 1, 2);
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase("normalise").progress()).isEqualTo(1.0);
        assertThat(vm.phase("block").progress()).isEqualTo(1.0);
        assertThat(vm.phase("compare").progress()).isEqualTo(1.0);
        assertThat(vm.phase("estimate").progress()).isEqualTo(0.5);
        assertThat(vm.phase("score").progress()).isZero();
        assertThat(vm.phase("estimate").detailProperty().get()).isEqualTo("1 von 2");

        new Thread(() -> listener.progress("score", 10, 10)).start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> vm.phase("score").progress() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phase("cluster").progress()).as("clustering reports nothing: indeterminate")
                .isEqualTo(PhaseProgress.INDETERMINATE);
        onFx(() -> tracker[0].finish(false));
        assertThat(vm.phase("cluster").progress()).isZero();
        assertThat(vm.phase("score").progress()).isEqualTo(1.0);
    }
}
