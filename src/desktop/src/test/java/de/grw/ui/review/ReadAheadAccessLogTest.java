package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.AccessEntry;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.server.WorkspaceServer;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.remote.TestServers;
import de.grw.workspace.TestWorkspaces;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review's read-ahead (issue 13) and the access log, in both modes the desktop works in (a local workspace, a
 * workspace server): the cluster that follows the open one is read ahead without an entry; a decision swaps it in
 * at once (before the decision is recorded), and its display is then logged exactly once; a cluster read ahead and
 * never shown leaves no entry at all. The review's background work is held and run step by step, so each check
 * sees what is written between the steps.
 */
class ReadAheadAccessLogTest {
    private static final String CASE = "51.2-2026/0815";
    @TempDir
    Path dir;
    private final Deque<Runnable> held = new ArrayDeque<>();
    private WorkbenchModel model;
    private WorkspaceServer server;
    private SignedIn admin;
    private ReviewViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @AfterEach
    void tearDown() {
        if (admin != null) {
            admin.close();
        }
        if (model != null) {
            model.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void inALocalWorkspaceOnlyTheClustersShownAreLoggedEachOnce() {
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray());
        readAheadThenDecide(UiTestSupport.CLERK);
    }

    @Test
    void throughAServerOnlyTheClustersShownAreLoggedEachOnce() {
        server = TestServers.start(dir);
        model = new WorkbenchModel();
        model.use(RemoteWorkbench.connect(URI.create(TestServers.url(server)), server.certificate().fingerprint()));
        model.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
        admin = model.workbench().signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray());
        readAheadThenDecide(TestWorkspaces.CLERK);
    }

    @Test
    void aDecisionRefusedAfterTheNextClusterWasShownIsToldAndThatDisplayIsStillLoggedOnce() {
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray());
        UiTestSupport.addAccount(model.workbench(), admin, "dora", de.grw.rights.Role.CLERK, UiTestSupport.PASSWORD);
        start();
        long first = open();
        Long second = vm.nextCluster().aheadId();
        assertThat(second).isNotNull();
        // anna's claim on her cluster runs out and dora takes it: anna's decision on it will be refused
        try (de.grw.store.Workspace w = de.grw.store.Workspace.open(Path.of(model.info().location()),
                java.time.Clock.systemUTC())) {
            w.write(c -> de.grw.store.Sql.update(c,
                    "UPDATE cluster_claims SET expires_at = '2000-01-01T00:00:00.000Z'"));
        }
        try (SignedIn dora = model.workbench().signIn("dora", UiTestSupport.PASSWORD.toCharArray())) {
            assertThat(dora.review().claim(first)).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo("dora"));
        }

        assertThat(onFxGet(vm::merge)).isTrue();
        assertThat(open()).as("shown at the key").isEqualTo(second);
        runHeld();
        // refused: told, nothing decided on the first; the second was on screen, so its display is logged, once
        assertThat(vm.messageProperty().get()).doesNotStartWith("Zusammenführung vorgeschlagen").contains("dora");
        assertThat(open()).as("the cluster shown stays").isEqualTo(second);
        assertThat(model.signedIn().approval().pending()).noneMatch(d -> d.clusterId() == first);
        assertThat(shows(UiTestSupport.CLERK, second)).isEqualTo(1);
        assertThat(shows(UiTestSupport.CLERK, first)).isEqualTo(1);
    }

    /** The review's view model for the signed-in clerk, with a case reference, at its first cluster. */
    private void start() {
        I18n i18n = I18n.german();
        AppContext ctx = new AppContext(i18n, model, new TaskRunner(held::add, i18n), new UserSettings(), e -> { },
                n -> { });
        vm = new ReviewViewModel(ctx);
        onFx(() -> vm.caseRefProperty().set(CASE));
        onFx(vm::refresh);
        runHeld();
    }

    private void readAheadThenDecide(String clerk) {
        start();
        long first = open();
        List<Long> queued = onFxGet(() -> vm.queue().stream().map(q -> q.clusterId()).toList());
        long second = queued.get(queued.indexOf(first) + 1);
        // the first is shown and logged; the second is read ahead, not logged
        assertThat(shows(clerk, first)).isEqualTo(1);
        assertThat(vm.nextCluster().aheadId()).isEqualTo(second);
        assertThat(shows(clerk, second)).isZero();
        assertThat(admin.accessLog().query(null, clerk, 0).stream().filter(e -> e.action().equals("SHOW")))
                .hasSize(1);

        // Alt+M: the second is on screen at once, while the decision and its display's entry still wait
        assertThat(onFxGet(vm::merge)).isTrue();
        assertThat(open()).isEqualTo(second);
        assertThat(held).as("the decision is recorded in the background").isNotEmpty();
        runHeld();
        assertThat(vm.messageProperty().get()).startsWith("Zusammenführung vorgeschlagen");
        assertThat(shows(clerk, second)).as("shown: logged once").isEqualTo(1);
        assertThat(shows(clerk, first)).isEqualTo(1);
        Long third = vm.nextCluster().aheadId();
        assertThat(third).isNotNull().isNotIn(first, second);
        assertThat(shows(clerk, third)).isZero();

        // the third, read ahead, is opened by Bild ab: only its display is logged, once
        onFx(vm::next);
        runHeld();
        assertThat(open()).isEqualTo(third);
        assertThat(shows(clerk, third)).isEqualTo(1);
        Long fourth = vm.nextCluster().aheadId();
        assertThat(fourth).isNotNull().isNotIn(first, second, third);

        // the clerk leaves: the fourth, read ahead and never shown, has no entry; each one shown has exactly one
        onFx(() -> vm.live().stop());
        runHeld();
        assertThat(shows(clerk, fourth)).isZero();
        List<AccessEntry> all = admin.accessLog().query(null, clerk, 0).stream()
                .filter(e -> e.action().equals("SHOW")).toList();
        assertThat(all).extracting(AccessEntry::detail).containsExactlyInAnyOrder("cluster " + first,
                "cluster " + second, "cluster " + third);
        assertThat(all).allSatisfy(e -> assertThat(e.caseRef()).isEqualTo(CASE));
    }

    private long shows(String user, long clusterId) {
        return admin.accessLog().query(null, user, 0).stream()
                .filter(e -> e.action().equals("SHOW") && e.detail().equals("cluster " + clusterId)).count();
    }

    private long open() {
        return onFxGet(() -> vm.currentProperty().get().clusterId());
    }

    private void runHeld() {
        while (!held.isEmpty()) {
            held.poll().run();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void onFx(Runnable r) {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
