package de.grw.ui.matching;

import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.ui.review.Band;
import de.grw.rights.Permission;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The match run: threshold, start and cancel, one progress bar per phase, and the summary of the run with the
 * clusters by confidence band and the way on to the review queue.
 */
public final class MatchScreen extends ViewModelScreen<MatchViewModel> {

    public MatchScreen(AppContext ctx) {
        super(ctx, new MatchViewModel(ctx), "nav.match", Permission.MATCH);
    }

    @Override
    public void activated() {
        vm.refresh();
    }

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        Label heading = new Label(t.get("match.heading"));
        heading.getStyleClass().add("title-3");
        Label intro = new Label(t.get("match.intro"));
        intro.setWrapText(true);

        Spinner<Double> threshold = new Spinner<>();
        threshold.setId("match-threshold");
        SpinnerValueFactory.DoubleSpinnerValueFactory values = new SpinnerValueFactory.DoubleSpinnerValueFactory(
                0.05, 0.995, vm.thresholdProperty().get(), 0.05);
        values.setConverter(converter(t));
        threshold.setValueFactory(values);
        threshold.setEditable(true);
        threshold.setPrefWidth(110);
        values.valueProperty().bindBidirectional(vm.thresholdProperty());
        Label thresholdLabel = new Label(t.get("match.threshold"));
        thresholdLabel.setMinWidth(Control.USE_PREF_SIZE);
        Button start = new Button(t.get("match.start"));
        start.setId("match-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> {
            threshold.commitValue();
            vm.start();
        });
        start.disableProperty().bind(vm.runningProperty().or(ctx.tasks().runningProperty()));
        Button cancel = new Button(t.get("action.cancel"));
        cancel.setId("match-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        // supervisors: the model versions (who trained which, activate with four eyes, go back)
        Button versions = new Button(t.get("models.open"));
        versions.setId("match-models");
        versions.setMinWidth(Control.USE_PREF_SIZE);
        versions.setOnAction(e -> de.grw.ui.models.ModelVersionsDialog.open(ctx, versions.getScene().getWindow()));
        versions.visibleProperty().bind(ctx.model().may(Permission.ACTIVATE_MODEL));
        versions.managedProperty().bind(versions.visibleProperty());
        HBox controls = new HBox(8, thresholdLabel, threshold, start, cancel, versions);
        controls.setAlignment(Pos.CENTER_LEFT);

        GridPane phases = new GridPane();
        phases.setId("match-phases");
        phases.setHgap(12);
        phases.setVgap(6);
        int row = 0;
        for (PhaseProgress p : vm.phases()) {
            ProgressBar bar = new ProgressBar();
            bar.setId("match-phase-" + p.key());
            bar.setPrefWidth(320);
            bar.progressProperty().bind(p.progressProperty());
            Label detail = new Label();
            detail.getStyleClass().add("text-muted");
            detail.textProperty().bind(p.detailProperty());
            phases.addRow(row++, new Label(p.label()), bar, detail);
        }

        Label message = new Label();
        message.setId("match-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        GridPane summary = new GridPane();
        summary.setId("match-summary-values");
        summary.setHgap(16);
        summary.setVgap(4);
        row = 0;
        Label summaryTitle = new Label(t.get("match.summary"));
        summaryTitle.getStyleClass().add("text-bold");
        summary.add(summaryTitle, 0, row++, 2, 1);
        summary.addRow(row++, new Label(t.get("match.records")), value("match-records", s -> s.records()));
        summary.addRow(row++, new Label(t.get("match.pairs")), value("match-pairs", s -> s.candidatePairs()));
        summary.addRow(row++, new Label(t.get("match.clusters")), value("match-clusters", s -> s.clusters()));
        summary.addRow(row++, new Label(t.get("match.new")), value("match-new", s -> s.newClusters()));
        summary.addRow(row++, new Label(t.get("match.unchanged")), value("match-unchanged", s -> s.unchanged()));
        summary.addRow(row++, new Label(t.get("match.superseded")), value("match-superseded", s -> s.superseded()));
        Label bandTitle = new Label(t.get("match.byBand"));
        bandTitle.getStyleClass().add("text-bold");
        bandTitle.setPadding(new Insets(8, 0, 0, 0));
        summary.add(bandTitle, 0, row++, 2, 1);
        for (Band b : MatchViewModel.bands()) {
            summary.addRow(row++, new Label(t.get("band." + b.name())), value("match-band-" + b.name(),
                    s -> s.band(b)));
        }
        Button toReview = new Button(t.get("match.toReview"));
        toReview.setId("match-to-review");
        toReview.setOnAction(e -> vm.toReview());
        toReview.visibleProperty().bind(ctx.model().may(Permission.DECIDE));
        toReview.managedProperty().bind(toReview.visibleProperty());
        VBox summaryColumn = new VBox(10, summary, toReview);
        summaryColumn.setMinWidth(Control.USE_PREF_SIZE);
        Node chart = ThresholdPane.build(ctx, vm, threshold);
        HBox.setHgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        HBox summaryBox = new HBox(24, summaryColumn, chart);
        summaryBox.setId("match-summary");
        summaryBox.visibleProperty().bind(vm.summaryProperty().isNotNull());
        summaryBox.managedProperty().bind(summaryBox.visibleProperty());

        VBox root = new VBox(14, heading, intro, controls, phases, message, summaryBox);
        root.setPadding(new Insets(4));
        root.setMaxWidth(1400);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setId("match-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        javafx.scene.layout.StackPane.setAlignment(scroll, Pos.TOP_LEFT);
        return scroll;
    }

    /** A summary value, formatted for the user's language. */
    private Label value(String id, Function<MatchViewModel.Summary, Integer> f) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("text-bold");
        NumberFormat format = NumberFormat.getIntegerInstance(ctx.i18n().locale());
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            MatchViewModel.Summary s = vm.summaryProperty().get();
            return s == null ? "" : format.format(f.apply(s));
        }, vm.summaryProperty()));
        return l;
    }

    private static StringConverter<Double> converter(I18n t) {
        NumberFormat format = NumberFormat.getNumberInstance(t.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(3);
        return new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : format.format(value);
            }

            @Override
            public Double fromString(String text) {
                try {
                    double v = format.parse(text.strip()).doubleValue();
                    return v > 0 && v < 1 ? v : null;
                } catch (ParseException | RuntimeException e) {
                    return null;
                }
            }
        };
    }
}
