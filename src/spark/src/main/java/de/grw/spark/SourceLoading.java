package de.grw.spark;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.ImportedSource;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceImporter;
import de.grw.importing.SourceInput;
import de.grw.importing.SourceRecord;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the job's sources into the engine's record table with the engine's importer: CSV (and every other file format
 * the workbench reads) through {@link SourceImporter} as the workbench imports them; Parquet read by Spark, its
 * column names mapped and its rows assembled by the same importer ({@link SourceImporter#importRows}); database
 * tables and queries through the engine's JDBC reader. Each input is a source (a file is named after it). First
 * slice: the rows are gathered on the driver (see {@link EngineContext}).
 */
public final class SourceLoading {
    private static final Logger LOG = LoggerFactory.getLogger(SourceLoading.class);
    /** Import problems logged one by one (the first of them); the rest are counted. */
    private static final int SHOWN_PROBLEMS = 20;

    private SourceLoading() {
    }

    /** The records and what each import produced. */
    public record Loaded(RecordTable table, List<ImportedSource> sources, List<ImportProblem> problems) {
    }

    /** Files, each a source named after it. */
    public static Loaded load(SparkSession spark, MatchProfile profile, MappingFile mapping, Path mappingPath,
                              List<Path> inputs) {
        return loadSources(spark, profile, mapping, mappingPath, inputs.stream().map(SourceInput::file).toList());
    }

    /** Files and database tables or queries (read through the engine's JDBC reader), each a source. */
    public static Loaded loadSources(SparkSession spark, MatchProfile profile, MappingFile mapping, Path mappingPath,
                                     List<SourceInput> inputs) {
        SourceImporter importer = new SourceImporter(profile, mapping, mappingPath);
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        List<ImportedSource> sources = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SourceInput input : inputs) {
            String name = input.name();
            if (!names.add(name)) {
                throw new UserFacingException("two inputs are named '" + name + "'; sources are told apart by name "
                        + "(file name, table name or --as), so rename one of them");
            }
            if (input instanceof SourceInput.File f && !Files.exists(f.path())) {
                throw new UserFacingException(f.path() + ": input not found");
            }
            int source = builder.addSource(name);
            ImportListener listener = listener(builder, source, profile.fields().size(), problems);
            if (input instanceof SourceInput.File f && isParquet(f.path())) {
                sources.add(parquet(spark, importer, f.path(), name, listener));
            } else {
                sources.add(importer.importSource(input, listener, ProgressListener.NONE, CancellationToken.NONE));
            }
        }
        return new Loaded(builder.build(), sources, problems);
    }

    static boolean isParquet(Path input) {
        return input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    private static ImportedSource parquet(SparkSession spark, SourceImporter importer, Path input, String name,
                                          ImportListener listener) {
        Dataset<Row> frame = spark.read().parquet(input.toString());
        List<String> header = Arrays.asList(frame.columns());
        Iterator<Row> rows = frame.toLocalIterator();
        Iterator<String[]> cells = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public String[] next() {
                Row row = rows.next();
                String[] out = new String[row.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = row.isNullAt(i) ? null : String.valueOf(row.get(i));
                }
                return out;
            }
        };
        return importer.importRows(name, input.getFileName().toString(), header, cells, listener,
                CancellationToken.NONE);
    }

    private static ImportListener listener(RecordTable.Builder builder, int source, int fields,
                                           List<ImportProblem> problems) {
        String[] values = new String[fields];
        return new ImportListener() {
            @Override
            public void mapping(ColumnMapping mapping) {
            }

            @Override
            public void record(SourceRecord record) {
                for (int f = 0; f < values.length; f++) {
                    values[f] = record.value(f);
                }
                builder.add(source, record.recordId(), values);
            }

            @Override
            public void problem(ImportProblem problem) {
                if (problems.size() < SHOWN_PROBLEMS) {
                    LOG.warn("{}, line {}: {}", problem.file(), problem.line(), problem.message());
                }
                problems.add(problem);
            }
        };
    }
}
