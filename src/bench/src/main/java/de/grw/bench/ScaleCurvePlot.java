package de.grw.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The scale curve as a PNG (Java2D, as {@link LearningCurvePlot}): left, seconds end to end (solid) and CPU seconds
 * of both cores (dashed) against records; right, the peak heap (solid) and the heap in use after a collection
 * (dashed) against records, with the heap's limit as a grey line. The x axis is linear in millions of records.
 */
final class ScaleCurvePlot {
    private static final int PANEL_W = 520;
    private static final int PANEL_H = 380;
    private static final Color TIME = new Color(0x2471A3);
    private static final Color MEMORY = new Color(0xC0392B);

    private ScaleCurvePlot() {
    }

    static void write(Path file, List<ScaleFigures.Run> runs) throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to draw");
        }
        BufferedImage image = new BufferedImage(2 * PANEL_W, PANEL_H + 44, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        double maxRecords = runs.stream().mapToLong(ScaleFigures.Run::records).max().orElse(1);
        panel(g, 0, "Time (seconds)", runs, maxRecords, TIME, r -> r.seconds(), r -> r.cpuSeconds(), -1, "%.0f");
        double limit = runs.stream().mapToLong(ScaleFigures.Run::maxBytes).max().orElse(0) / (1024.0 * 1024 * 1024);
        panel(g, PANEL_W, "Heap (GB)", runs, maxRecords, MEMORY, r -> r.peakBytes() / (1024.0 * 1024 * 1024),
                r -> r.liveBytes() / (1024.0 * 1024 * 1024), limit, "%.1f");
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int ly = PANEL_H + 26;
        legend(g, 30, ly, TIME, false, "end to end (wall)");
        legend(g, 210, ly, TIME, true, "CPU seconds, all threads");
        legend(g, PANEL_W + 30, ly, MEMORY, false, "peak heap");
        legend(g, PANEL_W + 170, ly, MEMORY, true, "in use after a collection");
        legend(g, PANEL_W + 380, ly, Color.GRAY, false, "heap limit");
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        ImageIO.write(image, "png", tmp.toFile());
        Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    private static void panel(Graphics2D g, int x0, String title, List<ScaleFigures.Run> runs, double maxRecords,
                              Color color, ToDoubleFunction<ScaleFigures.Run> solid,
                              ToDoubleFunction<ScaleFigures.Run> dashed, double limit, String format) {
        int left = x0 + 62;
        int right = x0 + PANEL_W - 20;
        int top = 36;
        int bottom = PANEL_H - 44;
        double hi = limit;
        for (ScaleFigures.Run r : runs) {
            hi = Math.max(hi, Math.max(solid.applyAsDouble(r), dashed.applyAsDouble(r)));
        }
        hi = niceCeiling(hi * 1.05);
        // the axis reaches the target of ten million even before it is measured, so the curve shows how far off it is
        double maxX = Math.max(10, Math.ceil(maxRecords / 1e6)) * 1.04;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, left, top - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 5; i++) {
            double v = hi * i / 5;
            int y = yOf(v, hi, top, bottom);
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, format, v), x0 + 16, y + 4);
        }
        java.util.TreeSet<Long> ticks = new java.util.TreeSet<>(List.of(1_000_000L, 2_000_000L, 5_000_000L,
                10_000_000L));
        runs.forEach(r -> ticks.add(r.records()));
        for (long t : ticks) {
            int x = xOf(t, maxX, left, right);
            g.setColor(new Color(0xEEEEEE));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = t % 1_000_000 == 0 ? String.format(Locale.ROOT, "%d M", t / 1_000_000)
                    : String.format(Locale.ROOT, "%.1f M", t / 1e6);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        g.drawString("records (millions)", (left + right) / 2 - 44, bottom + 34);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        if (limit > 0) {
            int y = yOf(limit, hi, top, bottom);
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(left, y, right, y);
            g.drawString(String.format(Locale.ROOT, "-Xmx %.0f GB", limit), left + 6, y - 5);
        }
        for (boolean isDashed : new boolean[] {false, true}) {
            ToDoubleFunction<ScaleFigures.Run> f = isDashed ? dashed : solid;
            g.setColor(color);
            g.setStroke(stroke(isDashed));
            int px = -1;
            int py = -1;
            for (ScaleFigures.Run r : runs) {
                double v = f.applyAsDouble(r);
                int x = xOf(r.records(), maxX, left, right);
                int y = yOf(v, hi, top, bottom);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                if (!isDashed) {
                    String text = String.format(Locale.ROOT, format, v);
                    int w = g.getFontMetrics().stringWidth(text);
                    g.drawString(text, x + 6 + w > right ? x - 6 - w : x + 6, y - 6);
                }
                px = x;
                py = y;
            }
        }
    }

    private static int xOf(long records, double maxMillions, int left, int right) {
        return left + (int) Math.round((right - left) * (records / 1e6) / maxMillions);
    }

    private static int yOf(double v, double hi, int top, int bottom) {
        return (int) Math.round(bottom - (bottom - top) * v / hi);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
