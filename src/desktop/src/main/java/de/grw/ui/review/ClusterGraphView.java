package de.grw.ui.review;

import de.grw.review.ReviewViews.PairView;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * Draws a {@link ClusterGraph}: numbered circles for the records (the grid's column numbers), a line per scored pair,
 * the thicker the more probable, labelled with its probability; the weakest link dashed in red, pairs the run did not
 * link dotted in grey, the explained pair highlighted. Clicking a line explains that pair.
 */
public final class ClusterGraphView extends Pane {
    /** Size of the drawing: small enough for the review's right-hand column at 1024x700. */
    static final double WIDTH = 250;
    static final double HEIGHT = 140;
    private static final double NODE_RADIUS = 11;
    /** Edges get a label of their own up to this many records; above, only the weakest and the explained one. */
    private static final int LABEL_ALL_UP_TO = 5;

    private final ClusterGraph graph;

    public ClusterGraphView(ClusterGraph graph, PairView explained, I18n t, Consumer<PairView> choose) {
        this.graph = graph;
        setId("cluster-graph");
        getStyleClass().add("cluster-graph");
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        boolean labelAll = graph.nodes().size() <= LABEL_ALL_UP_TO;
        // the edges' labels over all lines (no line drawn later runs through a label, as where the diagonals of four
        // records cross), the records' circles over both
        List<Label> labels = new ArrayList<>();
        for (ClusterGraph.Edge e : graph.edges()) {
            Line line = new Line(e.a().x(), e.a().y(), e.b().x(), e.b().y());
            line.getStyleClass().add("graph-edge");
            line.getStyleClass().add(e.weakest() ? "graph-weakest" : e.linked() ? "graph-linked" : "graph-unlinked");
            if (e.pair().equals(explained)) {
                line.getStyleClass().add("graph-explained");
            }
            line.setStrokeWidth(1 + 4 * e.pair().probability());
            line.setMouseTransparent(true);
            // a wide invisible line takes the click: a thin line is hard to hit
            Line hit = new Line(e.a().x(), e.a().y(), e.b().x(), e.b().y());
            hit.setId("graph-edge-" + e.a().column() + "-" + e.b().column());
            hit.getStyleClass().add("graph-hit");
            hit.setStrokeWidth(12);
            hit.setUserData(e);
            hit.setCursor(Cursor.HAND);
            String probability = String.format(t.locale(), "%.3f", e.pair().probability());
            de.grw.ui.common.LazyTooltip.install(hit, (t.get("explain.edgeTip", e.a().column(), e.b().column(), probability)
                    + (e.weakest() ? " \u00b7 " + t.get("explain.weakest") : "")
                    + (e.linked() ? "" : " \u00b7 " + t.get("explain.unlinked"))));
            hit.setOnMouseClicked(ev -> choose.accept(e.pair()));
            getChildren().addAll(line, hit);
            if (labelAll || e.weakest() || e.pair().equals(explained)) {
                Label label = new Label(probability);
                label.getStyleClass().addAll("graph-edge-label", "text-small");
                if (e.weakest()) {
                    label.getStyleClass().add("graph-weakest-label");
                }
                label.setMouseTransparent(true);
                label.setAlignment(Pos.CENTER);
                label.setUserData(new double[] {e.a().x(), e.a().y(), e.b().x(), e.b().y()});
                labels.add(label);
            }
        }
        getChildren().addAll(labels);
        for (ClusterGraph.Node n : graph.nodes()) {
            Circle circle = new Circle(n.x(), n.y(), NODE_RADIUS);
            circle.setId("graph-node-" + n.column());
            circle.getStyleClass().add("graph-node");
            boolean inPair = explained != null && (explained.recordA() == n.recordId()
                    || explained.recordB() == n.recordId());
            if (inPair) {
                circle.getStyleClass().add("graph-node-explained");
            }
            circle.setMouseTransparent(true);
            Label number = new Label(Integer.toString(n.column()));
            number.getStyleClass().add("graph-node-label");
            number.setMouseTransparent(true);
            number.setUserData(new double[] {n.x(), n.y()});
            getChildren().addAll(circle, number);
        }
    }

    /** The graph drawn. */
    public ClusterGraph graph() {
        return graph;
    }

    @Override
    protected void layoutChildren() {
        // labels centred on their point (a node's centre; an edge's middle, or a bit along the edge when another
        // label sits there, as where the diagonals of four records cross), kept inside the drawing
        List<Bounds> placed = new ArrayList<>();
        for (ClusterGraph.Node n : graph.nodes()) {
            placed.add(new BoundingBox(n.x() - NODE_RADIUS, n.y() - NODE_RADIUS, 2 * NODE_RADIUS, 2 * NODE_RADIUS));
        }
        for (javafx.scene.Node child : getChildren()) {
            if (!(child instanceof Label l) || !(l.getUserData() instanceof double[] at)) {
                continue;
            }
            double w = l.prefWidth(-1);
            double h = l.prefHeight(w);
            Bounds best = null;
            for (double t : at.length == 4 ? new double[] {0.5, 0.32, 0.68, 0.22, 0.78} : new double[] {0}) {
                double px = at.length == 4 ? at[0] + (at[2] - at[0]) * t : at[0];
                double py = at.length == 4 ? at[1] + (at[3] - at[1]) * t : at[1];
                double x = Math.max(0, Math.min(getWidth() - w, px - w / 2));
                double y = Math.max(0, Math.min(getHeight() - h, py - h / 2));
                Bounds b = new BoundingBox(x, y, w, h);
                if (best == null) {
                    best = b;
                }
                if (placed.stream().noneMatch(b::intersects)) {
                    best = b;
                    break;
                }
            }
            if (at.length == 4) {
                placed.add(best);
            }
            l.resizeRelocate(best.getMinX(), best.getMinY(), w, h);
        }
    }
}
