package de.grw.bench.hotpaths;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.Text;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceRecord;
import de.grw.importing.read.ReadOptions;
import de.grw.importing.read.RowSink;
import de.grw.importing.read.TabularReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading CSV: the cost of one line (time per line of a file of {@value #LINES} lines of a generated register),
 * parsed only ({@code parseCsvLine}) and imported into a record (mapping, splitting combined columns, dates:
 * {@code importLine}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParseBenchmark {
    static final int LINES = 2_000;

    @Param({"melderegister.csv", "sozialamt.csv"})
    public String file;

    private HotPathData data;
    private Path sample;
    private final TabularReader reader = new TabularReader();
    private SourceImporter importer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = HotPathData.generate();
        Path full = data.dir.resolve(file);
        // the file's first lines, bytes as written (encoding and byte-order mark kept)
        byte[] bytes = Files.readAllBytes(full);
        int lines = 0;
        int end = 0;
        while (end < bytes.length && lines <= LINES) {
            if (bytes[end++] == '\n') {
                lines++;
            }
        }
        sample = data.dir.resolve("sample-" + file);
        Files.write(sample, java.util.Arrays.copyOf(bytes, end));
        importer = new SourceImporter(data.profile);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        data.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseCsvLine(Blackhole bh) {
        reader.read(sample, ReadOptions.DEFAULTS, new RowSink() {
            @Override
            public void header(List<String> columns) {
                bh.consume(columns);
            }

            @Override
            public void row(long rowNumber, long line, String[] cells) {
                bh.consume(cells);
            }

            @Override
            public void rejected(long rowNumber, long line, Text reason, String rawText) {
                bh.consume(reason);
            }
        }, CancellationToken.NONE, ProgressListener.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void importLine(Blackhole bh) {
        importer.importFile(sample, new ImportListener() {
            @Override
            public void record(SourceRecord record) {
                bh.consume(record);
            }

            @Override
            public void problem(ImportProblem problem) {
                bh.consume(problem);
            }
        }, ProgressListener.NONE, CancellationToken.NONE);
    }
}
