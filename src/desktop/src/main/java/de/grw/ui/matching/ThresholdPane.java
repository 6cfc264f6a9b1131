package de.grw.ui.matching;

import de.grw.api.ThresholdFigures;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The match screen's picture of a finished run: the histogram of the pairs by match weight with the run's threshold,
 * a slider to try another (it moves the screen's threshold), what that would change, and a new run with it. There is
 * no separate "accept" step: a run's clusters are in the queue at once, and decisions taken are kept by a new run, so
 * the clerk looks here first and matches again with the threshold chosen.
 */
final class ThresholdPane {
    private ThresholdPane() {
    }

    static Node build(AppContext ctx, MatchViewModel vm, Spinner<Double> spinner) {
        I18n t = ctx.i18n();
        ThresholdWhatIf w = vm.whatIf();
        Label title = new Label(t.get("match.chart"));
        title.getStyleClass().add("text-bold");
        title.setWrapText(true);

        ThresholdChart chart = new ThresholdChart(t.locale(), t.get("match.chartWeight"), t.get("match.chartCount"));
        chart.setId("match-chart");
        chart.figuresProperty().bind(w.figuresProperty());
        chart.triedProperty().bind(Bindings.createDoubleBinding(() -> {
            Double p = w.triedProperty().get();
            return p == null ? Double.NaN : p;
        }, w.triedProperty()));
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label tryLabel = new Label(t.get("match.tryThreshold"));
        tryLabel.setMinWidth(Label.USE_PREF_SIZE);
        Slider slider = new Slider(0.05, 0.99, 0.5);
        slider.setId("match-threshold-slider");
        slider.setBlockIncrement(0.01);
        slider.setMajorTickUnit(0.05);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        Double now = w.triedProperty().get();
        slider.setValue(now == null ? 0.5 : now);
        w.triedProperty().addListener((o, a, b) -> {
            if (b != null && Math.abs(slider.getValue() - b) > 1e-9) {
                slider.setValue(b);
            }
        });
        slider.valueProperty().addListener((o, a, b) -> {
            double snapped = Math.round(b.doubleValue() * 100) / 100.0;
            Double current = w.triedProperty().get();
            if (slider.isValueChanging() || slider.isFocused()) {
                if (current == null || Math.abs(current - snapped) > 1e-9) {
                    w.triedProperty().set(snapped);
                }
            }
        });
        HBox tryRow = new HBox(8, tryLabel, slider);
        tryRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label whatIf = new Label();
        whatIf.setId("match-what-if");
        whatIf.getStyleClass().add("text-bold");
        whatIf.setWrapText(true);
        whatIf.textProperty().bind(w.whatIfText());
        Label run = new Label();
        run.setId("match-what-if-run");
        run.setWrapText(true);
        run.textProperty().bind(w.runText());
        Label note = new Label();
        note.setId("match-what-if-note");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            ThresholdFigures f = w.figuresProperty().get();
            return f == null ? t.get("match.noFigures") : "incremental".equals(f.kind())
                    ? t.get("match.whatIfNote") + " " + t.get("match.whatIfIncremental") : t.get("match.whatIfNote");
        }, w.figuresProperty()));

        Button rerun = new Button();
        rerun.setId("match-rerun");
        rerun.textProperty().bind(Bindings.createStringBinding(() -> {
            Double p = w.triedProperty().get();
            return t.get("match.rerun", p == null ? "" : w.probability(p));
        }, w.triedProperty()));
        rerun.visibleProperty().bind(w.differsFromRun());
        rerun.managedProperty().bind(rerun.visibleProperty());
        rerun.disableProperty().bind(vm.runningProperty().or(ctx.tasks().runningProperty()));
        rerun.setOnAction(e -> {
            spinner.commitValue();
            vm.start();
        });

        VBox box = new VBox(8, title, whatIf, chart, tryRow, run, rerun, note);
        box.setId("match-threshold-pane");
        box.setMinWidth(340);
        box.setPrefWidth(620);
        return box;
    }
}
