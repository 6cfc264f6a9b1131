package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.api.local.LocalWorkbench;
import de.grw.api.local.SampleWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.MemberRecord;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison in the whole window: at 1024x700 the queue gives its room (shown on demand, floating), one record
 * stands between the frozen field and contribution columns and the golden record, the bar says which and steps to
 * the next; the records scroll beneath the frozen parts, the heading row stays at the top, a check box reached by
 * the cursor brings its record into view. At 1920x1080 the whole cluster fits beside the queue.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ReviewLayoutUiTest {
    private static Path sample;
    private Stage stage;
    private WorkbenchModel model;
    private ExecutorService executor;
    private ReviewScreen screen;

    @BeforeAll
    static void buildSample() throws Exception {
        sample = Files.createTempDirectory("grw-review-layout").resolve("beispiel.grw");
        SampleWorkbench.build(sample, ProgressListener.NONE, CancellationToken.NONE).close();
    }

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (screen != null) {
            WaitForAsyncUtils.asyncFx(screen::deactivated).get(10, TimeUnit.SECONDS);
        }
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    /** The review in a window of this size, signed in as the clerk, a cluster of three or more records open. */
    private List<MemberRecord> open(int width, int height) throws Exception {
        return open(width, height, "de");
    }

    /** The same in this language ("de" or "en"). */
    private List<MemberRecord> open(int width, int height, String language) throws Exception {
        model = new WorkbenchModel();
        executor = Executors.newSingleThreadExecutor();
        I18n i18n = new I18n(java.util.Locale.forLanguageTag(language));
        UiTestSupport.onFx(() -> {
            model.use(LocalWorkbench.open(sample));
            model.signIn(SampleWorkbench.CLERK, SampleWorkbench.PASSWORD.toCharArray());
            stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                    stage));
            // at the screen's corner: a 1920x1080 window fits the headless screen only there
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            MainWindow w = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
            w.show("nav.review");
            screen = (ReviewScreen) w.screen("nav.review");
            TextField caseRef = node("#review-case", TextField.class);
            caseRef.setText(SampleWorkbench.CASE);
            caseRef.fireEvent(new ActionEvent());
        });
        settle();
        for (int i = 0; i < 100 && screen.viewModel().currentProperty().get().members().size() < 3; i++) {
            UiTestSupport.onFx(screen.viewModel()::next);
            settle();
        }
        List<MemberRecord> members = screen.viewModel().currentProperty().get().members();
        assertThat(members).hasSizeGreaterThanOrEqualTo(3);
        return members;
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> screen.viewModel().currentProperty().get() != null
                && !screen.viewModel().busyProperty().get());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A window made smaller from 1920x1080 to 1024x700 keeps the record's heading whole beside the golden record: the
     * explanation gives back the room it took in the large window (it kept its 420 px, the comparison lost it all and
     * the golden record covered the heading: README's 1024x700 picture).
     */
    @Test
    void aWindowMadeSmallerKeepsTheRecordsHeadingWholeBesideTheGoldenRecord() throws Exception {
        open(1920, 1080);
        javafx.scene.control.SplitPane columns = node("#review-columns", javafx.scene.control.SplitPane.class);
        // the explanation as wide as a screen first laid out at 1920 px gives it (420 px)
        UiTestSupport.onFx(() -> columns.setDividerPositions(1 - 420 / columns.getWidth()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#review-explanation-scroll", Node.class).getLayoutBounds().getWidth())
                .isCloseTo(420, within(8.0));
        UiTestSupport.onFx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds golden = sceneOf(node("#golden-family_name", Node.class).getParent());
        for (String id : List.of("#member-in-1", "#member-mark-1")) {
            Node box = node(id, Node.class);
            assertThat(sceneOf(box).getMaxX()).as(id).isLessThanOrEqualTo(golden.getMinX() + 0.5);
        }
        Node recordHeading = node("#member-in-1", Node.class).getParent();
        assertThat(sceneOf(recordHeading).getMaxX()).isLessThanOrEqualTo(golden.getMinX() + 0.5);
        assertThat(recordHeading.prefWidth(-1)).isLessThanOrEqualTo(recordHeading.getLayoutBounds().getWidth() + 0.5);
        assertThat(golden.getMaxX()).isLessThanOrEqualTo(viewport().getMaxX() + 1);
        assertThat(node("#review-explanation-scroll", Node.class).getLayoutBounds().getWidth()).isLessThan(300);
    }

    @Test
    void at1024x700OneRecordStandsBetweenTheFrozenColumnsAndTheBarSwitchesRecords(FxRobot robot) throws Exception {
        List<MemberRecord> members = open(1024, 700);
        int n = members.size();
        // the queue gives its room to the comparison: hidden, with a toggle
        assertThat(node("#review-queue", ListView.class).isVisible()).isFalse();
        assertThat(node("#review-queue-toggle", ToggleButton.class).isVisible()).isTrue();
        assertThat(node("#records-bar", Node.class).isVisible()).isTrue();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 1 von " + n);

        Bounds field = scene("#side-by-side", "field-family_name");
        Bounds golden = sceneOf(node("#golden-family_name", Node.class).getParent());
        Bounds viewport = viewport();
        assertThat(field.getMinX()).isCloseTo(viewport.getMinX(), within(1.0));
        assertThat(golden.getMaxX()).isLessThanOrEqualTo(viewport.getMaxX() + 1);
        assertThat(shownBetween(members.get(0), field, golden)).isTrue();
        assertThat(shownBetween(members.get(1), field, golden)).isFalse();
        // the record's heading (source and key, its two check boxes) is shown whole, not cut under the golden record
        for (String id : List.of("#member-in-1", "#member-mark-1")) {
            Node box = node(id, Node.class);
            assertThat(sceneOf(box).getMaxX()).as(id).isLessThanOrEqualTo(golden.getMinX() + 0.5);
            assertThat(box.prefWidth(-1)).as(id).isLessThanOrEqualTo(box.getLayoutBounds().getWidth() + 0.5);
        }
        Node recordHeading = node("#member-in-1", Node.class).getParent();
        assertThat(sceneOf(recordHeading).getMaxX()).isLessThanOrEqualTo(golden.getMinX() + 0.5);
        assertThat(recordHeading.prefWidth(-1)).isLessThanOrEqualTo(recordHeading.getLayoutBounds().getWidth() + 0.5);
        // one row is one height in every column, frozen or not
        Bounds first = sceneOf(cell(members.get(0)));
        assertThat(first.getMinY()).isCloseTo(golden.getMinY(), within(0.5));
        assertThat(first.getHeight()).isCloseTo(golden.getHeight(), within(0.5));
        assertThat(field.getHeight()).isCloseTo(golden.getHeight(), within(0.5));

        // the next record scrolls in beneath the frozen columns, which stay where they are
        robot.clickOn("#records-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 2 von " + n);
        assertThat(shownBetween(members.get(1), field, golden)).isTrue();
        assertThat(shownBetween(members.get(0), field, golden)).isFalse();
        assertThat(scene("#side-by-side", "field-family_name").getMinX()).isCloseTo(field.getMinX(), within(0.5));
        assertThat(sceneOf(node("#golden-family_name", Node.class).getParent()).getMinX())
                .isCloseTo(golden.getMinX(), within(0.5));
        // choosing the shown record's value redraws the grid, which stays at that record
        robot.clickOn(cell(members.get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 2 von " + n);
        assertThat(shownBetween(members.get(1), field, golden)).isTrue();
        // a click on the golden value reaches the golden value, not the record beneath it
        String before = screen.viewModel().stateProperty().get().rows().get(0).golden();
        robot.clickOn("#golden-family_name");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node("#golden-family_name", Node.class));
        assertThat(screen.viewModel().stateProperty().get().rows().get(0).golden()).isEqualTo(before);

        // the cursor on the last record's check box brings that record into view
        UiTestSupport.onFx(() -> node("#member-in-" + n, Node.class).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz " + n + " von " + n);
        assertThat(shownBetween(members.get(n - 1), field, golden)).isTrue();
        assertThat(node("#records-next", ButtonBase.class).isDisabled()).isTrue();

        // scrolled down, the heading row stays at the top
        UiTestSupport.onFx(() -> node("#review-center", ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds heading = sceneOf(node("#member-in-" + n, Node.class).getParent());
        assertThat(heading.getMinY()).isCloseTo(viewport().getMinY(), within(1.0));

        // the queue floats over the comparison when asked for, and goes away when a cluster is chosen in it
        robot.clickOn("#review-queue-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> queue = node("#review-queue", ListView.class);
        assertThat(queue.isVisible()).isTrue();
        assertThat(queue.getParent()).isNotInstanceOf(BorderPane.class);
        long open = screen.viewModel().currentProperty().get().clusterId();
        Node secondRow = robot.from(queue).lookup(".list-cell").queryAll().stream()
                .filter(c -> ((javafx.scene.control.ListCell<?>) c).getIndex() == 1).findFirst().orElseThrow();
        robot.clickOn(secondRow);
        settle();
        assertThat(queue.isVisible()).isFalse();
        assertThat(screen.viewModel().currentProperty().get().clusterId()).isNotEqualTo(open);
    }

    /**
     * At 1024x700 the records' ◀ ▶ have keys (Alt+Shift+← / →, said in the F1 help), and a digit that takes the
     * value of a record scrolled out of view brings that record into view.
     */
    @Test
    void at1024x700KeysSwitchRecordsAndADigitBringsItsRecordIntoView(FxRobot robot) throws Exception {
        List<MemberRecord> members = open(1024, 700);
        int n = members.size();
        Bounds field = scene("#side-by-side", "field-family_name");
        Bounds golden = sceneOf(node("#golden-family_name", Node.class).getParent());
        UiTestSupport.onFx(() -> node("#review-center", ScrollPane.class).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 1 von " + n);

        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.RIGHT)
                .release(javafx.scene.input.KeyCode.RIGHT, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 2 von " + n);
        assertThat(shownBetween(members.get(1), field, golden)).isTrue();
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.LEFT)
                .release(javafx.scene.input.KeyCode.LEFT, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz 1 von " + n);
        // the same cluster: the keys moved between records, not clusters
        assertThat(screen.viewModel().currentProperty().get().members()).isEqualTo(members);

        // the digit of the last record, scrolled out of view: its value is taken and the record comes into view
        assertThat(shownBetween(members.get(n - 1), field, golden)).isFalse();
        robot.type(javafx.scene.input.KeyCode.valueOf("DIGIT" + n));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.viewModel().choices().values()).contains(
                new de.grw.review.FieldChoice.FromRecord(members.get(n - 1).id()));
        assertThat(node("#records-shown", Label.class).getText()).isEqualTo("Datensatz " + n + " von " + n);
        assertThat(shownBetween(members.get(n - 1), field,
                sceneOf(node("#golden-family_name", Node.class).getParent()))).isTrue();

        // the F1 help names the keys
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Node help = node("#review-help-overlay", Node.class);
        assertThat(help.isVisible()).isTrue();
        assertThat(robot.from(help).lookup((Label l) -> l.getText().startsWith("Alt+Umschalt+\u2190 / \u2192"))
                .tryQuery()).isPresent();
    }

    @Test
    void at1920x1080TheWholeClusterFitsBesideTheQueue() throws Exception {
        List<MemberRecord> members = open(1920, 1080);
        assertThat(node("#review-queue", ListView.class).isVisible()).isTrue();
        assertThat(node("#review-queue-toggle", ToggleButton.class).isVisible()).isFalse();
        assertThat(node("#records-bar", Node.class).isVisible()).isFalse();
        Bounds field = scene("#side-by-side", "field-family_name");
        Bounds golden = sceneOf(node("#golden-family_name", Node.class).getParent());
        for (MemberRecord m : members) {
            assertThat(shownBetween(m, field, golden)).as("record %d", m.id()).isTrue();
        }
        assertThat(golden.getMaxX()).isLessThanOrEqualTo(viewport().getMaxX() + 1);
    }

    /**
     * The queue's filter row (case reference, band, status, queue mode, sources, clusters left, bulk, previous, next,
     * help) keeps the lines it had before the queue mode chooser came: two at 1024x700, one at 1920x1080, in German
     * and in English; nothing of it leaves the window.
     */
    @Test
    void theFilterRowKeepsItsLinesWithTheQueueModeChooserInBothLanguages() throws Exception {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String language : List.of("de", "en")) {
            for (int[] size : List.of(new int[] {1024, 700}, new int[] {1920, 1080})) {
                open(size[0], size[1], language);
                Node mode = node("#review-mode", Node.class);
                javafx.scene.layout.Pane row = (javafx.scene.layout.Pane) mode.getParent();
                java.util.SortedMap<Long, List<String>> lines = new java.util.TreeMap<>();
                for (Node c : row.getChildren()) {
                    if (c.isManaged() && c.isVisible()) {
                        // the row centres its controls on each line: one centre per line
                        Bounds b = c.getBoundsInParent();
                        lines.computeIfAbsent(Math.round((b.getMinY() + b.getMaxY()) / 8) * 4,
                                y -> new java.util.ArrayList<>()).add((c.getId() != null ? c.getId()
                                        : c.getClass().getSimpleName()) + " " + Math.round(b.getWidth()));
                    }
                }
                String at = language + " " + size[0] + "x" + size[1] + " " + lines + " in " + Math.round(row.getWidth());
                if (lines.size() != (size[0] == 1024 ? 2 : 1)
                        || sceneOf(node("#review-help", Node.class)).getMaxX() > stage.getScene().getWidth()) {
                    wrong.add(at);
                }
                stop();
            }
        }
        assertThat(wrong).as("filter rows with more lines than before the queue mode chooser").isEmpty();
        screen = null;
        open(1024, 700);
    }

    /** Whether a record's family-name cell lies wholly between the frozen field columns and the golden record. */
    private boolean shownBetween(MemberRecord m, Bounds field, Bounds golden) {
        Bounds cell = sceneOf(cell(m));
        Bounds why = sceneOf(frozenEdge());
        return cell.getMinX() >= why.getMaxX() - 0.5 && cell.getMaxX() <= golden.getMinX() + 0.5
                && cell.getMinX() >= field.getMaxX();
    }

    private Node cell(MemberRecord m) {
        // cells are named by column (record 1 … n), not by record
        return node("#cell-family_name-" + (screen.viewModel().currentProperty().get().members().indexOf(m) + 1),
                Node.class);
    }

    /** The contribution cell of the first field's row: the frozen columns' right edge. */
    private Node frozenEdge() {
        Node label = stage.getScene().lookup("#field-family_name");
        javafx.scene.layout.GridPane grid = node("#side-by-side", javafx.scene.layout.GridPane.class);
        Integer row = javafx.scene.layout.GridPane.getRowIndex(label);
        return grid.getChildren().stream().filter(c -> row.equals(javafx.scene.layout.GridPane.getRowIndex(c))
                && Integer.valueOf(1).equals(javafx.scene.layout.GridPane.getColumnIndex(c))).findFirst()
                .orElseThrow();
    }

    private Bounds scene(String grid, String id) {
        return sceneOf(node("#" + id, Node.class));
    }

    private Bounds viewport() {
        return sceneOf(node("#review-center", ScrollPane.class).lookup(".viewport"));
    }

    private static Bounds sceneOf(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private <T> T node(String selector, Class<T> type) {
        Node n = stage.getScene().lookup(selector);
        assertThat(n).as(selector).isNotNull();
        return type.cast(n);
    }
}
