package de.grw.ui.matching;

import de.grw.api.ThresholdFigures;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The histogram of a run's pairs by match weight (bits), counts on a logarithmic scale, with the run's threshold as a
 * solid line and the threshold being tried as a dashed one; bars at or above the tried threshold are drawn in the
 * accent colour. Built of shapes (not a canvas) so that it scales with the window and tests can read it.
 */
public final class ThresholdChart extends Region {
    private static final double RIGHT = 12;
    private static final double TOP = 22;
    private static final double BOTTOM = 40;

    private final ObjectProperty<ThresholdFigures> figures = new SimpleObjectProperty<>();
    private final DoubleProperty tried = new SimpleDoubleProperty(Double.NaN);
    private final Locale locale;
    private final String weightLabel;
    private final String countLabel;
    private final List<Rectangle> bars = new ArrayList<>();
    /** The left margin: room for the widest count label. */
    private double left = 48;

    /**
     * @param weightLabel the horizontal axis' title
     * @param countLabel  the vertical axis' title
     */
    public ThresholdChart(Locale locale, String weightLabel, String countLabel) {
        this.locale = locale;
        this.weightLabel = weightLabel;
        this.countLabel = countLabel;
        getStyleClass().add("threshold-chart");
        setMinSize(320, 200);
        setPrefSize(560, 230);
        figures.addListener((o, a, b) -> requestLayout());
        tried.addListener((o, a, b) -> requestLayout());
    }

    public ObjectProperty<ThresholdFigures> figuresProperty() {
        return figures;
    }

    /** The threshold (a probability) being tried; its line is dashed. */
    public DoubleProperty triedProperty() {
        return tried;
    }

    /** The bars, weights ascending (for tests). */
    public List<Rectangle> bars() {
        return List.copyOf(bars);
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        bars.clear();
        ThresholdFigures f = figures.get();
        double w = getWidth();
        double h = getHeight();
        if (f != null && !f.bins().isEmpty()) {
            long most = 1;
            for (ThresholdFigures.Bin b : f.bins()) {
                most = Math.max(most, b.pairs());
            }
            String widest = NumberFormat.getIntegerInstance(locale).format(Math.pow(10,
                    Math.ceil(Math.log10(most + 1.0))));
            left = Math.max(40, text(widest, "chart-tick").getLayoutBounds().getWidth() + 14);
        }
        double plotW = w - left - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (f == null || f.bins().isEmpty() || plotW < 20 || plotH < 20) {
            return;
        }
        double lo = f.bins().get(0).from();
        double hi = f.bins().get(f.bins().size() - 1).to();
        long max = 1;
        for (ThresholdFigures.Bin b : f.bins()) {
            max = Math.max(max, b.pairs());
        }
        double top = Math.ceil(Math.log10(max + 1.0));
        NumberFormat integers = NumberFormat.getIntegerInstance(locale);

        Line xAxis = line(left, TOP + plotH, left + plotW, TOP + plotH, "chart-axis");
        Line yAxis = line(left, TOP, left, TOP + plotH, "chart-axis");
        getChildren().addAll(xAxis, yAxis);
        for (int e = 0; e <= top; e++) {
            double y = TOP + plotH - plotH * e / top;
            getChildren().add(line(left, y, left + plotW, y, "chart-grid"));
            Text t = text(integers.format(Math.pow(10, e)), "chart-tick");
            t.setTextAlignment(TextAlignment.RIGHT);
            t.setX(left - 6 - t.getLayoutBounds().getWidth());
            t.setY(y);
            getChildren().add(t);
        }
        double triedWeight = Double.isNaN(tried.get()) ? Double.NaN : ThresholdFigures.weightOf(tried.get());
        for (ThresholdFigures.Bin b : f.bins()) {
            double x0 = x(b.from(), lo, hi, plotW);
            double x1 = x(b.to(), lo, hi, plotW);
            double bh = b.pairs() == 0 ? 0 : plotH * Math.log10(b.pairs() + 1.0) / top;
            Rectangle r = new Rectangle(x0 + 1, TOP + plotH - bh, Math.max(1, x1 - x0 - 2), bh);
            boolean above = !Double.isNaN(triedWeight) && (b.from() + b.to()) / 2 >= triedWeight;
            r.getStyleClass().addAll("chart-bar", above ? "chart-bar-above" : "chart-bar-below");
            bars.add(r);
            getChildren().add(r);
        }
        // weight ticks every 10 bits (5 when the range is narrow), with 0 (probability 1/2) among them
        double step = hi - lo > 40 ? 10 : 5;
        for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) {
            double x = x(t, lo, hi, plotW);
            getChildren().add(line(x, TOP + plotH, x, TOP + plotH + 4, "chart-axis"));
            Text label = text(integers.format(t), "chart-tick");
            label.setX(x - label.getLayoutBounds().getWidth() / 2);
            label.setY(TOP + plotH + 12);
            getChildren().add(label);
        }
        Text xTitle = text(weightLabel, "chart-title");
        xTitle.setX(left + plotW / 2 - xTitle.getLayoutBounds().getWidth() / 2);
        xTitle.setY(TOP + plotH + 28);
        Text yTitle = text(countLabel, "chart-title");
        yTitle.setX(Math.max(0, left - 40));
        yTitle.setY(TOP - 14);
        getChildren().addAll(xTitle, yTitle);

        // each line's label on its outer side, so two near lines' labels do not cover each other
        boolean triedShown = !Double.isNaN(tried.get()) && Math.abs(tried.get() - f.threshold()) > 1e-9;
        boolean triedLeft = triedShown && tried.get() < f.threshold();
        thresholdLine(f.threshold(), lo, hi, plotW, plotH, "chart-threshold", triedLeft);
        if (triedShown) {
            thresholdLine(tried.get(), lo, hi, plotW, plotH, "chart-tried", !triedLeft);
        }
    }

    private void thresholdLine(double p, double lo, double hi, double plotW, double plotH, String style,
                               boolean right) {
        if (!(p > 0 && p < 1)) {
            return;
        }
        double wt = Math.max(lo, Math.min(hi, ThresholdFigures.weightOf(p)));
        double x = x(wt, lo, hi, plotW);
        Line l = line(x, TOP - 4, x, TOP + plotH, style);
        l.setId(style);
        NumberFormat probability = NumberFormat.getNumberInstance(locale);
        probability.setMinimumFractionDigits(2);
        probability.setMaximumFractionDigits(3);
        Text label = text(probability.format(p), style + "-label");
        double lw = label.getLayoutBounds().getWidth();
        label.setX(right || x - lw - 4 < left ? x + 4 : x - lw - 4);
        label.setY(TOP - 2);
        getChildren().addAll(l, label);
    }

    private double x(double weight, double lo, double hi, double plotW) {
        return left + plotW * (weight - lo) / (hi - lo);
    }

    private static Line line(double x0, double y0, double x1, double y1, String style) {
        Line l = new Line(x0, y0, x1, y1);
        l.getStyleClass().add(style);
        return l;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        t.setTextOrigin(VPos.CENTER);
        return t;
    }
}
