package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.AccessEntry;
import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.FieldChoice;
import de.grw.review.ReviewViews.QueueEntry;
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
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A review session as a clerk works it, keyboard first: clusters of different sizes one after another (no error when
 * a larger cluster follows a smaller one), a golden value edited and then a decision by Alt+M (no shortcut dies
 * after editing), and a change of user (nothing of the first user stays on screen; every display is logged once,
 * for the user who saw it). The workspace is prepared through the service interfaces, so the test starts at the
 * sign-in.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ReviewSessionUiTest {
    private static final String PASSWORD = UiTestSupport.PASSWORD;
    private WorkbenchModel model;
    private ExecutorService executor;
    private Scene scene;
    private Stage stage;
    private final UserSettings settings = new UserSettings();

    /** The window in the chosen language; choosing another rebuilds it, as the application does. */
    private void showScene() {
        I18n i18n = new I18n(java.util.Locale.forLanguageTag(settings.language));
        scene = WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage,
                this::showScene);
        stage.setScene(scene);
    }

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-session");
        Workspace w = WorkspaceSetup.create(dir.resolve("session.grw"), Clock.systemUTC(), "person-de");
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, "anna", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login("anna", "Erstes-Kennwort-42".toCharArray()), "anna", PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, "carla", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login("carla", "Erstes-Kennwort-42".toCharArray()), "carla", PASSWORD.toCharArray());
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(w));
        try (SignedIn anna = model.workbench().signIn("anna", PASSWORD.toCharArray())) {
            UiTestSupport.importSamples(anna, "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
            anna.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        }
        executor = Executors.newSingleThreadExecutor();
        this.stage = stage;
        showScene();
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private ReviewViewModel review() {
        MainWindow window = (MainWindow) scene.getProperties().get(MainWindow.class);
        return ((ReviewScreen) window.screen("nav.review")).viewModel();
    }

    private void signIn(FxRobot robot, String user) throws Exception {
        TextField name = robot.lookup("#start-user").queryAs(TextField.class);
        robot.interact(() -> name.setText(user));
        robot.clickOn("#start-password").write(PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null
                && model.signedIn().user().equals(user));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#review-case").tryQuery().isPresent()
                && robot.lookup("#review-case").query().getScene() != null);
    }

    /** Types the case reference where the cursor is (it must be in the case reference) and waits for a cluster. */
    private void typeCaseReference(FxRobot robot, String caseRef) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review().queue().isEmpty() && !review()
                .busyProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> scene.getFocusOwner() != null
                && "review-case".equals(scene.getFocusOwner().getId()));
        robot.write(caseRef).type(KeyCode.ENTER);
        // the case reference reloads the queue (with names): the open cluster is read on the FX thread, once loaded
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                review().stateProperty().get().view() != null && !review().busyProperty().get()).get());
        waitForCluster(WaitForAsyncUtils.asyncFx(() -> review().stateProperty().get().view().clusterId()).get());
    }

    /** Waits until this cluster is drawn (its state, and the side-by-side grid of it). */
    private void waitForCluster(long clusterId) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review().stateProperty().get().view() != null
                && review().stateProperty().get().view().clusterId() == clusterId && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a node is on screen: it and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static void focus(FxRobot robot, String query) {
        Node field = robot.lookup(query).query();
        robot.interact(field::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.isFocused()).isTrue();
    }

    private static long countIds(FxRobot robot, String prefix) {
        // a smaller cluster hides the record columns it leaves empty: those shown count
        return robot.lookup(n -> n.getId() != null && n.getId().startsWith(prefix) && n.getScene() != null
                && shown(n)).queryAll().size();
    }

    private List<AccessEntry> shows(String user) {
        try (SignedIn admin = model.workbench().signIn("admin", PASSWORD.toCharArray())) {
            return admin.accessLog().query(null, user, 0).stream().filter(e -> e.action().equals("SHOW")).toList();
        }
    }

    @Test
    void clustersOfDifferentSizesFollowOneAnotherByKeyboard(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        typeCaseReference(robot, "51.2-2026/4711");
        List<QueueEntry> queue = List.copyOf(review().queue());
        // from a 2-record cluster followed by a 3-record one, on until a 4-record cluster
        int from = -1;
        for (int i = 0; i + 1 < queue.size() && from < 0; i++) {
            if (queue.get(i).size() == 2 && queue.get(i + 1).size() == 3) {
                from = i;
            }
        }
        assertThat(from).as("the samples give a 2-record cluster before a 3-record one").isNotNegative();
        int to = from + 2;
        while (to < queue.size() && queue.get(to).size() != 4) {
            to++;
        }
        assertThat(to).as("and a 4-record cluster after them").isLessThan(queue.size());
        int start = from;
        robot.interact(() -> review().open(start));
        waitForCluster(queue.get(from).clusterId());
        List<Integer> seen = new ArrayList<>();
        List<Node> grids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (i > from) {
                // Bild ab, and Alt+Right the other way of saying it
                if (i % 2 == 0) {
                    robot.type(KeyCode.PAGE_DOWN);
                } else {
                    robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
                }
                waitForCluster(queue.get(i).clusterId());
            }
            int size = queue.get(i).size();
            seen.add(size);
            assertThat(review().messageProperty().get()).as("cluster %d", i).doesNotContain("Fehler");
            // one column per record, one cell per record in each row
            assertThat(countIds(robot, "member-in-")).as("record columns of cluster %d", i).isEqualTo(size);
            assertThat(countIds(robot, "cell-given_names-")).as("given-name cells of cluster %d", i)
                    .isEqualTo(size);
            // ids name the column, the record shown is the column's property (ids by record made JavaFX match every
            // cell's styles anew for each cluster); a smaller cluster keeps the grid, hiding the columns it leaves
            long firstRecord = review().stateProperty().get().view().members().get(0).id();
            assertThat(robot.lookup("#member-in-1").query().getProperties().get(ReviewScreen.RECORD))
                    .as("record of column 1, cluster %d", i).isEqualTo(firstRecord);
            grids.add(robot.lookup("#side-by-side").query());
        }
        assertThat(grids.get(2)).as("the 2-record cluster after the 3-record one is drawn in the same grid")
                .isSameAs(grids.get(1));
        assertThat(seen.subList(0, 3)).containsExactly(2, 3, 2);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(4);
    }

    @Test
    void aFieldEditedWithEnterThenTheDecisionByKeyboard(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        typeCaseReference(robot, "51.2-2026/4711");
        long first = review().stateProperty().get().view().clusterId();
        int pendingBefore = model.signedIn().approval().pending().size();
        // the golden column may lie right of the window's edge: the cursor is put there as Tab would
        focus(robot, "#golden-given_names");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Marie-Luise").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review().choices().get("given_names")).isEqualTo(new FieldChoice.Manual("Marie-Luise"));
        // Enter took the value and gave the cursor back to the comparison: it is still on the review
        Node focus = scene.getFocusOwner();
        assertThat(focus).isNotNull();
        assertThat(focus.getScene()).isSameAs(scene);
        assertThat(robot.lookup("#golden-given_names").queryAs(javafx.scene.control.TextInputControl.class)
                .getText()).isEqualTo("Marie-Luise");

        // F1 shows the keys and hides them again
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#review-help-overlay").query().isVisible()).isTrue();
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#review-help-overlay").query().isVisible()).isFalse();

        robot.press(KeyCode.ALT, KeyCode.M).release(KeyCode.M, KeyCode.ALT);
        Label message = robot.lookup("#review-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Zusammenführung "
                + "vorgeschlagen") && review().stateProperty().get().view() != null && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.signedIn().approval().pending()).hasSize(pendingBefore + 1);
        long second = review().stateProperty().get().view().clusterId();
        assertThat(second).isNotEqualTo(first);
        // after the decision the cursor is in the comparison, not lost: Bild ab moves on at once
        assertThat(scene.getFocusOwner()).isNotNull();
        long third = review().queue().get(review().positionProperty().get() + 1).clusterId();
        robot.type(KeyCode.PAGE_DOWN);
        waitForCluster(third);

        // again after an edit left by Enter: Bild ab still works
        focus(robot, "#golden-family_name");
        robot.write("x").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        long fourth = review().queue().get(review().positionProperty().get() + 1).clusterId();
        robot.type(KeyCode.PAGE_DOWN);
        waitForCluster(fourth);
    }

    @Test
    void anotherUserSeesNothingOfThePreviousOneAndEveryDisplayIsLoggedOnce(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        typeCaseReference(robot, "AZ-ANNA-1");
        long annas = review().stateProperty().get().view().clusterId();
        assertThat(shows("anna")).hasSize(1).allSatisfy(e -> assertThat(e.caseRef()).isEqualTo("AZ-ANNA-1"));

        robot.clickOn("#status-sign-out");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.signedIn() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-nav-start").queryAs(ToggleButton.class).isSelected()).isTrue();

        signIn(robot, "carla");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review().queue().isEmpty()
                && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // nothing of anna's: no case reference, no cluster, no records on screen
        assertThat(robot.lookup("#review-case").queryAs(TextField.class).getText()).isEmpty();
        assertThat(review().caseRefProperty().get()).isEmpty();
        assertThat(review().stateProperty().get().view()).isNull();
        assertThat(countIds(robot, "member-in-")).isZero();
        assertThat(countIds(robot, "cell-")).isZero();
        assertThat(shows("carla")).isEmpty();

        robot.write("AZ-CARLA-7").type(KeyCode.ENTER);
        waitForCluster(review().queue().get(Math.max(0, review().positionProperty().get())).clusterId());
        long carlas = review().stateProperty().get().view().clusterId();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        // one display each, logged once, with the reference of the user who saw it
        assertThat(shows("carla")).hasSize(1).allSatisfy(e -> {
            assertThat(e.caseRef()).isEqualTo("AZ-CARLA-7");
            assertThat(e.detail()).isEqualTo("cluster " + carlas);
        });
        assertThat(shows("anna")).hasSize(1).allSatisfy(e -> assertThat(e.detail()).isEqualTo("cluster " + annas));

        // on to the next one: one more entry, again only one
        long next = review().queue().get(review().positionProperty().get() + 1).clusterId();
        robot.type(KeyCode.PAGE_DOWN);
        waitForCluster(next);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(shows("carla")).hasSize(2);
        assertThat(shows("anna")).hasSize(1);
    }

    @Test
    void theStartScreenWhileSignedInAndAnotherLanguageKeepTheWork(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review().queue().isEmpty()
                && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // the grid's note agrees with the queue beside it: the case reference is missing, not the clusters
        String note = robot.lookup("#review-empty").queryAs(Label.class).getText();
        assertThat(note).doesNotContain("Keine Gruppe").startsWith("Bitte zuerst das Aktenzeichen");
        // the German profile demands a comment for deferring: the field says so instead of "optional"
        assertThat(robot.lookup("#review-comment").queryAs(TextField.class).getPromptText())
                .isEqualTo("Bemerkung (Pflicht bei: Zurückstellen)");
        typeCaseReference(robot, "AZ-SPRACHE-1");
        long open = review().stateProperty().get().view().clusterId();

        // the start screen while signed in: who, continue or sign out; no sign-in form
        robot.clickOn("#nav-nav-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#start-signed-in").queryAs(Label.class).getText())
                .isEqualTo("Angemeldet als anna (Sachbearbeitung).");
        assertThat(shown(robot.lookup("#start-signed-in").query())).isTrue();
        assertThat(shown(robot.lookup("#start-continue").query())).isTrue();
        assertThat(shown(robot.lookup("#start-sign-in").query())).isFalse();
        assertThat(shown(robot.lookup("#start-password").query())).isFalse();
        assertThat(shown(robot.lookup("#start-user").query())).isFalse();

        // another language: the window is rebuilt, on the start screen still, the work kept
        Scene before = scene;
        javafx.scene.control.ComboBox<?> language = robot.lookup("#settings-language")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) language).setValue("en"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene() != before);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-nav-start").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#start-signed-in").queryAs(Label.class).getText())
                .isEqualTo("Signed in as anna (Clerk).");
        robot.clickOn("#start-continue");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-nav-review").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#review-case").queryAs(TextField.class).getText()).isEqualTo("AZ-SPRACHE-1");
        waitForCluster(open);
        assertThat(robot.lookup("#review-comment").queryAs(TextField.class).getPromptText())
                .isEqualTo("Comment (required for: Defer)");
        // shown again in the new window: a display of its own, logged with the case reference
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(shows("anna")).hasSize(2).allSatisfy(e -> assertThat(e.caseRef()).isEqualTo("AZ-SPRACHE-1"));

        // back to German by keyboard, the list opened and Enter: the Enter chooses the language and is not also
        // taken by "Weiter zur Arbeit", the start screen's default button (it went on to the review at once)
        robot.clickOn("#nav-nav-start");
        WaitForAsyncUtils.waitForFxEvents();
        Scene english = scene;
        robot.clickOn("#settings-language");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene() != english);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(robot.lookup("#start-signed-in").queryAs(Label.class).getText())
                .isEqualTo("Angemeldet als anna (Sachbearbeitung).");
        assertThat(robot.lookup("#nav-nav-start").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(shows("anna")).as("no display behind the user's back").hasSize(2);
    }
}
