package de.grw.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorMainTest {

    @Test
    void writesTheFilesAndSaysWhatItWrote(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorMain.run(new String[] {"--records", "1_500", "--out", dir.toString(), "--seed=9"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("1,500 records", "melderegister.csv", "sozialamt.csv", "kfz_halter.csv",
                "truth.csv", "Persons:", "Seconds:");
        assertThat(Files.readAllLines(dir.resolve("truth.csv"))).hasSize(1_501);
    }

    @Test
    void rejectsBadArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(GeneratorMain.run(new String[] {"--records", "10"}, out, errStream)).isEqualTo(2);
        assertThat(GeneratorMain.run(new String[] {"--records", "ten", "--out", "x"}, out, errStream)).isEqualTo(2);
        assertThat(GeneratorMain.run(new String[] {"--bogus"}, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required", "not a record count",
                "unknown argument: --bogus", "usage:");
    }

    @Test
    void parsesCounts() {
        assertThat(GeneratorMain.parseCount("1000000")).isEqualTo(1_000_000);
        assertThat(GeneratorMain.parseCount("1_000_000")).isEqualTo(1_000_000);
        assertThat(GeneratorMain.parseCount("1e6")).isEqualTo(1_000_000);
    }
}
