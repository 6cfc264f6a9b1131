package de.grw.spark;

import de.grw.matching.blocking.BlockEntries;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelCodec;
import de.grw.matching.model.Scorer;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every executor needs to run the engine's pieces: the profile (as its JSON) and the imported record table,
 * shipped once per executor as a broadcast. An executor JVM builds the engine's objects from it once (normalising with
 * the engine's normalisers, compiling the comparisons, binding the contradictions) and keeps them for all its tasks;
 * in local mode the driver's own objects are used. None of the engine's classes has to be serialisable.
 *
 * <p>First slice of issue 17: the record table is held whole by the driver and by each executor (about 2 GB per
 * million records); the pairs, comparisons, scores, components and clusters are distributed.
 */
public final class EngineContext implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Engine> ENGINES = new ConcurrentHashMap<>();
    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final String profileJson;
    private final boolean linkOnly;
    private final ArrayList<String> sourceNames;
    private final int[] sourceOf;
    private final String[] recordIds;
    private final String[][] columns;

    /** The engine's objects over the records, built once per JVM. */
    record Engine(MatchProfile profile, RecordTable table, PreparedRecords records, CompiledComparisons comparisons,
                  Contradictions.Bound contradictions, Blocker blocker, List<PreparedField> sortFields) {
    }

    private EngineContext(MatchProfile profile, RecordTable table, boolean linkOnly) {
        this.profileJson = ProfileLoader.toJson(profile);
        this.linkOnly = linkOnly;
        this.sourceNames = new ArrayList<>(table.sourceNames());
        int n = table.size();
        this.sourceOf = new int[n];
        this.recordIds = new String[n];
        this.columns = new String[table.fieldCount()][n];
        for (int r = 0; r < n; r++) {
            sourceOf[r] = table.sourceIndex(r);
            recordIds[r] = table.recordId(r);
            for (int f = 0; f < columns.length; f++) {
                columns[f][r] = table.value(r, f);
            }
        }
    }

    /** A context over the table; the driver's engine objects are built here and serve local-mode tasks too. */
    static EngineContext of(MatchProfile profile, RecordTable table, boolean linkOnly) {
        EngineContext context = new EngineContext(profile, table, linkOnly);
        ENGINES.put(context.id, build(profile, table, linkOnly));
        return context;
    }

    int size() {
        return recordIds.length;
    }

    /** The engine's objects in this JVM (built on first use in an executor). */
    Engine engine() {
        return ENGINES.computeIfAbsent(id, k -> build(ProfileLoader.fromJson(profileJson, "profile of the Spark job"),
                table(), linkOnly));
    }

    /** The scorer of a model (as {@link ModelCodec} wrote it) over these records, built once per JVM. */
    Scorer scorer(byte[] model) {
        return SCORERS.computeIfAbsent(id, k -> {
            Engine e = engine();
            try {
                return new Scorer(e.comparisons(), ModelCodec.read(model), e.profile().model().minTermFrequency(),
                        e.profile().model().priorRecords());
            } catch (IOException ex) {
                throw new UncheckedIOException("the model of the Spark job cannot be read", ex);
            }
        });
    }

    /** Drops this JVM's engine objects (the driver, after a run; executors keep theirs until they end). */
    void release() {
        ENGINES.remove(id);
        SCORERS.remove(id);
    }

    private RecordTable table() {
        RecordTable.Builder builder = new RecordTable.Builder(columns.length, recordIds.length);
        for (String name : sourceNames) {
            builder.addSource(name);
        }
        String[] values = new String[columns.length];
        for (int r = 0; r < recordIds.length; r++) {
            for (int f = 0; f < columns.length; f++) {
                values[f] = columns[f][r];
            }
            builder.add(sourceOf[r], recordIds[r], values);
        }
        return builder.build();
    }

    private static Engine build(MatchProfile profile, RecordTable table, boolean linkOnly) {
        PreparedRecords records = PreparedRecords.prepare(table, profile, de.grw.common.ProgressListener.NONE,
                de.grw.common.CancellationToken.NONE);
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        return new Engine(profile, table, records, comparisons, contradictions,
                new Blocker(profile, records, linkOnly), BlockEntries.sortFields(profile, records));
    }
}
