package de.grw.ui.review;

import de.grw.review.ExplanationText;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * A {@link Waterfall} drawn as Splink draws it, on its side so that it fits the review's narrow right-hand column: one
 * row per bar, the words on the left, the bar on a shared scale of bits in the middle (the prior from 0, each
 * comparison from where the one before ended, green up, red down, the final match weight from 0 again), the figure
 * on the right. Each bar's node carries its weight in bits as user data (style classes {@code waterfall-prior},
 * {@code waterfall-step}, {@code waterfall-total}), so a test reads what is drawn.
 */
public final class WaterfallChart extends Region {
    private static final double ROW_GAP = 3;
    private static final double VALUE_WIDTH = 40;
    private static final double GAP = 6;
    private static final double MIN_ROW = 18;

    private Waterfall waterfall;
    /** Rows filled by the current {@link #show}; the rows of a longer waterfall before are kept up to it. */
    private int used;
    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<Rectangle> bars = new ArrayList<>();
    private final List<Double> starts = new ArrayList<>();
    private final List<Double> ends = new ArrayList<>();
    private final Line zero = new Line();

    public WaterfallChart(Waterfall waterfall, I18n t) {
        setId("waterfall");
        getStyleClass().add("waterfall");
        zero.getStyleClass().add("waterfall-zero");
        getChildren().add(zero);
        show(waterfall, t);
    }

    /**
     * Draws another waterfall in this chart, reusing its rows' labels and bars (new labels for every cluster were
     * a good part of the FX thread's time per key in the review, issue 13); surplus rows are removed.
     */
    public void show(Waterfall waterfall, I18n t) {
        this.waterfall = waterfall;
        used = 0;
        starts.clear();
        ends.clear();
        Locale locale = t.locale();
        String prior = waterfall.household()
                ? t.get("explain.priorVersus", ExplanationText.versus(waterfall.versus(), locale))
                : t.get("explain.prior");
        row(prior, 0, waterfall.prior(), "waterfall-prior", waterfall.prior(), t);
        for (Waterfall.Step s : waterfall.steps()) {
            String words = ExplanationText.describe(s.comparison(), s.level(), s.versus(), locale);
            if (s.contradiction()) {
                row(words + " \u2013 " + ExplanationText.refused(locale), s.start(), s.end(), "waterfall-contradiction",
                        0.0, t);
            } else {
                row(words, s.start(), s.end(), "waterfall-step", s.weight(), t);
            }
        }
        row(t.get("explain.total"), 0, waterfall.weight(), "waterfall-total", waterfall.weight(), t);
        for (int i = names.size() - 1; i >= used; i--) {
            getChildren().removeAll(names.remove(i), bars.remove(i), values.remove(i));
        }
        requestLayout();
    }

    private void row(String text, double start, double end, String style, double weight, I18n t) {
        int i = used++;
        if (i == names.size()) {
            Label name = new Label();
            name.getStyleClass().addAll("text-small", "waterfall-name");
            name.setWrapText(true);
            Label value = new Label();
            value.getStyleClass().addAll("text-small", "waterfall-value");
            value.setMinWidth(VALUE_WIDTH);
            names.add(name);
            values.add(value);
            bars.add(new Rectangle());
            getChildren().addAll(name, bars.get(i), value);
        }
        Label name = names.get(i);
        name.setText(text);
        String figure = ExplanationText.weight(weight, t.locale());
        // the line as the clerk reads it ("Vornamen: gleich +5,4"), also for a screen reader
        name.setAccessibleText(text + " " + figure);
        values.get(i).setText(style.equals("waterfall-contradiction") ? "\u2013" : figure);
        Rectangle bar = bars.get(i);
        List<String> styles = style.equals("waterfall-step")
                ? List.of("waterfall-bar", style, weight >= 0 ? "waterfall-up" : "waterfall-down")
                : List.of("waterfall-bar", style);
        if (!bar.getStyleClass().equals(styles)) {
            // a changed style class makes JavaFX match the node's styles again: only where it differs
            bar.getStyleClass().setAll(styles);
        }
        bar.setUserData(weight);
        String tip = text + ": " + t.get("explain.bits", figure);
        de.grw.ui.common.LazyTooltip.set(name, tip);
        de.grw.ui.common.LazyTooltip.set(bar, tip);
        starts.add(start);
        ends.add(end);
    }

    /** The waterfall drawn. */
    public Waterfall waterfall() {
        return waterfall;
    }

    private double nameWidth(double width) {
        return Math.max(80, Math.min(200, (width - VALUE_WIDTH - 2 * GAP) * 0.6));
    }

    private double rowHeight(int i, double nameWidth) {
        return Math.max(MIN_ROW, names.get(i).prefHeight(nameWidth));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 256 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        double nw = nameWidth(w);
        double h = snappedTopInset() + snappedBottomInset();
        for (int i = 0; i < names.size(); i++) {
            h += rowHeight(i, nw) + ROW_GAP;
        }
        return h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double nw = nameWidth(w);
        double trackX = left + nw + GAP;
        double trackW = Math.max(20, w - nw - VALUE_WIDTH - 2 * GAP);
        double[] range = waterfall.range();
        double span = Math.max(1e-9, range[1] - range[0]);
        java.util.function.DoubleUnaryOperator x = v -> trackX + (v - range[0]) / span * trackW;
        double y = top;
        for (int i = 0; i < names.size(); i++) {
            double h = rowHeight(i, nw);
            names.get(i).resizeRelocate(left, y, nw, h);
            double a = x.applyAsDouble(Math.min(starts.get(i), ends.get(i)));
            double b = x.applyAsDouble(Math.max(starts.get(i), ends.get(i)));
            Rectangle bar = bars.get(i);
            double barH = Math.min(12, h - 4);
            bar.setX(a);
            bar.setY(y + (h - barH) / 2);
            bar.setWidth(Math.max(2, b - a));
            bar.setHeight(barH);
            values.get(i).resizeRelocate(trackX + trackW + GAP, y, VALUE_WIDTH, h);
            y += h + ROW_GAP;
        }
        double z = x.applyAsDouble(0);
        zero.setStartX(z);
        zero.setEndX(z);
        zero.setStartY(top);
        zero.setEndY(Math.max(top, y - ROW_GAP));
    }
}
