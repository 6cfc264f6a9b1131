package de.grw.ui;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.DecisionState;
import de.grw.review.Equality;
import de.grw.rights.Role;
import de.grw.ui.approval.ApprovalViewModel;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.FieldRow;
import de.grw.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review and approval view models call the engine only through the task runner's executor: nothing is read or
 * written while the executor holds the work (so nothing on the FX thread), and the result arrives once it ran. The
 * rows are the engine's comparison.
 */
class ReviewViewModelTest {
    @TempDir
    Path dir;
    private HeldWorkspace ws;
    private WorkbenchModel model;
    /** Holds the work handed to it until the test runs it, on the test's thread. */
    private Deque<Runnable> held;
    private AppContext ctx;

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    @BeforeEach
    void setUp() {
        ws = HeldWorkspace.matched(dir);
        model = ws.model;
        held = ws.held;
        ctx = ws.ctx;
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    /** Runs the held work off the FX thread, as the application's executor does, and lets the FX thread settle. */
    private int runHeld() {
        return ws.runHeld();
    }

    @Test
    void theQueueTheClusterAndADecisionGoThroughTheExecutor() {
        ReviewViewModel vm = new ReviewViewModel(ctx);
        onFx(() -> vm.caseRefProperty().set("51.2-2026/4711"));
        onFx(vm::refresh);
        // handed over, not done: the FX thread read nothing
        assertThat(held).hasSize(1);
        assertThat(vm.queue()).isEmpty();
        assertThat(vm.busyProperty().get()).isTrue();

        // the queue, the first cluster, then (quietly, not logged) the cluster after it read ahead
        assertThat(runHeld()).isEqualTo(3);
        assertThat(vm.queue()).isNotEmpty();
        assertThat(vm.currentProperty().get()).isNotNull();
        assertThat(vm.rows()).isNotEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        // the rows are the engine's comparison, with its rule for agreement
        for (FieldRow r : vm.rows()) {
            assertThat(r.differs()).isEqualTo(r.equality() == Equality.DIFFERENT);
        }

        long cluster = vm.currentProperty().get().clusterId();
        int pendingBefore = model.signedIn().approval().pending().size();
        int queued = vm.queue().size();
        int remaining = vm.remainingProperty().get();
        onFx(() -> assertThat(vm.merge()).isTrue());
        // the next cluster, read ahead, is shown at once; the decision (with its display's log entry) and the read-ahead
        // of the one after wait for the executor
        assertThat(vm.currentProperty().get().clusterId()).isNotEqualTo(cluster);
        assertThat(held).hasSize(2);
        // the write transaction has not run on the FX thread
        assertThat(model.signedIn().approval().pending()).hasSize(pendingBefore);
        onFx(() -> assertThat(vm.defer()).as("one decision at a time").isFalse());

        // the decision with the shown cluster's log entry, and the next read-ahead: the queue is not read again for a
        // merge (it leaves the queue)
        assertThat(runHeld()).isEqualTo(2);
        assertThat(vm.queue()).hasSize(queued - 1).noneMatch(q -> q.clusterId() == cluster);
        assertThat(vm.remainingProperty().get()).isEqualTo(remaining - 1)
                .isEqualTo(model.signedIn().review().count(java.util.EnumSet.of(
                        de.grw.workspace.ClusterStatus.OPEN, de.grw.workspace.ClusterStatus.DEFERRED)));
        assertThat(model.signedIn().approval().pending()).hasSize(pendingBefore + 1)
                .anySatisfy(d -> assertThat(d.clusterId()).isEqualTo(cluster));
        assertThat(vm.messageProperty().get()).startsWith("Zusammenführung vorgeschlagen");
        assertThat(vm.currentProperty().get().clusterId()).isNotEqualTo(cluster);
    }

    @Test
    void theApprovalLoadsAndApprovesThroughTheExecutor() {
        ReviewViewModel review = new ReviewViewModel(ctx);
        onFx(() -> review.caseRefProperty().set("51.2-2026/4711"));
        onFx(review::refresh);
        runHeld();
        onFx(review::merge);
        runHeld();

        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "bernd", Role.SUPERVISOR, UiTestSupport.PASSWORD);
        }
        model.signIn("bernd", UiTestSupport.PASSWORD.toCharArray());
        ApprovalViewModel vm = new ApprovalViewModel(ctx);
        onFx(vm::refresh);
        assertThat(vm.pending()).isEmpty();
        assertThat(runHeld()).isEqualTo(2); // the pending merges, then the first one's comparison
        assertThat(vm.pending()).hasSize(1);
        assertThat(vm.tableProperty().get().members()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(vm.rows()).isNotEmpty();

        long decision = vm.selectedProperty().get().id();
        onFx(() -> assertThat(vm.approve()).isTrue());
        assertThat(model.signedIn().review().decision(decision).state()).isEqualTo(DecisionState.PENDING);
        runHeld();
        assertThat(model.signedIn().review().decision(decision).state()).isEqualTo(DecisionState.EFFECTIVE);
        assertThat(vm.messageProperty().get()).contains("freigegeben");
        assertThat(vm.pending()).isEmpty();
    }

