package de.grw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of benchmark runs of different sizes, one CSV line per run ({@code benchmark --figures}), read back by
 * {@code scale-curve} for the table and the picture. A later run of the same size replaces an earlier one.
 */
final class ScaleFigures {
    static final String HEADER = "records,seconds,cpu_seconds,peak_heap_mb,live_heap_mb,max_heap_mb,pairs,f1,load";

    private ScaleFigures() {
    }

    /**
     * One run.
     *
     * @param records   records matched
     * @param seconds   end to end (import, match, write), wall
     * @param cpuSeconds CPU seconds of all threads over the same span
     * @param peakBytes the heap's peak usage (garbage not yet collected included)
     * @param liveBytes the largest heap in use right after a collection
     * @param maxBytes  the heap's limit ({@code -Xmx})
     * @param pairs     candidate pairs compared
     * @param f1        pairwise F1 against the generator's truth
     * @param load      the load average at the end
     */
    record Run(long records, double seconds, double cpuSeconds, long peakBytes, long liveBytes, long maxBytes,
               long pairs, double f1, double load) {
        String line() {
            return String.format(Locale.ROOT, "%d,%.1f,%.1f,%d,%d,%d,%d,%.4f,%.2f", records, seconds, cpuSeconds,
                    peakBytes >> 20, liveBytes >> 20, maxBytes >> 20, pairs, f1, load);
        }

        static Run parse(String line) {
            String[] c = line.split(",");
            if (c.length != 9) {
                throw new IllegalArgumentException("expected 9 columns, got " + c.length + ": " + line);
            }
            return new Run(Long.parseLong(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Long.parseLong(c[3]) << 20, Long.parseLong(c[4]) << 20, Long.parseLong(c[5]) << 20,
                    Long.parseLong(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8]));
        }

        /** Peak heap per record, in bytes. */
        long peakPerRecord() {
            return peakBytes / Math.max(1, records);
        }

        /** Live heap per record, in bytes. */
        long livePerRecord() {
            return liveBytes / Math.max(1, records);
        }
    }

    /** Appends a run (the header first when the file is new). */
    static synchronized void append(Path file, Run run) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String text = (Files.exists(file) && Files.size(file) > 0 ? "" : HEADER + "\n") + run.line() + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The runs of a file by record count, ascending; of several runs of one size the last. */
    static List<Run> read(Path file) throws IOException {
        Map<Long, Run> bySize = new TreeMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("records,")) {
                continue;
            }
            try {
                Run r = Run.parse(line.strip());
                bySize.put(r.records(), r);
            } catch (IllegalArgumentException e) {
                throw new de.grw.common.UserFacingException(file + ", line " + lineNo + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(bySize.values());
    }

    /** The runs as a Markdown table. */
    static String table(List<Run> runs) {
        StringBuilder b = new StringBuilder("| records | end to end s | CPU s | candidate pairs | peak heap MB | "
                + "bytes/record (peak) | live heap MB | bytes/record (live) | max heap | F1 | load |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            b.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %,d | %,d | %,d | %,d | %,d | %d GB | %.4f | %.1f |%n",
                    r.records(), r.seconds(), r.cpuSeconds(), r.pairs(), r.peakBytes() >> 20, r.peakPerRecord(),
                    r.liveBytes() >> 20, r.livePerRecord(), Math.round(r.maxBytes() / (1024.0 * 1024 * 1024)),
                    r.f1(), r.load()));
        }
        return b.toString();
    }
}
