package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.cli.CliEnvironment;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmark --figures} appends its run to a CSV file, {@code scale-curve} runs the sizes in JVMs of their own,
 * prints the table and draws the picture.
 */
class ScaleCurveTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of()));
        assertThat(code).as(err + "\n" + out).isZero();
        return out.toString();
    }

    @Test
    void theBenchmarkAppendsItsFiguresAndReusesItsFiles(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("figures.csv");
        Path data = dir.resolve("data");
        String first = run("benchmark", "--records", "2000", "--dir", data.toString(), "--reuse", "--figures",
                csv.toString());
        assertThat(first).contains("generated 2,000 records", "figures appended to");
        long written = Files.getLastModifiedTime(data.resolve("melderegister.csv")).toMillis();
        String second = run("benchmark", "--records", "2000", "--dir", data.toString(), "--reuse", "--figures",
                csv.toString());
        assertThat(second).contains("reusing the generated files").doesNotContain("generated 2,000 records");
        assertThat(Files.getLastModifiedTime(data.resolve("melderegister.csv")).toMillis()).isEqualTo(written);
        // another size in the same folder is generated anew
        String other = run("benchmark", "--records", "2500", "--dir", data.toString(), "--reuse", "--figures",
                csv.toString());
        assertThat(other).contains("generated 2,500 records");

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(ScaleFigures.HEADER);
        List<ScaleFigures.Run> runs = ScaleFigures.read(csv);
        assertThat(runs).extracting(ScaleFigures.Run::records).containsExactly(2000L, 2500L);
        ScaleFigures.Run r = runs.get(0);
        assertThat(r.seconds()).isPositive();
        assertThat(r.peakBytes()).isPositive();
        assertThat(r.liveBytes()).as("no collection may fall into so small a run").isNotNegative();
        assertThat(r.maxBytes()).isEqualTo(Runtime.getRuntime().maxMemory() >> 20 << 20);
        assertThat(r.pairs()).isPositive();
        assertThat(r.f1()).isBetween(0.9, 1.0);
    }

    @Test
    void scaleCurvePrintsTheTableAndDrawsBothPanels(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("figures.csv");
        ScaleFigures.append(csv, new ScaleFigures.Run(1_000_000, 30.5, 60.2, 1800L << 20, 1000L << 20, 16L << 30,
                5_380_783, 0.9942, 1.2));
        ScaleFigures.append(csv, new ScaleFigures.Run(2_000_000, 70.1, 140.0, 3300L << 20, 1400L << 20, 16L << 30,
                20_007_045, 0.9937, 1.5));
        Path png = dir.resolve("docs/curve.png");
        String out = run("scale-curve", "--figures", csv.toString(), "--png", png.toString());
        assertThat(out).contains("| records | end to end s |", "| 1,000,000 | 30.5 | 60.2 | 5,380,783 | 1,800 | 1,887 |",
                "| 2,000,000 | 70.1 | 140.0 | 20,007,045 | 3,300 |", "| 16 GB | 0.9937 |", "picture written to");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1040);
        // both panels carry their curve's colour: time blue on the left, memory red on the right
        assertThat(countColour(image, 0, image.getWidth() / 2, 0x2471A3)).isGreaterThan(50);
        assertThat(countColour(image, image.getWidth() / 2, image.getWidth(), 0xC0392B)).isGreaterThan(50);
        assertThat(countColour(image, 0, image.getWidth() / 2, 0xC0392B)).isZero();
    }

    @Test
    void aMalformedLineIsNamedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("figures.csv");
        Files.writeString(csv, ScaleFigures.HEADER + "\n1000,1.0,2.0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchMain.run(new String[] {"scale-curve", "--figures", csv.toString(), "--png",
            dir.resolve("x.png").toString()}, new PrintWriter(out, true), new PrintWriter(err, true),
                CliEnvironment.of(Map.of()));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains(csv + ", line 2: expected 9 columns, got 3");
    }

    private static int countColour(BufferedImage image, int from, int to, int rgb) {
        int count = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return count;
    }
}