    @Test
    void theExplanationSaysWhenAPairIsWeighedAsOneHousehold() {
        ReviewViewModel vm = new ReviewViewModel(ctx);
        onFx(() -> vm.caseRefProperty().set("51.2-2026/4711"));
        onFx(vm::refresh);
        runHeld();
        // the sample holds a pair of one household (same family name, birth date and address) whose given names
        // differ: a clerk must see that it is weighed against two people of one household, not two strangers
        String[] household = null;
        for (int i = 0; i < vm.queue().size() && household == null; i++) {
            int index = i;
            onFx(() -> vm.open(index));
            runHeld();
            household = vm.explanation().stream()
                    .filter(r -> r[0].equals("given_names") && r[1].equals("else") && r[3].equals("household"))
                    .findFirst().orElse(null);
        }
        assertThat(household).as("a cluster whose strongest pair is weighed against one household").isNotNull();
        assertThat(de.grw.ui.review.ClusterTexts.explanationLine(household, java.util.Locale.GERMAN))
                .matches("gleicher Haushalt: Vornamen verschieden \u2212\\d+,\\d");
        assertThat(de.grw.ui.review.ClusterTexts.explanationLine(household, java.util.Locale.ENGLISH))
                .matches("same household: given names different \u2212\\d+\\.\\d");
        // every line of that pair reads against the household, the strangers' lines as before
        assertThat(vm.explanation()).allMatch(r -> r[3].equals("household"));
        assertThat(de.grw.ui.review.ClusterTexts.explanationLine(new String[] {"birth_date", "exact", "6.81", "others"},
                java.util.Locale.GERMAN)).isEqualTo("Geburtsdatum: gleich +6,8");
        // a direct contradiction has no weight: the link was refused
        assertThat(de.grw.ui.review.ClusterTexts.explanationLine(new String[] {"contradiction", "sex_differs", "0.0", "others"},
                java.util.Locale.GERMAN)).isEqualTo("Widerspruch: Geschlecht verschieden \u2013 Verknüpfung ausgeschlossen");
        assertThat(de.grw.ui.review.ClusterTexts.explanationLine(new String[] {"contradiction", "tax_id_identifier_differs", "0.0",
            "others"}, java.util.Locale.ENGLISH)).isEqualTo("contradiction: two valid tax ids \u2013 link refused");
    }

    @Test
    void aClusterThatExtendsAGoldenRecordSaysSoAndKeepsTheTypedValue() {
        ReviewViewModel vm = new ReviewViewModel(ctx);
        onFx(() -> vm.caseRefProperty().set("51.2-2026/4711"));
        onFx(vm::refresh);
        runHeld();
        // the clerk merges the first clusters, typing an e-mail address for each; a supervisor approves them
        SignedIn clerk = model.signedIn();
        for (var q : clerk.review().queue(null, 0).subList(0, 12)) {
            java.util.List<Long> members = clerk.review().memberIds(q.clusterId());
            clerk.review().propose(q.clusterId(), new de.grw.review.MergeCommand(members, java.util.Map.of("email",
                    new de.grw.review.FieldChoice.Manual("person" + q.clusterId() + "@example.org"))), "", "AZ-1");
        }
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, "bernd", Role.SUPERVISOR, UiTestSupport.PASSWORD);
        }
        try (SignedIn bernd = model.workbench().signIn("bernd", UiTestSupport.PASSWORD.toCharArray())) {
            bernd.approval().pending().forEach(d -> bernd.approval().approve(d.id(), "geprüft"));
        }
        // the vehicle register arrives: some of its records join those golden records
        UiTestSupport.importSamples(clerk, "kfz_halter.csv");
        clerk.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        onFx(vm::refresh);
        runHeld();
        boolean found = false;
        for (int i = 0; i < vm.queue().size() && !found; i++) {
            int index = i;
            onFx(() -> vm.open(index));
            runHeld();
            found = vm.currentProperty().get().extending() != null;
        }
        assertThat(found).as("a cluster in which a vehicle record joins an approved golden record").isTrue();
        var view = vm.currentProperty().get();
        assertThat(vm.extensionProperty().get()).startsWith("Erweitert Golden Record "
                + view.extending().goldenIds().get(0)).contains("E-Mail (getippt)").contains("eine Zusammenführung");
        // the proposed golden record shows the typed e-mail address
        assertThat(vm.rows()).filteredOn(r -> r.row().field().equals("email")).singleElement()
                .satisfies(r -> assertThat(r.row().golden()).endsWith("@example.org"));
    }
}
