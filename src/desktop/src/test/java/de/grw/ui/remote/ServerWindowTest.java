package de.grw.ui.remote;

import de.grw.api.remote.RemoteWorkbench;
import de.grw.server.WorkspaceServer;
import de.grw.ui.TestWindow;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up the remote desktop UI tests of one window share: a workspace server started once for the class
 * ({@link TestServers}: a copy of the matched sample workspace, its certificate's fingerprint), and a German window
 * whose model is connected to it with the fingerprint pinned, with an executor and a task runner of its own. After
 * each test the background work ends before the window's model is closed.
 *
 * <p>TestFX finds {@code @Start} only on the test class itself: a subclass has
 * {@code @Start void start(Stage stage) { open(stage); }}.
 */
abstract class ServerWindowTest {
    static Path dir;
    static WorkspaceServer server;
    static String url;
    static String fingerprint;
    WorkbenchModel model;
    TestWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("grw-remote-window");
        server = TestServers.start(dir);
        url = TestServers.url(server);
        fingerprint = server.certificate().fingerprint();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Connects a new model to the server and shows the window on {@code stage} (not signed in yet). */
    void open(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = new WorkbenchModel();
        model.use(RemoteWorkbench.connect(url, fingerprint));
        window = TestWindow.show(stage, model);
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) { // a test of several windows (Workstations) closes its own
            window.close();
        }
    }

    /** Signs in on the FX thread, as the start screen does, and waits for what the screens load then. */
    void signIn(String user, String password) throws Exception {
        UiTestSupport.onFx(() -> model.signIn(user, password.toCharArray()));
        idle();
    }

    /** Waits until no background work runs and the FX thread has handled what it posted. */
    void idle() throws Exception {
        window.idle();
    }
}
