package de.grw.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The scale curve as a PNG ({@link LineChart}): left, seconds end to end (solid) and CPU seconds of both cores
 * (dashed) against records; right, the peak heap (solid) and the heap in use after a collection (dashed) against
 * records, with the heap's limit as a grey line. The x axis is linear in millions of records.
 */
public final class ScaleCurvePlot {
    private static final int PANEL_W = 520;
    private static final int PANEL_H = 380;
    private static final Color TIME = new Color(0x2471A3);
    private static final Color MEMORY = new Color(0xC0392B);
    private static final double GB = 1024.0 * 1024 * 1024;

    private ScaleCurvePlot() {
    }

    static void write(Path file, List<ScaleFigures.Run> runs) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to draw");
        }
        double[] x = runs.stream().mapToDouble(r -> r.records() / 1e6).toArray();
        double limit = runs.stream().mapToLong(ScaleFigures.Run::maxBytes).max().orElse(0) / GB;
        LineChart.Line wall = line("end to end (wall)", TIME, false, x, runs, ScaleFigures.Run::seconds);
        LineChart.Line cpu = line("CPU seconds, all threads", TIME, true, x, runs, ScaleFigures.Run::cpuSeconds);
        LineChart.Line peak = line("peak heap", MEMORY, false, x, runs, r -> r.peakBytes() / GB);
        LineChart.Line live = line("in use after a collection", MEMORY, true, x, runs, r -> r.liveBytes() / GB);
        LineChart.writeLegendsUnderPanels(file, PANEL_W, PANEL_H, List.of(
                millions("Time (seconds)", x, 10, List.of(wall, cpu), 0, "", "%.0f"),
                millions("Heap (GB)", x, 10, List.of(peak, live), limit,
                        String.format(Locale.ROOT, "-Xmx %.0f GB", limit), "%.1f")),
                List.of(List.of(wall, cpu), List.of(peak, live, new LineChart.Line("heap limit", Color.GRAY, false,
                        new double[0], new double[0]))));
    }

    private static LineChart.Line line(String label, Color color, boolean dashed, double[] x,
                                       List<ScaleFigures.Run> runs, ToDoubleFunction<ScaleFigures.Run> value) {
        return new LineChart.Line(label, color, dashed, x, runs.stream().mapToDouble(value).toArray());
    }

    /**
     * A panel over millions of records: ticks at 1, 2, 5 and 10 million up to the axis' end and at each measured
     * size; the axis reaches at least {@code axisMillions} (the scale curve: ten million even before it is measured,
     * so the curve shows how far off the target is).
     */
    public static LineChart.Panel millions(String title, double[] x, double axisMillions,
                                           List<LineChart.Line> lines, double limit, String limitLabel,
                                           String format) {
        double hi = limit;
        for (LineChart.Line l : lines) {
            for (double v : l.y()) {
                hi = Double.isNaN(v) ? hi : Math.max(hi, v);
            }
        }
        double maxX = 0;
        TreeSet<Double> ticks = new TreeSet<>(List.of(1.0, 2.0, 5.0, 10.0));
        for (double v : x) {
            ticks.add(v);
            maxX = Math.max(maxX, v);
        }
        double end = Math.max(axisMillions, maxX);
        List<LineChart.Tick> xTicks = new ArrayList<>();
        for (double t : ticks.headSet(end, true)) {
            xTicks.add(new LineChart.Tick(t, t == Math.rint(t) ? String.format(Locale.ROOT, "%.0f M", t)
                    : String.format(Locale.ROOT, "%s M", trim(t))));
        }
        return new LineChart.Panel(title, xTicks, "records (millions)", 0, end * 1.04, 0,
                LineChart.niceCeiling(hi * 1.05), 5, format, limit, limitLabel, lines, true);
    }

    private static String trim(double millions) {
        return java.math.BigDecimal.valueOf(millions).stripTrailingZeros().toPlainString();
    }
}
