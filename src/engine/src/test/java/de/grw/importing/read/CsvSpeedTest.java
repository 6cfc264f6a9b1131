package de.grw.importing.read;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures CSV reading speed and prints it; asserts only correctness (timings vary by machine). The row count can be
 * changed with {@code -Dgrw.speed.rows=...}.
 */
@Tag("slow")
class CsvSpeedTest {
    @TempDir
    Path dir;

    @Test
    void readsAMillionRowsOfTwelveShortFields() throws IOException {
        int rows = Integer.getInteger("grw.speed.rows", 1_000_000);
        Path file = dir.resolve("speed.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("rec_id;given_name;surname;birth_date;street;house_no;zip;city;phone;email;gender;source\n");
            for (int i = 0; i < rows; i++) {
                w.write(i + ";Jürgen;Müller-" + (i % 977) + ";1980-05-" + (10 + i % 18) + ";Hauptstraße;" + (i % 200)
                        + ";0" + (1000 + i % 9000) + ";Köln;0221 " + i + ";j" + i + "@example.de;m;\"A;B\"\n");
            }
        }
        long[] count = new long[2];
        RowSink sink = new RowSink() {
            @Override
            public void header(java.util.List<String> columns) {
            }

            @Override
            public void row(long rowNumber, long line, String[] cells) {
                count[0]++;
            }

            @Override
            public void rejected(long rowNumber, long line, de.grw.common.Text reason, String rawText) {
                count[1]++;
            }
        };

        long start = System.nanoTime();
        new TabularReader().sniff(file);
        double sniff = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        new TabularReader().read(file, null, sink, null, null);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("CSV speed: %,d rows x 12 fields (%.1f MB) read in %.2f s = %,.0f rows/s"
                        + " (of which detection, i.e. byte scan + sniffing: %.2f s)%n",
                rows, Files.size(file) / 1e6, seconds, rows / seconds, sniff);
        assertThat(count[0]).isEqualTo(rows);
        assertThat(count[1]).isZero();
    }
}
