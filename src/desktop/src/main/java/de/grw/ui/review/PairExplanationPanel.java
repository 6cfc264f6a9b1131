package de.grw.ui.review;

import de.grw.review.ExplanationText;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import de.grw.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The review's explanation column: which pair is explained ("Datensatz 1 ↔ Datensatz 3", by default the cluster's
 * weakest link, the probability the queue lists), a chooser for any other scored pair of the cluster (also Alt+P and
 * Alt+Shift+P), the cluster as a graph, and the pair's waterfall with its final probability.
 */
final class PairExplanationPanel {
    /** The panel's own styles (graph, waterfall, value grains), added where its nodes are shown. */
    static final String STYLESHEET = PairExplanationPanel.class.getResource("explain.css").toExternalForm();

    private final VBox box = new VBox(6);
    private final Label title = new Label();
    private final Label version = new Label();
    private final Label name = new Label();
    private final ComboBox<PairView> chooser = new ComboBox<>();
    private final Label legend = new Label();
    private final Label probability = new Label();
    /** The pair's waterfall, made once and drawn anew for each pair. */
    private WaterfallChart chart;
    private final I18n t;
    /** The cluster and weakest link the chooser's cells describe. */
    private ClusterView view;
    private PairView weakest;
    /** True while the panel itself sets the chooser (not the clerk's choice). */
    private boolean filling;

    /**
     * The panel, made once per review screen: its box, labels and chooser are kept and filled anew for each cluster
     * and pair ({@link #fill}), the waterfall's rows too; only the graph is made new. Making a new chooser, labels
     * and a box with its own style sheet for every cluster was a large part of the FX thread's time per key press
     * (issue 13).
     */
    PairExplanationPanel(ReviewViewModel vm, I18n t) {
        this.t = t;
        box.setId("explain-panel");
        box.getStylesheets().add(STYLESHEET);
        title.getStyleClass().add("text-bold");
        version.setId("explain-model-version");
        version.setWrapText(true);
        version.getStyleClass().addAll("text-small", "text-muted");
        name.setId("explain-pair-name");
        name.setWrapText(true);
        name.getStyleClass().add("text-bold");
        chooser.setId("explain-pair");
        chooser.setMaxWidth(Double.MAX_VALUE);
        // the button shows the pair and its probability (the line above says whether it is the weakest link)
        chooser.setButtonCell(new PairCell(false));
        chooser.setCellFactory(l -> new PairCell(true));
        chooser.setTooltip(new Tooltip(t.get("explain.choose")));
        chooser.valueProperty().addListener((o, was, now) -> {
            if (now != null && !filling) {
                vm.explained().select(now);
            }
        });
        legend.getStyleClass().addAll("text-small", "text-muted");
        legend.setWrapText(true);
        probability.setId("explain-probability");
        probability.setWrapText(true);
        probability.getStyleClass().add("text-bold");
    }

    /** The panel's node (the same for every cluster). */
    Node node() {
        return box;
    }

    /** The panel's content for the view model's open cluster and explained pair, made anew (tests, one-off use). */
    static Node build(ReviewViewModel vm, I18n t) {
        PairExplanationPanel panel = new PairExplanationPanel(vm, t);
        panel.fill(vm);
        return panel.node();
    }

    /** Fills the panel for the view model's open cluster and explained pair. */
    void fill(ReviewViewModel vm) {
        title.setText(t.get("review.explanation"));
        ClusterView open = vm.currentProperty().get();
        PairView pair = vm.explained().pairProperty().get();
        if (open == null || pair == null) {
            view = null;
            weakest = null;
            box.getChildren().setAll(title);
            return;
        }
        view = open;
        weakest = vm.explained().weakest();
        java.util.List<Node> children = new java.util.ArrayList<>();
        children.add(title);
        if (open.modelVersion() != null) {
            // which model version proposed the cluster: the weights below are that version's, stored with its pairs
            version.setText(t.get("explain.modelVersion", open.modelVersion()));
            children.add(version);
        }
        name.setText(t.get("explain.pair", ExplainedPair.column(open, pair.recordA()),
                ExplainedPair.column(open, pair.recordB()))
                + (pair.equals(weakest) ? " \u00b7 " + t.get("explain.weakest") : ""));
        filling = true;
        try {
            chooser.getItems().setAll(vm.explained().choices());
            chooser.setValue(null); // the button cell is drawn anew for the new cluster even where the pair is equal
            chooser.setValue(pair);
        } finally {
            filling = false;
        }
        chooser.setDisable(chooser.getItems().size() < 2);
        ClusterGraphView graph = new ClusterGraphView(ClusterGraph.of(open, weakest, ClusterGraphView.WIDTH,
                ClusterGraphView.HEIGHT), pair, t, vm.explained()::select);
        de.grw.ui.common.LazyTooltip.install(graph, t.get("explain.graphHelp"));
        legend.setText(t.get("explain.graphLegend"));
        Waterfall waterfall = Waterfall.of(pair);
        if (chart == null) {
            chart = new WaterfallChart(waterfall, t);
        } else {
            chart.show(waterfall, t);
        }
        probability.setText(t.get("explain.probability",
                String.format(t.locale(), "%.3f", waterfall.probability()),
                ExplanationText.weight(waterfall.weight(), t.locale())));
        children.addAll(java.util.List.of(name, chooser, graph, legend, probability, chart));
        replace(box.getChildren(), children);
    }

    /**
     * Makes a node list equal to another, changing only the places that differ: a node taken out of the scene and
     * put back has all its styles matched again (for the panel's kept labels, chooser and waterfall, per cluster).
     */
    static void replace(javafx.collections.ObservableList<Node> now, java.util.List<Node> wanted) {
        if (now.size() != wanted.size()) {
            now.setAll(wanted);
            return;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (now.get(i) != wanted.get(i)) {
                if (now.contains(wanted.get(i))) {
                    now.setAll(wanted);
                    return;
                }
                now.set(i, wanted.get(i));
            }
        }
    }

    /** A pair as the chooser lists it: "1 ↔ 3 · 0,910 · schwächstes Glied". */
    static String text(ClusterView view, PairView p, PairView weakest, I18n t) {
        return t.get("explain.pairShort", ExplainedPair.column(view, p.recordA()),
                ExplainedPair.column(view, p.recordB()), String.format(t.locale(), "%.3f", p.probability()))
                + (p.equals(weakest) ? " \u00b7 " + t.get("explain.weakest") : "");
    }

    /** A pair in the chooser (with "weakest link" where it is) or on its button (without). */
    private final class PairCell extends ListCell<PairView> {
        private final boolean markWeakest;

        PairCell(boolean markWeakest) {
            this.markWeakest = markWeakest;
        }

        @Override
        protected void updateItem(PairView item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null || view == null ? null : text(view, item, markWeakest ? weakest : null, t));
        }
    }
}
