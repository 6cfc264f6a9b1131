package de.grw.bench;

import de.grw.review.QueueMode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learning curves as a PNG ({@link LineChart}): one panel per data set, F1 against labels (the checkpoints
 * evenly spaced), both queue modes; solid: the model alone, dashed: with the clerks' decisions enforced.
 */
final class LearningCurvePlot {
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 340;
    private static final Color ACTIVE = new Color(0xC0392B);
    private static final Color UNCERTAIN = new Color(0x2471A3);

    private LearningCurvePlot() {
    }

    /** @param curves per data set name, per mode, the points */
    static void write(Path file, Map<String, Map<QueueMode, List<LearningCurve.Point>>> curves) throws IOException {
        List<LineChart.Panel> panels = new ArrayList<>();
        curves.forEach((name, modes) -> panels.add(panel(name, modes)));
        double[] none = new double[0];
        LineChart.write(file, PANEL_W, PANEL_H, panels, List.of(
                new LineChart.Line("active learning, model alone", ACTIVE, false, none, none),
                new LineChart.Line("active learning, decisions enforced", ACTIVE, true, none, none),
                new LineChart.Line("most uncertain first, model alone", UNCERTAIN, false, none, none),
                new LineChart.Line("most uncertain first, decisions enforced", UNCERTAIN, true, none, none)));
    }

    private static LineChart.Panel panel(String name, Map<QueueMode, List<LearningCurve.Point>> modes) {
        double min = 1;
        double max = 0;
        int count = 0;
        List<LineChart.Line> lines = new ArrayList<>();
        for (Map.Entry<QueueMode, List<LearningCurve.Point>> e : modes.entrySet()) {
            List<LearningCurve.Point> points = e.getValue();
            count = Math.max(count, points.size());
            double[] x = new double[points.size()];
            double[] model = new double[points.size()];
            double[] enforced = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                x[i] = i;
                model[i] = points.get(i).model().f1();
                enforced[i] = points.get(i).enforced().f1();
                min = Math.min(min, Math.min(model[i], enforced[i]));
                max = Math.max(max, Math.max(model[i], enforced[i]));
            }
            Color c = e.getKey() == QueueMode.ACTIVE_LEARNING ? ACTIVE : UNCERTAIN;
            lines.add(new LineChart.Line(e.getKey() + ", model alone", c, false, x, model));
            lines.add(new LineChart.Line(e.getKey() + ", decisions enforced", c, true, x, enforced));
        }
        double lo = Math.max(0, Math.floor(min * 50 - 0.5) / 50);
        double hi = Math.min(1, Math.ceil(max * 50 + 0.5) / 50);
        List<LineChart.Tick> ticks = new ArrayList<>();
        List<LearningCurve.Point> any = modes.values().iterator().next();
        for (int i = 0; i < any.size(); i++) {
            ticks.add(new LineChart.Tick(i, String.valueOf(any.get(i).labels())));
        }
        return new LineChart.Panel(name + "  (F1)", ticks, "labels (clerk's decisions)", 0, Math.max(1, count - 1), lo,
                hi, 4, "%.3f", 0, "", lines, false);
    }
}
