package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.evaluation.PairwiseEvaluation;
import de.grw.review.QueueMode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning curves and the scale curve draw through the one {@link LineChart}: panels, lines and legend. */
class LineChartTest {
    @TempDir
    Path dir;

    @Test
    void theScaleCurveDrawsTwoPanelsWithItsLinesInTheirColours() throws Exception {
        Path png = dir.resolve("scale.png");
        long gb = 1L << 30;
        ScaleCurvePlot.write(png, List.of(new ScaleFigures.Run(1_000_000, 17.3, 31.5, gb, gb / 2, 4 * gb, 5_380_783,
                        0.9942, 1.2),
                new ScaleFigures.Run(2_000_000, 40.1, 80.0, 3 * gb, 2 * gb, 4 * gb, 20_000_000, 0.993, 1.5)));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * 520);
        assertThat(image.getHeight()).isEqualTo(380 + 44);
        // the time lines (blue) in the left panel, the heap lines (red) in the right one
        assertThat(count(image, 0, 520, 0x2471A3)).isGreaterThan(50);
        assertThat(count(image, 520, 1040, 0xC0392B)).isGreaterThan(50);
        assertThat(count(image, 0, 520, 0xC0392B)).as("red under the time panel (each panel's legend under it)")
                .isZero();
    }

    @Test
    void theLearningCurvesDrawOnePanelPerDataSet() throws Exception {
        Path png = dir.resolve("learning.png");
        Map<String, Map<QueueMode, List<LearningCurve.Point>>> curves = new LinkedHashMap<>();
        for (String set : List.of("fake_1000", "FEBRL3")) {
            Map<QueueMode, List<LearningCurve.Point>> modes = new LinkedHashMap<>();
            modes.put(QueueMode.ACTIVE_LEARNING, List.of(point(0, 0.90), point(50, 0.93), point(100, 0.95)));
            curves.put(set, modes);
        }
        LearningCurvePlot.write(png, curves);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * 420);
        assertThat(count(image, 0, 420, 0xC0392B)).isGreaterThan(50);
        assertThat(count(image, 420, 840, 0xC0392B)).isGreaterThan(50);
    }

    private static LearningCurve.Point point(int labels, double f1) {
        PairwiseEvaluation e = new PairwiseEvaluation(Math.round(f1 * 1000), 1000, 1000);
        return new LearningCurve.Point(labels, e, e, null, 0, 0, 0, 0);
    }

    /** Pixels of exactly that colour between the columns given. */
    private static int count(BufferedImage image, int fromX, int toX, int rgb) {
        int n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
