package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review screen at 1024x700 shows which pair it explains (the weakest link by default), the cluster graph with
 * the weakest link marked (a click on a line explains that pair), the waterfall whose bars add up to the pair's
 * score, and the grid's three grains of difference.
 */
@ExtendWith(ApplicationExtension.class)
class ExplanationPanelUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;
    private ReviewScreen screen;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        model = UiTestSupport.signedInModel(Files.createTempDirectory("grw-explain-ui"));
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        AppContext ctx = new AppContext(i18n, model, new TaskRunner(executor, i18n), new UserSettings(),
                errors::add, n -> { });
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        screen = new ReviewScreen(ctx);
        StackPane root = new StackPane(screen.view());
        Scene scene = new Scene(root, 1024, 700);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        screen.activated();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(screen::deactivated).get(10, TimeUnit.SECONDS);
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private ReviewViewModel vm() {
        return screen.viewModel();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openCase(FxRobot robot) throws Exception {
        robot.clickOn("#review-case").write("51.2-2026/4711").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().currentProperty().get() != null);
        settle();
    }

    /** Pages on until the open cluster has three or more records and links of different strength. */
    private void toChain(FxRobot robot) throws Exception {
        for (int i = 0; i < 200; i++) {
            ClusterView v = vm().currentProperty().get();
            if (v.members().size() >= 3 && v.pairs().get(0).probability()
                    - vm().explained().weakest().probability() > 0.01) {
                return;
            }
            robot.type(KeyCode.PAGE_DOWN);
            settle();
        }
        throw new AssertionError("no cluster of three records with links of different strength");
    }

    @Test
    void thePanelNamesThePairDrawsTheGraphAndTheWaterfall(FxRobot robot) throws Exception {
        openCase(robot);
        toChain(robot);
        ClusterView view = vm().currentProperty().get();
        PairView weakest = vm().explained().weakest();
        assertThat(vm().explained().pairProperty().get()).isEqualTo(weakest);
        int a = ExplainedPair.column(view, weakest.recordA());
        int b = ExplainedPair.column(view, weakest.recordB());
        assertThat(robot.lookup("#explain-pair-name").queryAs(Label.class).getText())
                .isEqualTo("Erklärt: Datensatz " + a + " \u2194 Datensatz " + b + " \u00b7 schwächstes Glied");
        assertThat(robot.lookup("#explain-probability").queryAs(Label.class).getText())
                .startsWith("Wahrscheinlichkeit " + String.format(java.util.Locale.GERMAN, "%.3f",
                        weakest.probability()));

        // the graph: one line marked as the weakest link, every record inside the drawing
        ClusterGraphView graph = robot.lookup("#cluster-graph").queryAs(ClusterGraphView.class);
        assertThat(robot.from(graph).lookup(".graph-weakest").queryAll()).hasSize(1);
        assertThat(robot.from(graph).lookup(".graph-node").queryAllAs(Circle.class)).hasSize(view.members().size())
                .allSatisfy(c -> assertThat(graph.getLayoutBounds().contains(c.getBoundsInParent())).isTrue());
        assertThat(graph.getBoundsInParent().getWidth()).isLessThanOrEqualTo(ClusterGraphView.WIDTH + 1);

        // the waterfall: prior and bars add up to the pair's stored weight
        assertWaterfallAddsUp(robot, weakest);

        // a click on another pair's line explains that pair
        Line hit = robot.from(graph).lookup(".graph-hit").queryAllAs(Line.class).stream()
                .filter(l -> !((ClusterGraph.Edge) l.getUserData()).weakest()).findFirst().orElseThrow();
        PairView other = ((ClusterGraph.Edge) hit.getUserData()).pair();
        Point2D middle = hit.localToScreen((hit.getStartX() + hit.getEndX()) / 2, (hit.getStartY() + hit.getEndY()) / 2);
        robot.clickOn(middle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().explained().pairProperty().get()).isEqualTo(other);
        assertThat(robot.lookup("#explain-pair-name").queryAs(Label.class).getText()).isEqualTo("Erklärt: Datensatz "
                + ExplainedPair.column(view, other.recordA()) + " \u2194 Datensatz "
                + ExplainedPair.column(view, other.recordB()));
        assertWaterfallAddsUp(robot, other);

        // Alt+P moves through the pairs as the chooser lists them
        List<PairView> order = vm().explained().choices();
        robot.press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().explained().pairProperty().get())
                .isEqualTo(order.get((order.indexOf(other) + 1) % order.size()));

        // nothing in the panel is cut to "…" at 1024x700
        for (Node n : robot.lookup("#explain-panel").queryAs(Parent.class).lookupAll(".label")) {
            Label l = (Label) n;
            Text shown = (Text) l.lookup(".text");
            if (shown != null && l.getText() != null && !l.getText().isEmpty()) {
                assertThat(shown.getText()).as("label %s", l.getText()).doesNotEndWith("…").doesNotEndWith("...");
            }
        }
        assertThat(errors).isEmpty();
    }

    private void assertWaterfallAddsUp(FxRobot robot, PairView pair) {
        WaterfallChart chart = robot.lookup("#waterfall").queryAs(WaterfallChart.class);
        double prior = (Double) robot.from(chart).lookup(".waterfall-prior").queryAs(Rectangle.class).getUserData();
        double sum = prior;
        for (Rectangle r : robot.from(chart).lookup(".waterfall-step").queryAllAs(Rectangle.class)) {
            sum += (Double) r.getUserData();
        }
        double total = (Double) robot.from(chart).lookup(".waterfall-total").queryAs(Rectangle.class).getUserData();
        assertThat(total).isEqualTo(pair.weight());
        assertThat(sum).isCloseTo(pair.weight(), within(chart.waterfall().roundingTolerance()));
        Bounds bounds = chart.getLayoutBounds();
        for (Rectangle r : robot.from(chart).lookup(".waterfall-bar").queryAllAs(Rectangle.class)) {
            assertThat(r.getX()).isGreaterThanOrEqualTo(-0.5);
            assertThat(r.getX() + r.getWidth()).isLessThanOrEqualTo(bounds.getWidth() + 0.5);
        }
    }

    @Test
    void theGridShowsTheThreeGrainsOfDifference(FxRobot robot) throws Exception {
        openCase(robot);
        Set<ValueGrain> seen = EnumSet.noneOf(ValueGrain.class);
        for (int i = 0; i < 200 && seen.size() < 4; i++) {
            for (Node cell : robot.lookup(".side-by-side").queryAs(Parent.class).getChildrenUnmodifiable()) {
                if (!(cell.getProperties().get(ValueGrain.class) instanceof ValueGrain grain)) {
                    continue;
                }
                seen.add(grain);
                Parent flow = (Parent) ((Parent) cell).getChildrenUnmodifiable().get(0);
                List<String> styles = flow.getChildrenUnmodifiable().stream()
                        .flatMap(t -> t.getStyleClass().stream()).toList();
                switch (grain) {
                    case SAME -> assertThat(styles).containsOnly("same-text");
                    case WRITTEN_DIFFERENTLY -> {
                        assertThat(styles).containsExactly("grain-normalised");
                        assertThat(cell.getStyleClass()).contains("cell-grain-normalised");
                    }
                    case NEAR -> assertThat(styles).contains("diff-text").doesNotContain("grain-unrelated");
                    case UNRELATED -> {
                        assertThat(styles).containsExactly("grain-unrelated");
                        assertThat(cell.getStyleClass()).contains("cell-grain-unrelated");
                    }
                }
            }
            robot.type(KeyCode.PAGE_DOWN);
            settle();
        }
        assertThat(seen).containsExactlyInAnyOrder(ValueGrain.values());
        assertThat(robot.lookup("#grain-legend").tryQuery()).isPresent();
        assertThat(errors).isEmpty();
    }
}
