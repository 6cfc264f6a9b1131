package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.rights.Role;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The set-up of the review view model tests: a new workspace with two sample registers imported and matched, the
 * clerk signed in, and a German context whose task runner holds the work handed to it ({@link #held}) until the test
 * runs it on its own thread ({@link #runHeld}), as the application's executor would off the FX thread.
 */
public final class HeldWorkspace implements AutoCloseable {
    public final WorkbenchModel model;
    /** The work handed to the task runner, not run yet. */
    public final Deque<Runnable> held = new ArrayDeque<>();
    public final AppContext ctx;

    private HeldWorkspace(Path dir) {
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        I18n i18n = I18n.german();
        ctx = new AppContext(i18n, model, new TaskRunner(held::add, i18n), new UserSettings(), e -> { }, n -> { });
    }

    /** The matched workspace in {@code dir}, the clerk signed in. */
    public static HeldWorkspace matched(Path dir) {
        return new HeldWorkspace(dir);
    }

    /** Adds an account (as an office does, see {@link UiTestSupport#addAccount}) and signs it in beside the clerk. */
    public SignedIn signIn(String name, Role role) {
        try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray())) {
            UiTestSupport.addAccount(model.workbench(), admin, name, role, UiTestSupport.PASSWORD);
        }
        return model.workbench().signIn(name, UiTestSupport.PASSWORD.toCharArray());
    }

    /** Runs the held work off the FX thread and lets the FX thread settle after each; how many there were. */
    public int runHeld() {
        int n = 0;
        while (!held.isEmpty()) {
            held.poll().run();
            WaitForAsyncUtils.waitForFxEvents();
            n++;
        }
        return n;
    }

    /**
     * The clerk's review view model with a case reference, refreshed and its work run: at the queue's first cluster.
     *
     * @param first what to set on the view model before (for example how often it renews its claim)
     */
    public ReviewViewModel review(String caseRef, Consumer<ReviewViewModel> first) {
        ReviewViewModel vm = new ReviewViewModel(ctx);
        first.accept(vm);
        UiTestSupport.onFx(() -> vm.caseRefProperty().set(caseRef));
        UiTestSupport.onFx(vm::refresh);
        runHeld();
        return vm;
    }

    @Override
    public void close() {
        model.close();
    }
}
