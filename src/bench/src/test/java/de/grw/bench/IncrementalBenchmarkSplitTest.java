package de.grw.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental benchmark's split: header in both parts, the last share of the rows in the feed, bytes kept. */
class IncrementalBenchmarkSplitTest {
    @TempDir
    Path dir;

    @Test
    void theFeedIsTheLastShareOfTheRowsUnderTheSameHeader() throws Exception {
        Path file = dir.resolve("s.csv");
        byte[] umlaut = "Müller".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, ("id;name\n1;a\n2;b\n3;c\n4;" + new String(umlaut, StandardCharsets.ISO_8859_1) + "\n5;e\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        long[] counts = IncrementalBenchmarkCommand.split(file, dir.resolve("b.csv"), dir.resolve("f.csv"), 0.4);
        assertThat(counts).containsExactly(3, 2);
        assertThat(Files.readString(dir.resolve("b.csv"), StandardCharsets.ISO_8859_1))
                .isEqualTo("id;name\n1;a\n2;b\n3;c\n");
        assertThat(Files.readAllBytes(dir.resolve("f.csv"))).isEqualTo(("id;name\n4;Müller\n5;e\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }
}
