package de.grw.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.I18n;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The graph of a cluster of four records, every pair scored (the two diagonals cross in the middle): no edge's
 * probability label lies under another label or under a line drawn after it.
 */
class ClusterGraphLabelsTest {
    private static final String JSON = "{\"prior\":-10.0,\"comparisons\":[]}";

    @BeforeAll
    static void toolkit() throws Exception {
        UiTestSupport.startToolkit();
    }

    private static PairView pair(long a, long b, double p) {
        return new PairView(a, b, p, Math.log(p / (1 - p)) / Math.log(2), JSON);
    }

    @Test
    void noEdgeLabelIsCoveredInAGraphOfFourRecords() throws Exception {
        List<MemberRecord> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            members.add(new MemberRecord(i * 10L, "quelle", "k" + i, "2026-01-01", List.of(), List.of(), List.of(),
                    false, false));
        }
        PairView weakest = pair(10, 30, 0.91);
        List<PairView> pairs = List.of(pair(10, 20, 0.9999), pair(20, 30, 0.9999), pair(30, 40, 0.91), pair(10, 40,
                0.9999), weakest, pair(20, 40, 0.9999));
        ClusterView view = new ClusterView(7, ClusterStatus.OPEN, null, members, pairs, Map.of(), List.of());
        List<String> problems = new ArrayList<>();
        UiTestSupport.onFx(() -> {
            ClusterGraphView graph = new ClusterGraphView(ClusterGraph.of(view, weakest, ClusterGraphView.WIDTH,
                    ClusterGraphView.HEIGHT), weakest, I18n.german(), p -> { });
            Group root = new Group(graph);
            root.getStylesheets().add(PairExplanationPanel.STYLESHEET);
            new Scene(root, 400, 300);
            root.applyCss();
            root.layout();
            List<Node> children = graph.getChildren();
            List<Label> labels = children.stream().filter(n -> n instanceof Label l
                    && l.getStyleClass().contains("graph-edge-label")).map(Label.class::cast).toList();
            assertThat(labels).hasSize(6);
            for (Label label : labels) {
                Bounds b = label.getBoundsInParent();
                for (Label other : labels) {
                    if (other != label && other.getBoundsInParent().intersects(b)) {
                        problems.add(label.getText() + " under label " + other.getText());
                    }
                }
                // a visible line painted after the label runs through its text
                for (int i = children.indexOf(label) + 1; i < children.size(); i++) {
                    if (children.get(i) instanceof Line line && !line.getStyleClass().contains("graph-hit")
                            && crosses(line, b)) {
                        problems.add(label.getText() + " under a line");
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Whether a line segment passes through a box (sampled along the segment). */
    private static boolean crosses(Line line, Bounds b) {
        for (int i = 0; i <= 100; i++) {
            double x = line.getStartX() + (line.getEndX() - line.getStartX()) * i / 100;
            double y = line.getStartY() + (line.getEndY() - line.getStartY()) * i / 100;
            if (b.contains(x, y)) {
                return true;
            }
        }
        return false;
    }
}
