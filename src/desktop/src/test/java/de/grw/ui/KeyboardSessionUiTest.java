package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.AccessEntry;
import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.review.FieldChoice;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.shell.MainWindow;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.WorkspaceSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.BaseRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A clerk's session of clusters by keyboard only (40 in the suite, 300 on demand): signed in with the keys, the case reference typed where the
 * cursor waits, then cluster after cluster a value taken with a digit now and then, merged with Alt+M, every tenth
 * deferred with a comment (Alt+B, the text, Alt+Z). No error on the way (no error dialog, no exception on the FX
 * thread, no message of a fault), every decision recorded, the cursor always where the next key works, and the queue
 * not read again for each decision. The median time from the key to the next cluster's grid is printed.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class KeyboardSessionUiTest {
    /**
     * 40 clusters in the suite; the session of issue 13's done-when with {@code -Dgrw.session.clusters=300} (and on a
     * workspace of a million records, {@link KeyboardLatencyBench}).
     */
    static final int CLUSTERS = Integer.getInteger("grw.session.clusters", 40);
    private static final String PASSWORD = UiTestSupport.PASSWORD;
    private WorkbenchModel model;
    private ExecutorService executor;
    private Scene scene;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-keyboard");
        Workspace w = WorkspaceSetup.create(dir.resolve("keyboard.grw"), Clock.systemUTC(), "person-de");
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
        users.addUser(admin, "anna", Role.CLERK, PASSWORD.toCharArray());
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(w));
        try (SignedIn anna = model.workbench().signIn("anna", PASSWORD.toCharArray())) {
            for (Path source : people(dir, CLUSTERS + 30)) {
                anna.imports().importSource(SourceInput.file(source), MappingFile.NONE, null, ProgressListener.NONE,
                        CancellationToken.NONE);
            }
            anna.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        }
        executor = Executors.newSingleThreadExecutor();
        I18n i18n = I18n.german();
        scene = WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n), stage);
        stage.setScene(scene);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void stop() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(before);
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    /**
     * {@code n} people, each in the Melderegister and the Sozialamt (the second spelling some fields differently):
     * {@code n} clusters of two. Names, dates of birth and addresses all differ from person to person.
     */
    static List<Path> people(Path dir, int n) throws Exception {
        String[] given = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas",
            "Karla", "Lukas", "Mia", "Noah", "Olga", "Paul", "Quirin", "Rosa", "Samuel", "Tilda", "Ulrich", "Vera",
            "Wilhelm", "Xenia", "Yusuf", "Zoe"};
        String[] family = {"Abel", "Brandt", "Conrad", "Dietrich", "Ebert", "Fuchs", "Graf", "Hartmann", "Iske",
            "Jansen", "Kraus", "Lorenz", "Martens", "Neumann", "Ostrowski", "Pohl", "Quast", "Richter", "Seidel",
            "Thiel"};
        String[] street = {"Ahornweg", "Birkenstraße", "Lindenallee", "Marktplatz", "Schulstraße", "Am Bach",
            "Gartenweg", "Bergstraße", "Feldweg", "Kirchgasse", "Mühlenweg", "Rathausplatz"};
        String[][] city = {{"50667", "Köln", "Koeln"}, {"80331", "München", "Muenchen"}, {"01067", "Dresden",
            "Dresden"}, {"53111", "Bonn", "Bonn"}, {"20095", "Hamburg", "Hamburg"}, {"04109", "Leipzig", "Leipzig"}};
        StringBuilder melde = new StringBuilder(
                "Ordnungsmerkmal;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort\n");
        StringBuilder sozial = new StringBuilder(
                "Aktenzeichen;Familienname;Vornamen;Geburtsdatum;Straße;Hausnummer;PLZ;Wohnort\n");
        for (int i = 0; i < n; i++) {
            String g = given[i % given.length];
            String f = family[(i / given.length) % family.length];
            String date = String.format("%02d.%02d.%d", 1 + i % 28, 1 + (i / 7) % 12, 1940 + (i * 7) % 60);
            String s = street[i % street.length];
            String[] c = city[(i / 3) % city.length];
            String number = String.valueOf(1 + i);
            melde.append(String.join(";", "M" + i, f, g, date, s, number, c[0], c[1])).append('\n');
            // the second register writes some things its own way: a typo in the given name, short streets, no umlauts
            String g2 = i % 5 == 0 ? g.substring(0, g.length() - 1) + g.substring(g.length() - 1).toUpperCase()
                    : i % 5 == 1 ? g + "a" : g;
            String s2 = i % 4 == 0 ? s.replace("straße", "str.") : s;
            sozial.append(String.join(";", "S" + i, f, g2, date, s2, number, c[0], c[2])).append('\n');
        }
        Path m = dir.resolve("melderegister.csv");
        Path so = dir.resolve("sozialamt.csv");
        Files.writeString(m, melde, StandardCharsets.UTF_8);
        Files.writeString(so, sozial, StandardCharsets.UTF_8);
        return List.of(m, so);
    }

    private ReviewViewModel review() {
        MainWindow window = (MainWindow) scene.getProperties().get(MainWindow.class);
        return ((ReviewScreen) window.screen("nav.review")).viewModel();
    }

    private String focusId() {
        Node owner = scene.getFocusOwner();
        return owner == null || owner.getId() == null ? "" : owner.getId();
    }

    /**
     * Alt+key through the toolkit's robot, as a keyboard sends it, without the robot's waiting for the FX thread after
     * each key (the loop waits for what it needs: the next cluster shown).
     */
    private static void alt(FxRobot robot, KeyCode key) {
        BaseRobot keys = robot.robotContext().getBaseRobot();
        keys.pressKeyboard(KeyCode.ALT);
        keys.pressKeyboard(key);
        keys.releaseKeyboard(key);
        keys.releaseKeyboard(KeyCode.ALT);
    }

    private static void key(FxRobot robot, KeyCode key) {
        BaseRobot keys = robot.robotContext().getBaseRobot();
        keys.pressKeyboard(key);
        keys.releaseKeyboard(key);
    }

    /** Text typed where the cursor is, character by character. */
    private void write(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.robotContext().getBaseRobot().typeKeyboard(scene, KeyCode.UNDEFINED, String.valueOf(c));
        }
    }

    private List<AccessEntry> queueReads() {
        try (SignedIn admin = model.workbench().signIn("admin", PASSWORD.toCharArray())) {
            return admin.accessLog().query(null, "anna", 0).stream().filter(e -> e.action().equals("QUEUE"))
                    .toList();
        }
    }

    @Test
    void aSessionOfClustersByKeyboardWithoutAnError(FxRobot robot) throws Exception {
        long started = System.nanoTime();
        // the sign-in by keyboard: the name, Tab, the password, Enter
        robot.interact(() -> robot.lookup("#start-user").query().requestFocus());
        robot.write("anna").type(KeyCode.TAB).write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null);
        // the workspace has the clusters
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> review().queue().size()
                >= CLUSTERS && review().remainingProperty().get() >= CLUSTERS && !review().busyProperty().get()).get());
        // the cursor waits in the case reference
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> focusId().equals("review-case"));
        robot.write("51.2-2026/0815").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                review().stateProperty().get().view() != null && !review().busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
        int readsBefore = queueReads().size();
        int pendingBefore = model.signedIn().approval().pending().size();

        KeyLatency latency = WaitForAsyncUtils.asyncFx(() -> new KeyLatency(scene, review())).get();
        int merged = 0;
        int deferred = 0;
        int picked = 0;
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < CLUSTERS; i++) {
            long open = WaitForAsyncUtils.asyncFx(() -> review().stateProperty().get().view().clusterId()).get();
            if (i % 3 == 1) {
                // the cursor is in the grid after the last decision: 2 takes record 2's value for the field
                assertThat(WaitForAsyncUtils.asyncFx(this::focusId).get()).as("cluster %d: the cursor waits in the "
                        + "grid", i).isEqualTo("review-center");
                key(robot, KeyCode.DIGIT2);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> review()
                        .choices().values().stream().anyMatch(c -> c instanceof FieldChoice.FromRecord)).get());
                picked++;
            }
            KeyCode key;
            if (i % 10 == 5) {
                alt(robot, KeyCode.B);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(this::focusId).get()
                        .equals("review-comment"));
                String typed = "Rückfrage " + i;
                write(robot, typed);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> review()
                        .commentProperty().get().equals(typed)).get());
                key = KeyCode.Z;
                deferred++;
            } else {
                key = KeyCode.M;
                merged++;
            }
            robot.interact(() -> latency.arm(key));
            alt(robot, key);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> latency.done() && !review().busyProperty().get());
            String message = WaitForAsyncUtils.asyncFx(() -> review().messageProperty().get()).get();
            if (!message.startsWith(key == KeyCode.M ? "Zusammenführung vorgeschlagen" : "Zurückgestellt")) {
                faults.add("cluster " + open + ": " + message);
            }
            assertThat(WaitForAsyncUtils.asyncFx(() -> review().stateProperty().get().view().clusterId()).get())
                    .isNotEqualTo(open);
        }
        WaitForAsyncUtils.waitForFxEvents();
        double seconds = (System.nanoTime() - started) / 1e9;
        robot.interact(latency::close);
        System.out.printf("keyboard session: %d clusters (%d merged, %d deferred, %d values taken by digit) in %.1f s;"
                + " %s%n", CLUSTERS, merged, deferred, picked, seconds, latency.summary());

        assertThat(faults).as("messages other than the decision's").isEmpty();
        assertThat(uncaught).as("exceptions on the FX thread").isEmpty();
        List<Window> windows = new ArrayList<>(Window.getWindows());
        assertThat(windows).as("no error dialog").hasSize(1);
        assertThat(latency.count()).isEqualTo(CLUSTERS);
        assertThat(picked).as("the digits took values").isGreaterThan(CLUSTERS / 4);
        // every decision recorded: the merges await approval, the deferred clusters are deferred
        assertThat(model.signedIn().approval().pending()).hasSize(pendingBefore + merged);
        assertThat(model.signedIn().review().count(EnumSet.of(ClusterStatus.DEFERRED))).isEqualTo(deferred);
        // the queue was not read again for each decision, only at the review's own refreshes (every 12 s)
        assertThat(queueReads().size() - readsBefore).as("queue reads during the session of %.0f s", seconds)
                .isLessThanOrEqualTo((int) (seconds / 12) + 2).isLessThan(CLUSTERS / 2);
    }
}
