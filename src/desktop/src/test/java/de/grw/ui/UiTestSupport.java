package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.store.SqlWork;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for tests of the desktop: a fresh workspace, a context with a same-thread runner, the FX thread. */
public final class UiTestSupport {
    public static final String ADMIN = "admin";
    public static final String CLERK = "anna";
    public static final String PASSWORD = "Verwaltung-2026";

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private UiTestSupport() {
    }

    /** Points the user profile folder at a temporary directory and starts the JavaFX toolkit (once per JVM). */
    public static void startToolkit() throws IOException, TimeoutException {
        System.setProperty("grw.kdf.iterations", "10000");
        if (System.getProperty("grw.home") == null || !System.getProperty("grw.home").contains("grw-test-home")) {
            System.setProperty("grw.home", Files.createTempDirectory("grw-test-home").toString());
        }
        FxToolkit.registerPrimaryStage();
    }

    /** A new workspace with an administrator and a clerk. */
    public static Workspace newWorkspace(Path dir) {
        Workspace w = WorkspaceSetup.create(dir.resolve("test.grw"), Clock.systemUTC(), "person-de");
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator(ADMIN, PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, CLERK, Role.CLERK, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login(CLERK, "Erstes-Kennwort-42".toCharArray()), CLERK, PASSWORD.toCharArray());
        return w;
    }

    /**
     * Adds an account through the service interfaces as an office does: the administrator gives a one-time password,
     * the holder signs in with it and sets {@code password} as their own (so the account may propose and approve).
     */
    public static void addAccount(de.grw.api.Workbench workbench, SignedIn admin, String name, Role role,
                                  String password) {
        admin.users().add(name, role, "Erstes-Kennwort-42".toCharArray());
        try (SignedIn holder = workbench.signIn(name, "Erstes-Kennwort-42".toCharArray())) {
            holder.users().setPassword(name, password.toCharArray());
        }
    }

    /** A model holding a new workspace, signed in as the clerk. */
    public static WorkbenchModel signedInModel(Path dir) {
        WorkbenchModel model = new WorkbenchModel();
        model.use(LocalWorkbench.of(newWorkspace(dir)));
        model.signIn(CLERK, PASSWORD.toCharArray());
        return model;
    }

    /** Imports bundled samples as the signed-in user, through the service interfaces. */
    public static void importSamples(SignedIn signedIn, String... files) {
        for (String f : files) {
            signedIn.imports().importSource(SourceInput.file(sample(f)), MappingFile.NONE, null,
                    ProgressListener.NONE, CancellationToken.NONE);
        }
    }

    /**
     * Reads the open workspace's file directly, over a connection of its own (what the screens wrote is
     * committed): for checks of what is stored.
     */
    public static <T> T read(WorkbenchModel model, SqlWork<T> work) {
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            return w.read(work);
        }
    }

    /** What a test context recorded. */
    public static final class Recorded {
        public final List<Throwable> errors = new CopyOnWriteArrayList<>();
        public final List<String> navigations = new CopyOnWriteArrayList<>();
    }

    /** A context in German whose background work runs on the calling thread. */
    public static AppContext context(WorkbenchModel model, Recorded recorded) {
        I18n i18n = I18n.german();
        return new AppContext(i18n, model, new TaskRunner(TaskRunner.sameThread(), i18n), new UserSettings(),
                recorded.errors::add, recorded.navigations::add);
    }

    /** Runs an action on the FX thread, waits for it and for what it posted (task completions) to be handled. */
    public static void onFx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes a snapshot of the window when {@code -Dgrw.snapshots=DIR} or the environment variable {@code GRW_SNAPSHOTS} is set (to look at a screen's layout). */
    public static void snapshot(org.testfx.api.FxRobot robot, String name) throws IOException {
        String dir = System.getProperty("grw.snapshots", System.getenv("GRW_SNAPSHOTS"));
        if (dir != null) {
            Snapshots.write(robot, robot.listTargetWindows().get(0).getScene(), Path.of(dir, name));
        }
    }

    /** The path of a bundled sample file. */
    public static Path sample(String name) {
        return Path.of("samples", name).toAbsolutePath();
    }
}
