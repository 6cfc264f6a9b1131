package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.FieldChoice;
import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.FieldRow;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.shell.MainWindow;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
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
 * The review's keys for the values of the records and the comment, and the ring that shows where the cursor is:
 * Alt+1 … 9 in a golden value and 1 … 9 outside text fields take record N's value for the field (the same choice
 * as a click on the record's cell), digits typed into a text field stay text, Alt+B goes to the comment, the F1 help
 * lists the keys, and Tab through every screen always lands on something ringed.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ReviewKeysUiTest {
    private static final String PASSWORD = UiTestSupport.PASSWORD;
    private WorkbenchModel model;
    private ExecutorService executor;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-keys");
        Workspace w = WorkspaceSetup.create(dir.resolve("keys.grw"), Clock.systemUTC(), "person-de");
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, "anna", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login("anna", "Erstes-Kennwort-42".toCharArray()), "anna", PASSWORD.toCharArray());
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(w));
        try (SignedIn anna = model.workbench().signIn("anna", PASSWORD.toCharArray())) {
            UiTestSupport.importSamples(anna, "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
            anna.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        }
        executor = Executors.newSingleThreadExecutor();
        I18n i18n = I18n.german();
        scene = WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n), stage);
        stage.setScene(scene);
        stage.setWidth(1600);
        stage.setHeight(1000);
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

    /** Signs in by keyboard: the name, Tab, the password, Enter. */
    private void signIn(FxRobot robot, String user) throws Exception {
        robot.clickOn("#start-user").write(user).type(KeyCode.TAB).write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null
                && model.signedIn().user().equals(user));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types the case reference where the cursor waits after the sign-in, and waits for the first cluster. */
    private void openFirstCluster(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review().queue().isEmpty()
                && !review().busyProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> focusId().equals("review-case"));
        robot.write("51.2-2026/4711").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                review().stateProperty().get().view() != null && !review().busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String focusId() {
        Node owner = scene.getFocusOwner();
        return owner == null || owner.getId() == null ? "" : owner.getId();
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the screen is drawn from the cluster again (a choice rebuilds the rows) and nothing is loading. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private javafx.scene.control.TextInputControl golden(FxRobot robot, String field) {
        return robot.lookup("#golden-" + field).queryAs(javafx.scene.control.TextInputControl.class);
    }

    @Test
    void theDigitsTakeARecordsValueForTheFieldAsAClickDoes(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        openFirstCluster(robot);
        // a cluster in which two records write a field differently: moves on by keyboard until one is open
        FieldRow row = null;
        for (int i = 0; i < 40 && row == null; i++) {
            ClusterView view = review().stateProperty().get().view();
            row = review().stateProperty().get().rows().stream()
                    .filter(r -> r.values().size() >= 2 && r.values().get(0) != null && r.values().get(1) != null
                            && !r.values().get(0).equals(r.values().get(1)) && !view.members().get(0).masked()
                            && !view.members().get(1).masked())
                    .findFirst().orElse(null);
            if (row == null) {
                long at = view.clusterId();
                robot.type(KeyCode.PAGE_DOWN);
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review().stateProperty().get().view() != null
                        && review().stateProperty().get().view().clusterId() != at && !review().busyProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        assertThat(row).as("the samples have a cluster whose records differ in a field").isNotNull();
        String field = row.field();
        List<MemberRecord> members = review().stateProperty().get().view().members();
        long first = members.get(0).id();
        long second = members.get(1).id();

        // a click on record 1's cell: the choice the keys must make as well
        robot.interact(() -> robot.lookup("#cell-" + field + "-1").query().fireEvent(click()));
        settle();
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(first));

        // Alt+2 in the field's golden value: record 2's value, the cursor stays in the field
        robot.interact(() -> golden(robot, field).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusId()).isEqualTo("golden-" + field);
        alt(robot, KeyCode.DIGIT2);
        settle();
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(second));
        assertThat(golden(robot, field).getText()).isEqualTo(review().stateProperty().get().rows().stream()
                .filter(r -> r.field().equals(field)).findFirst().orElseThrow().golden());
        assertThat(focusId()).isEqualTo("golden-" + field);
        assertThat(golden(robot, field).getText()).as("Alt+2 typed nothing").doesNotEndWith("2");

        // typed into the golden value, then Alt+1: the record's value wins over the half-typed text
        robot.write("xyz");
        alt(robot, KeyCode.DIGIT1);
        settle();
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(first));
        assertThat(golden(robot, field).getText()).doesNotContain("xyz");

        // outside a text field (the grid, as after a decision) a plain 2 fills the field worked on last, marked
        robot.interact(() -> robot.lookup("#review-center").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(golden(robot, field).getStyleClass()).contains("golden-current");
        assertThat(robot.lookup(".golden-current").queryAll()).hasSize(1);
        robot.type(KeyCode.DIGIT2);
        settle();
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(second));
        assertThat(golden(robot, field).getStyleClass()).as("marked after the redraw").contains("golden-current");
        UiTestSupport.snapshot(robot, "keys-digit-field-marked.png");
        // a record the cluster does not have: said, nothing chosen
        robot.type(KeyCode.DIGIT9);
        settle();
        assertThat(review().messageProperty().get()).startsWith("Satz 9 hat keinen Wert");
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(second));

        // in the comment (Alt+B) a digit is text, not a choice
        alt(robot, KeyCode.B);
        assertThat(focusId()).isEqualTo("review-comment");
        UiTestSupport.snapshot(robot, "keys-comment-ringed.png");
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review().commentProperty().get()).isEqualTo("1");
        assertThat(review().choices().get(field)).isEqualTo(new FieldChoice.FromRecord(second));

        // the merge by keyboard carries the choice; the cursor is back in the grid, where the digits work again
        long cluster = review().stateProperty().get().view().clusterId();
        alt(robot, KeyCode.M);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review().stateProperty().get().view() != null
                && review().stateProperty().get().view().clusterId() != cluster && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        var merged = model.signedIn().approval().pending().stream().filter(d -> d.clusterId() == cluster)
                .findFirst().orElseThrow();
        assertThat(((de.grw.review.DecisionPayload.Merge) merged.payload()).choices().get(field))
                .isEqualTo(new FieldChoice.FromRecord(second));
        assertThat(focusId()).isEqualTo("review-center");
        assertThat(ringed(robot.lookup("#review-center").query())).as("the comparison shows it holds the cursor")
                .isTrue();
        UiTestSupport.snapshot(robot, "keys-after-merge-center-ringed.png");
        assertThat(robot.lookup(".golden-current").queryAll()).hasSize(1);
        assertThat(robot.lookup("#review-message").queryAs(Label.class).getText())
                .startsWith("Zusammenführung vorgeschlagen");
    }

    private static javafx.scene.input.MouseEvent click() {
        return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true,
                false, false, null);
    }

    @Test
    void altBThenACommentThenAltZDefersAndTheHelpListsTheKeys(FxRobot robot) throws Exception {
        signIn(robot, "anna");
        openFirstCluster(robot);
        // F1: the keys of the values and of the comment are listed
        robot.type(KeyCode.F1);
        Parent overlay = robot.lookup("#review-help-overlay").queryAs(Parent.class);
        assertThat(overlay.isVisible()).isTrue();
        List<String> lines = overlay.getChildrenUnmodifiable().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("Alt+1 … Alt+9"))
                .anyMatch(l -> l.startsWith("Alt+B"))
                .anyMatch(l -> l.startsWith("Tab"));
        robot.type(KeyCode.ESCAPE);
        assertThat(overlay.isVisible()).isFalse();

        long cluster = review().stateProperty().get().view().clusterId();
        alt(robot, KeyCode.B);
        assertThat(focusId()).isEqualTo("review-comment");
        robot.write("Rückfrage beim Meldeamt");
        alt(robot, KeyCode.Z);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review().stateProperty().get().view() != null
                && review().stateProperty().get().view().clusterId() != cluster && !review().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(review().messageProperty().get()).startsWith("Zurückgestellt");
        assertThat(review().commentProperty().get()).as("a new cluster, a new comment").isEmpty();
        assertThat(focusId()).isEqualTo("review-center");
        // deferred: behind the open clusters, still counted
        assertThat(model.signedIn().review().queue(Set.of(ClusterStatus.DEFERRED), 0))
                .anyMatch(q -> q.clusterId() == cluster);
        List<Long> order = review().queue().stream().map(q -> q.clusterId()).toList();
        int deferredAt = order.indexOf(cluster);
        assertThat(deferredAt).as("listed again, behind the open ones").isPositive();
        assertThat(review().queue().subList(0, deferredAt)).allMatch(q -> q.status() == ClusterStatus.OPEN);
    }

    @Test
    void tabThroughEveryScreenAlwaysLandsOnSomethingRinged(FxRobot robot) throws Exception {
        signIn(robot, "admin");
        Set<String> seen = new LinkedHashSet<>();
        List<String> bare = new ArrayList<>();
        for (int screen = 1; screen <= 7; screen++) {
            robot.press(KeyCode.CONTROL, KeyCode.getKeyCode(Integer.toString(screen)))
                    .release(KeyCode.getKeyCode(Integer.toString(screen)), KeyCode.CONTROL);
            settle();
            for (int tab = 0; tab < 8; tab++) {
                robot.type(KeyCode.TAB);
                WaitForAsyncUtils.waitForFxEvents();
                Node owner = scene.getFocusOwner();
                if (owner == null) {
                    continue;
                }
                String name = screen + ":" + owner.getClass().getSimpleName() + "#" + owner.getId();
                if (tab == 2) {
                    UiTestSupport.snapshot(robot, "keys-tab-screen-" + screen + ".png");
                }
                seen.add(name);
                if (!ringed(owner)) {
                    bare.add(name);
                }
            }
        }
        assertThat(seen).as("Tab reaches controls on the screens").hasSizeGreaterThan(14);
        assertThat(bare).as("focused without a visible ring").isEmpty();
    }

    /**
     * A screen chosen by Ctrl+N from within another screen leaves the cursor on that screen's navigation entry or in
     * the screen (before, it stayed on the entry of the screen left: Ctrl+3 from the journal ringed "Protokolle"
     * beside the match screen), the ring of a filled control (the selected entry, a blue or green button) is set off
     * from its fill by a line of the background, and after a sign-out the cursor waits in the sign-in.
     */
    @Test
    void aScreenChosenByKeyHoldsTheCursorAndAFilledControlShowsItsRing(FxRobot robot) throws Exception {
        signIn(robot, "admin");
        List<String> astray = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (int screen = 1; screen <= 7; screen++) {
            // from a control inside the screen shown, as a clerk's cursor is
            Node inScreen = robot.lookup(".button").queryAll().stream().filter(n -> n.isVisible()
                    && !n.isDisabled() && n.getScene() == scene && !inside(n, ".navigation")
                    && !inside(n, ".status-bar")).findFirst().orElse(null);
            if (inScreen != null) {
                robot.interact(inScreen::requestFocus);
            }
            robot.press(KeyCode.CONTROL, KeyCode.getKeyCode(Integer.toString(screen)))
                    .release(KeyCode.getKeyCode(Integer.toString(screen)), KeyCode.CONTROL);
            settle();
            javafx.scene.control.ToggleButton selected = robot.lookup(".navigation .toggle-button")
                    .queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                    .filter(javafx.scene.control.ToggleButton::isSelected).findFirst().orElseThrow();
            Node owner = scene.getFocusOwner();
            String name = screen + ":" + (owner == null ? "nothing" : owner.getClass().getSimpleName() + "#"
                    + owner.getId());
            boolean onOtherEntry = owner instanceof javafx.scene.control.ToggleButton t && t != selected
                    && t.getStyleClass().contains("toggle-button") && inside(t, ".navigation");
            if (owner == null || onOtherEntry || owner.getScene() != scene || !treeVisible(owner)) {
                astray.add(name + " (shown: " + selected.getId() + ")");
            } else if (!ringedApart(owner)) {
                hidden.add(name);
            }
        }
        assertThat(astray).as("the cursor left on another screen's entry, or nowhere").isEmpty();
        assertThat(hidden).as("a filled control whose ring melts into its fill").isEmpty();

        robot.clickOn("#status-sign-out");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.signedIn() == null);
        settle();
        assertThat(focusId()).as("after the sign-out").isIn("start-user", "start-password");
        assertThat(ringed(scene.getFocusOwner())).isTrue();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Node node, String selector) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(selector.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ringed, and where the control is filled with a colour (selected, accent, success, danger, default) the ring is
     * set off from the fill by a stroke of another colour inside it.
     */
    private static boolean ringedApart(Node node) {
        if (!ringed(node)) {
            return false;
        }
        boolean filled = node.getStyleClass().stream().anyMatch(c -> List.of("accent", "success", "danger")
                .contains(c)) || node.getPseudoClassStates().stream().anyMatch(c -> List.of("selected", "default")
                .contains(c.getPseudoClassName()));
        if (!filled || !(node instanceof Region r) || r.getBorder() == null) {
            return true;
        }
        return r.getBorder().getStrokes().stream().anyMatch(s -> s.getTopStroke() instanceof Color c
                && c.getBrightness() > 0.9 && c.getSaturation() < 0.1);
    }

    /** The node, or the part of it that shows its state (a check box's box), has the accent ring of 2 px. */
    private static boolean ringed(Node node) {
        List<Node> parts = new ArrayList<>(List.of(node));
        if (node instanceof Parent p) {
            for (String part : List.of(".box", ".radio", ".thumb-area", ".thumb")) {
                Node n = p.lookup(part);
                if (n != null) {
                    parts.add(n);
                }
            }
            // a tab pane shows the cursor on its selected tab
            p.lookupAll(".tab").stream().filter(n -> n.getPseudoClassStates().stream()
                    .anyMatch(c -> c.getPseudoClassName().equals("selected"))).forEach(parts::add);
        }
        for (Node n : parts) {
            if (n instanceof Region r && r.getBorder() != null) {
                for (BorderStroke s : r.getBorder().getStrokes()) {
                    if (s.getWidths().getTop() >= 2 && s.getTopStroke() instanceof Color c
                            && c.getBlue() > c.getRed() + 0.3) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
