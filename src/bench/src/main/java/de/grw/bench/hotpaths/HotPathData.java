package de.grw.bench.hotpaths;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceRecord;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.synthetic.GeneratorConfig;
import de.grw.synthetic.PopulationGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data the hot-path benchmarks run on: a small generated population (the benchmark's realistic German registers,
 * seed 1) in its three files, imported into one record table with the default profile, normalised, and its
 * candidate pairs. Built once per benchmark trial; the files are deleted by {@link #close()}.
 */
final class HotPathData implements AutoCloseable {
    /** Records generated across the three sources: enough for realistic blocks, small enough for a quick set-up. */
    static final int RECORDS = 20_000;
    static final List<String> FILES = List.of("melderegister.csv", "sozialamt.csv", "kfz_halter.csv");

    final Path dir;
    final MatchProfile profile;
    final RecordTable table;

    private HotPathData(Path dir, MatchProfile profile, RecordTable table) {
        this.dir = dir;
        this.profile = profile;
        this.table = table;
    }

    static HotPathData generate() {
        try {
            Path dir = Files.createTempDirectory("grw-hotpaths");
            new PopulationGenerator().generate(GeneratorConfig.of(1, RECORDS, dir));
            MatchProfile profile = ProfileLoader.defaultProfile();
            SourceImporter importer = new SourceImporter(profile);
            RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size(), RECORDS);
            for (String file : FILES) {
                importer.importFile(dir.resolve(file), new ImportListener() {
                    @Override
                    public void record(SourceRecord record) {
                        builder.add(record);
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
            }
            return new HotPathData(dir, profile, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PreparedRecords prepare() {
        return PreparedRecords.prepare(table, profile, ProgressListener.NONE, CancellationToken.NONE);
    }

    long[] candidatePairs(PreparedRecords records) {
        return new Blocker(profile, records, false).candidates(ProgressListener.NONE, CancellationToken.NONE).pairs();
    }

    /** The original (not yet normalised) values of a field, as imported, without the missing ones. */
    String[] originals(String field) {
        int f = profile.fieldIndex(field);
        return java.util.stream.IntStream.range(0, table.size()).mapToObj(r -> table.value(r, f))
                .filter(java.util.Objects::nonNull).toArray(String[]::new);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
