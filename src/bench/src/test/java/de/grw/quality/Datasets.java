package de.grw.quality;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairwiseEvaluation;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.data.RecordTable;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The public benchmark sets in {@code ../shared/datasets} (never copied into the project), run end to end. */
final class Datasets {
    /** The folder, overridable with {@code -Dgrw.datasets=...}. */
    static final Path ROOT = Path.of(System.getProperty("grw.datasets", "../shared/datasets"));

    private Datasets() {
    }

    static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        assertThat(p).as("benchmark data set (see ../shared/datasets/README.md)").exists();
        return p;
    }

    /**
     * Imports the files through the real import path with automatic column mapping, runs the default profile with
     * its default threshold, and evaluates the clusters against the truth.
     *
     * @param truth maps (source name, record id) to the true entity
     */
    static PairwiseEvaluation evaluate(BiFunction<String, String, String> truth, Path... files) {
        return evaluate(ProfileLoader.defaultProfile(), truth, files);
    }

    /** As above with another profile (its default threshold). */
    static PairwiseEvaluation evaluate(de.grw.profile.MatchProfile profile, BiFunction<String, String, String> truth,
                                       Path... files) {
        MatchJob job = new MatchJob(profile, MappingFile.NONE, null);
        MatchJob.Outcome outcome = job.run(List.of(files), MatchOptions.defaults(), new MatchJob.Observer() {
            @Override
            public void mapping(String source, ColumnMapping mapping) {
            }

            @Override
            public void problem(ImportProblem problem) {
            }
        }, ProgressListener.NONE, CancellationToken.NONE);
        RecordTable table = outcome.table();
        Integer[] predicted = new Integer[table.size()];
        String[] entity = new String[table.size()];
        for (int r = 0; r < table.size(); r++) {
            predicted[r] = outcome.result().clusterOf(r);
            entity[r] = truth.apply(table.sourceName(r), table.recordId(r));
        }
        return PairwiseEvaluation.of(predicted, entity);
    }

    /** FEBRL truth: {@code rec-N-org} and {@code rec-N-dup-k} are the same person N. */
    static String febrlEntity(String source, String recordId) {
        return recordId.split("-")[1];
    }

    /** Truth from a column of the file, keyed by the record id column (cells may be quoted). */
    static Map<String, String> column(Path csv, String idColumn, String truthColumn) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .get().parse(reader)) {
            for (var row : parser) {
                out.put(row.get(idColumn), row.get(truthColumn));
            }
        }
        return out;
    }
}
