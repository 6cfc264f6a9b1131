package de.grw.bench;

import de.grw.review.QueueMode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The learning curves as a PNG (Java2D, no library): one panel per data set, F1 against labels (the checkpoints
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
        int panels = curves.size();
        BufferedImage image = new BufferedImage(PANEL_W * panels, PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int x0 = 0;
        for (Map.Entry<String, Map<QueueMode, List<LearningCurve.Point>>> e : curves.entrySet()) {
            panel(g, x0, e.getKey(), e.getValue());
            x0 += PANEL_W;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int ly = PANEL_H + 22;
        legend(g, 20, ly, ACTIVE, false, "active learning, model alone");
        legend(g, 250, ly, ACTIVE, true, "active learning, decisions enforced");
        legend(g, 520, ly, UNCERTAIN, false, "most uncertain first, model alone");
        legend(g, 790, ly, UNCERTAIN, true, "most uncertain first, decisions enforced");
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ImageIO.write(image, "png", tmp.toFile());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void legend(Graphics2D g, int x, int y, Color c, boolean dashed, String text) {
        g.setColor(c);
        g.setStroke(stroke(dashed));
        g.drawLine(x, y - 4, x + 28, y - 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 34, y);
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.2f);
    }

    private static void panel(Graphics2D g, int x0, String name, Map<QueueMode, List<LearningCurve.Point>> modes) {
        int left = x0 + 58;
        int right = x0 + PANEL_W - 16;
        int top = 34;
        int bottom = PANEL_H - 40;
        double min = 1;
        double max = 0;
        int count = 0;
        for (List<LearningCurve.Point> points : modes.values()) {
            count = Math.max(count, points.size());
            for (LearningCurve.Point p : points) {
                min = Math.min(min, Math.min(p.model().f1(), p.enforced().f1()));
                max = Math.max(max, Math.max(p.model().f1(), p.enforced().f1()));
            }
        }
        double lo = Math.max(0, Math.floor(min * 50 - 0.5) / 50);
        double hi = Math.min(1, Math.ceil(max * 50 + 0.5) / 50);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(name, left, top - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            int y = (int) Math.round(bottom - (bottom - top) * (v - lo) / (hi - lo));
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(java.util.Locale.ROOT, "%.3f", v), x0 + 14, y + 4);
        }
        List<LearningCurve.Point> any = modes.values().iterator().next();
        for (int i = 0; i < any.size(); i++) {
            int x = xOf(i, count, left, right);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(any.get(i).labels()), x - 8, bottom + 16);
        }
        g.drawString("labels (clerk's decisions)", left + 90, bottom + 32);
        g.drawString("F1", x0 + 14, top - 12);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        for (Map.Entry<QueueMode, List<LearningCurve.Point>> e : modes.entrySet()) {
            Color c = e.getKey() == QueueMode.ACTIVE_LEARNING ? ACTIVE : UNCERTAIN;
            for (boolean dashed : new boolean[] {false, true}) {
                g.setColor(c);
                g.setStroke(stroke(dashed));
                List<LearningCurve.Point> points = e.getValue();
                for (int i = 0; i < points.size(); i++) {
                    double v = dashed ? points.get(i).enforced().f1() : points.get(i).model().f1();
                    int x = xOf(i, count, left, right);
                    int y = (int) Math.round(bottom - (bottom - top) * (v - lo) / (hi - lo));
                    g.fillOval(x - 3, y - 3, 6, 6);
                    if (i > 0) {
                        double pv = dashed ? points.get(i - 1).enforced().f1() : points.get(i - 1).model().f1();
                        int px = xOf(i - 1, count, left, right);
                        int py = (int) Math.round(bottom - (bottom - top) * (pv - lo) / (hi - lo));
                        g.drawLine(px, py, x, y);
                    }
                }
            }
        }
    }

    private static int xOf(int i, int count, int left, int right) {
        return count <= 1 ? left : left + 12 + (right - left - 24) * i / (count - 1);
    }
}
