package de.grw.matching;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A complete headless match: import every input (a file, or a database table or query) as its own source, match them within and across each other,
 * and hand back the result with the import outcome. Front ends (the command line, the desktop) call this.
 */
public final class MatchJob {
    private final MatchProfile profile;
    private final MappingFile mappingFile;
    private final Path mappingPath;

    public MatchJob(MatchProfile profile, MappingFile mappingFile, Path mappingPath) {
        this.profile = profile;
        this.mappingFile = mappingFile;
        this.mappingPath = mappingPath;
    }

    /** Receives the mapping chosen for each source and every import problem, as they arise. */
    public interface Observer {
        void mapping(String source, ColumnMapping mapping);

        void problem(ImportProblem problem);
    }

    /**
     * @param inputs   input files; their names without extension must differ
     */
    public Outcome run(List<Path> inputs, MatchOptions options, Observer observer, ProgressListener progress,
                       CancellationToken cancel) {
        return runSources(inputs.stream().map(SourceInput::file).toList(), options, observer, progress, cancel);
    }

    /**
     * @param inputs files and database sources; their source names must differ
     */
    public Outcome runSources(List<SourceInput> inputs, MatchOptions options, Observer observer,
                              ProgressListener progress, CancellationToken cancel) {
        Set<String> names = new HashSet<>();
        for (SourceInput in : inputs) {
            if (!names.add(in.name())) {
                throw new de.grw.common.UserFacingException("two inputs are named '" + in.name() + "'; sources are "
                        + "told apart by name (file name, table name or --as), so rename one of them");
            }
        }
        PhaseTimer timer = new PhaseTimer();
        timer.start("import");
        Observer safe = synchronizedObserver(observer);
        SourceImporter importer = new SourceImporter(profile, mappingFile, mappingPath);
        List<Callable<Imported>> tasks = new ArrayList<>();
        for (SourceInput input : inputs) {
            tasks.add(() -> importOne(importer, input, safe, progress, cancel));
        }
        List<Imported> imported = runAll(tasks, inputs.size());
        List<ImportedSource> sources = new ArrayList<>();
        List<RecordTable> tables = new ArrayList<>();
        for (Imported i : imported) {
            sources.add(i.source());
            tables.add(i.table());
        }
        RecordTable table = RecordTable.concat(tables);
        // the sources' own tables are copied into the run's: let them go before the match (this frame outlives it,
        // and an interpreted frame keeps its locals alive; at ten million records they are some 800 MB)
        tables.clear();
        imported.clear();
        timer.stop();
        MatchResult result = new MatchEngine(profile).run(table, options, progress, cancel);
        Map<String, Duration> timings = new LinkedHashMap<>(timer.phases());
        timings.putAll(result.timings());
        return new Outcome(sources, table, result, timings);
    }

    private record Imported(ImportedSource source, RecordTable table) {
    }

    private Imported importOne(SourceImporter importer, SourceInput input, Observer observer,
                               ProgressListener progress, CancellationToken cancel) {
        String source = input.name();
        RecordTable.Builder builder = new RecordTable.Builder(profile.fields().size());
        int sourceIndex = builder.addSource(source);
        String[] values = new String[profile.fields().size()];
        Consumer<SourceRecord> add = r -> {
            for (int f = 0; f < values.length; f++) {
                values[f] = r.value(f);
            }
            builder.add(sourceIndex, r.recordId(), values);
        };
        ImportedSource result = importer.importSource(input, new ImportListener() {
            @Override
            public void mapping(ColumnMapping mapping) {
                observer.mapping(source, mapping);
            }

            @Override
            public void record(SourceRecord record) {
                add.accept(record);
            }

            @Override
            public void problem(ImportProblem problem) {
                observer.problem(problem);
            }
        }, progress, cancel);
        return new Imported(result, builder.build());
    }

    /** Imports the sources in parallel (one thread per file, at most one per core), results in input order. */
    private static List<Imported> runAll(List<Callable<Imported>> tasks, int count) {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "grw-import");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Imported>> futures = new ArrayList<>();
            for (Callable<Imported> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<Imported> out = new ArrayList<>();
            for (Future<Imported> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new de.grw.common.CancelledException();
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Observer synchronizedObserver(Observer observer) {
        return new Observer() {
            @Override
            public synchronized void mapping(String source, ColumnMapping mapping) {
                observer.mapping(source, mapping);
            }

            @Override
            public synchronized void problem(ImportProblem problem) {
                observer.problem(problem);
            }
        };
    }

    /**
     * @param sources what each import produced
     * @param table   the records matched
     * @param result  the match result
     * @param timings wall time per phase, import first
     */
    public record Outcome(List<ImportedSource> sources, RecordTable table, MatchResult result,
                          Map<String, Duration> timings) {
    }
}
