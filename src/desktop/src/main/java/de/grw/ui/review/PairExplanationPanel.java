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

    private PairExplanationPanel() {
    }

    /** The panel's content for the view model's open cluster and explained pair. */
    static Node build(ReviewViewModel vm, I18n t) {
        VBox box = new VBox(6);
        box.setId("explain-panel");
        box.getStylesheets().add(STYLESHEET);
        Label title = new Label(t.get("review.explanation"));
        title.getStyleClass().add("text-bold");
        box.getChildren().add(title);
        ClusterView view = vm.currentProperty().get();
        PairView pair = vm.explained().pairProperty().get();
        if (view == null || pair == null) {
            return box;
        }
        if (view.modelVersion() != null) {
            // which model version proposed the cluster: the weights below are that version's, stored with its pairs
            Label version = new Label(t.get("explain.modelVersion", view.modelVersion()));
            version.setId("explain-model-version");
            version.setWrapText(true);
            version.getStyleClass().addAll("text-small", "text-muted");
            box.getChildren().add(version);
        }
        PairView weakest = vm.explained().weakest();
        Label name = new Label(t.get("explain.pair", ExplainedPair.column(view, pair.recordA()),
                ExplainedPair.column(view, pair.recordB()))
                + (pair.equals(weakest) ? " \u00b7 " + t.get("explain.weakest") : ""));
        name.setId("explain-pair-name");
        name.setWrapText(true);
        name.getStyleClass().add("text-bold");
        ComboBox<PairView> chooser = new ComboBox<>();
        chooser.setId("explain-pair");
        chooser.getItems().setAll(vm.explained().choices());
        chooser.setValue(pair);
        chooser.setMaxWidth(Double.MAX_VALUE);
        // the button shows the pair and its probability (the line above says whether it is the weakest link)
        chooser.setButtonCell(new PairCell(view, null, t));
        chooser.setCellFactory(l -> new PairCell(view, weakest, t));
        chooser.setTooltip(new Tooltip(t.get("explain.choose")));
        chooser.setDisable(chooser.getItems().size() < 2);
        chooser.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.explained().select(now);
            }
        });
        ClusterGraphView graph = new ClusterGraphView(ClusterGraph.of(view, weakest, ClusterGraphView.WIDTH,
                ClusterGraphView.HEIGHT), pair, t, vm.explained()::select);
        de.grw.ui.common.LazyTooltip.install(graph, t.get("explain.graphHelp"));
        Label legend = new Label(t.get("explain.graphLegend"));
        legend.getStyleClass().addAll("text-small", "text-muted");
        legend.setWrapText(true);
        Waterfall waterfall = Waterfall.of(pair);
        Label probability = new Label(t.get("explain.probability",
                String.format(t.locale(), "%.3f", waterfall.probability()),
                ExplanationText.weight(waterfall.weight(), t.locale())));
        probability.setId("explain-probability");
        probability.setWrapText(true);
        probability.getStyleClass().add("text-bold");
        box.getChildren().addAll(name, chooser, graph, legend, probability, new WaterfallChart(waterfall, t));
        return box;
    }

    /** A pair as the chooser lists it: "1 ↔ 3 · 0,910 · schwächstes Glied". */
    static String text(ClusterView view, PairView p, PairView weakest, I18n t) {
        return t.get("explain.pairShort", ExplainedPair.column(view, p.recordA()),
                ExplainedPair.column(view, p.recordB()), String.format(t.locale(), "%.3f", p.probability()))
                + (p.equals(weakest) ? " \u00b7 " + t.get("explain.weakest") : "");
    }

    private static final class PairCell extends ListCell<PairView> {
        private final ClusterView view;
        private final PairView weakest;
        private final I18n t;

        PairCell(ClusterView view, PairView weakest, I18n t) {
            this.view = view;
            this.weakest = weakest;
            this.t = t;
        }

        @Override
        protected void updateItem(PairView item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text(view, item, weakest, t));
        }
    }
}
