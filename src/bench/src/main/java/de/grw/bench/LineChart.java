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
import javax.imageio.ImageIO;

/**
 * Line charts as PNG (Java2D, no library): panels side by side, each with its title, a y axis with grid lines, x
 * ticks with labels, an optional limit line and its lines (solid or dashed, a dot per point), and one legend row
 * beneath. The learning curves ({@link LearningCurvePlot}), the scale curve ({@link ScaleCurvePlot}) and the Spark
 * scaling series' picture draw through it, so the axes and legends are drawn once.
 */
public final class LineChart {
    /** A line: its legend text, colour, dashed or solid, and its points (x ascending). */
    public record Line(String label, Color color, boolean dashed, double[] x, double[] y) {
    }

    /** An x tick: where, and its label. */
    public record Tick(double x, String label) {
    }

    /**
     * A panel: title, x axis (ticks, label, the range shown), y axis ({@code yLo}..{@code yHi} in {@code yDivisions}
     * steps, labels in {@code yFormat}), an optional limit line ({@code limit} > 0, with its label), the lines, and
     * whether each solid line's points carry their values.
     */
    public record Panel(String title, List<Tick> xTicks, String xLabel, double xMin, double xMax, double yLo,
                        double yHi, int yDivisions, String yFormat, double limit, String limitLabel, List<Line> lines,
                        boolean valueLabels) {
    }

    private LineChart() {
    }

    /**
     * Draws the panels side by side ({@code panelWidth} × {@code panelHeight} each), the legend beneath across the
     * whole width (in as many rows as it needs), to a PNG.
     */
    public static void write(Path file, int panelWidth, int panelHeight, List<Panel> panels, List<Line> legend)
            throws IOException {
        write(file, panelWidth, panelHeight, panels, List.of(legend), panelWidth * Math.max(1, panels.size()));
    }

    /**
     * As {@link #write(Path, int, int, List, List)}, each panel's legend beneath its own panel
     * ({@code legends.get(i)} under panel i).
     */
    public static void writeLegendsUnderPanels(Path file, int panelWidth, int panelHeight, List<Panel> panels,
                                               List<List<Line>> legends) throws IOException {
        write(file, panelWidth, panelHeight, panels, legends, panelWidth);
    }

    /** @param legends legend groups, group i starting under x = i × {@code groupWidth} and wrapping within it */
    private static void write(Path file, int panelWidth, int panelHeight, List<Panel> panels, List<List<Line>> legends,
                              int groupWidth) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to draw");
        }
        int width = panelWidth * panels.size();
        Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        java.awt.FontMetrics metrics = scratch.getFontMetrics(legendFont);
        scratch.dispose();
        List<Line> legend = new java.util.ArrayList<>();
        List<int[]> placeOf = new java.util.ArrayList<>();
        int rows = 1;
        for (int group = 0; group < legends.size(); group++) {
            int from = group * groupWidth + 24;
            int to = Math.min(width, (group + 1) * groupWidth);
            int x = from;
            int row = 0;
            for (Line l : legends.get(group)) {
                int w = 34 + metrics.stringWidth(l.label()) + 26;
                if (x + w > to && x > from) {
                    row++;
                    x = from;
                }
                legend.add(l);
                placeOf.add(new int[] {x, row});
                x += w;
            }
            rows = Math.max(rows, row + 1);
        }
        int[] rowOf = placeOf.stream().mapToInt(p -> p[1]).toArray();
        int[] xOf = placeOf.stream().mapToInt(p -> p[0]).toArray();
        BufferedImage image = new BufferedImage(width, panelHeight + 44 + 22 * (rows - 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            panel(g, i * panelWidth, panelWidth, panelHeight, panels.get(i));
        }
        g.setFont(legendFont);
        for (int i = 0; i < legend.size(); i++) {
            Line l = legend.get(i);
            int y = panelHeight + 26 + 22 * rowOf[i];
            g.setColor(l.color());
            g.setStroke(stroke(l.dashed()));
            g.drawLine(xOf[i], y - 4, xOf[i] + 28, y - 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(l.label(), xOf[i] + 34, y);
        }
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        ImageIO.write(image, "png", tmp.toFile());
        Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.2f);
    }

    private static void panel(Graphics2D g, int x0, int width, int height, Panel p) {
        int left = x0 + 62;
        int right = x0 + width - 20;
        int top = 36;
        int bottom = height - 44;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(p.title(), left, top - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= p.yDivisions(); i++) {
            double v = p.yLo() + (p.yHi() - p.yLo()) * i / p.yDivisions();
            int y = yOf(v, p, top, bottom);
            g.setColor(new Color(0xE5E5E5));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, p.yFormat(), v), x0 + 14, y + 4);
        }
        for (Tick t : p.xTicks()) {
            int x = xOf(t.x(), p, left, right);
            g.setColor(new Color(0xEEEEEE));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(t.label(), x - g.getFontMetrics().stringWidth(t.label()) / 2, bottom + 16);
        }
        g.drawString(p.xLabel(), (left + right) / 2 - g.getFontMetrics().stringWidth(p.xLabel()) / 2, bottom + 34);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        if (p.limit() > 0) {
            int y = yOf(p.limit(), p, top, bottom);
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(left, y, right, y);
            g.drawString(p.limitLabel(), left + 6, y - 5);
        }
        for (Line l : p.lines()) {
            g.setColor(l.color());
            g.setStroke(stroke(l.dashed()));
            int px = -1;
            int py = -1;
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isNaN(l.y()[i])) {
                    px = -1;
                    continue;
                }
                int x = xOf(l.x()[i], p, left, right);
                int y = yOf(l.y()[i], p, top, bottom);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                if (p.valueLabels() && !l.dashed()) {
                    String text = String.format(Locale.ROOT, p.yFormat(), l.y()[i]);
                    int w = g.getFontMetrics().stringWidth(text);
                    g.drawString(text, x + 6 + w > right ? x - 6 - w : x + 6, y - 6);
                }
                px = x;
                py = y;
            }
        }
    }

    /** The x range is drawn 12 pixels in from each side, so points at its ends stay clear of the frame. */
    private static int xOf(double x, Panel p, int left, int right) {
        double span = p.xMax() - p.xMin();
        return span <= 0 ? left + 12 : left + 12 + (int) Math.round((right - left - 24) * (x - p.xMin()) / span);
    }

    private static int yOf(double v, Panel p, int top, int bottom) {
        return (int) Math.round(bottom - (bottom - top) * (v - p.yLo()) / (p.yHi() - p.yLo()));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    public static double niceCeiling(double v) {
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
