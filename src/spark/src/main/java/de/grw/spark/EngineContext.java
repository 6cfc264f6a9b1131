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
 * What every executor needs to run the engine's pieces, shipped once per executor as a broadcast: the profile (as its
 * JSON) and the run's records in the engine's compact prepared form ({@link PreparedField#of}): per record its
 * source and one value id per field, in one array record by record, and per field its distinct normalised values with
 * their counts (the term frequencies). An executor JVM builds the engine's objects from it once (compiling the
 * comparisons, binding the contradictions) and keeps them for all its tasks; it neither normalises again nor holds
 * the original values or the record ids (the bundle's writer joins those to the rows it writes, per partition). In
 * local mode the driver's own objects are used. None of the engine's classes has to be serialisable.
 *
 * <p>Before (first slice) the broadcast carried the original values of every field and the record ids, and each
 * executor imported and normalised them again; the form here is the one the engine prepares anyway (4 bytes a field
 * and record, plus each distinct value once), measured in the README's scaling series. The driver still reads and
 * prepares the whole input.
 */
public final class EngineContext implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final Map<String, Engine> ENGINES = new ConcurrentHashMap<>();
    private static final Map<String, Scorer> SCORERS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final String profileJson;
    private final boolean linkOnly;
    private final ArrayList<String> sourceNames;
    private final int[] sourceOf;
    /** The records' value ids, {@code rows[record * fields + field]}, -1 for no value. */
    private final int[] rows;
    /** Per field its distinct normalised values (by id), how many records carry each, how many carry one at all. */
    private final String[][] values;
    private final int[][] counts;
    private final int[] present;
    /** The driver's record table (record ids and original values for the bundle); never shipped. */
    private final transient RecordTable driverTable;

    /**
     * Whether local-mode tasks use the driver's engine objects (the default). The tests turn it off to run a whole
     * job on the engine an executor rebuilds from the compact form, driver included, as on a cluster.
     */
    static volatile boolean shareDriverEngine = true;

    /** The engine's objects over the records, built once per JVM. */
    record Engine(MatchProfile profile, RecordTable table, PreparedRecords records, CompiledComparisons comparisons,
                  Contradictions.Bound contradictions, Blocker blocker, List<PreparedField> sortFields) {
    }

    private EngineContext(MatchProfile profile, PreparedRecords prepared, boolean linkOnly) {
        this.profileJson = ProfileLoader.toJson(profile);
        this.linkOnly = linkOnly;
        RecordTable table = prepared.table();
        this.driverTable = table;
        this.sourceNames = new ArrayList<>(table.sourceNames());
        int n = table.size();
        int stride = profile.fields().size();
        if ((long) n * stride > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(n + " records of " + stride + " fields are more than one array of "
                    + "value ids holds; split the input");
        }
        this.sourceOf = new int[n];
        this.rows = new int[n * stride];
        this.values = new String[stride][];
        this.counts = new int[stride][];
        this.present = new int[stride];
        for (int r = 0; r < n; r++) {
            sourceOf[r] = table.sourceIndex(r);
        }
        for (int f = 0; f < stride; f++) {
            PreparedField field = prepared.field(f);
            for (int r = 0; r < n; r++) {
                rows[r * stride + f] = field.id(r);
            }
            int distinct = field.distinctCount();
            values[f] = new String[distinct];
            counts[f] = new int[distinct];
            for (int v = 0; v < distinct; v++) {
                values[f][v] = field.valueOfId(v);
                counts[f][v] = field.count(v);
            }
            present[f] = field.presentCount();
        }
    }

    /** A context over the table; the driver's engine objects are built here and serve local-mode tasks too. */
    static EngineContext of(MatchProfile profile, RecordTable table, boolean linkOnly) {
        Engine driver = build(profile, PreparedRecords.prepare(table, profile, de.grw.common.ProgressListener.NONE,
                de.grw.common.CancellationToken.NONE), linkOnly);
        EngineContext context = new EngineContext(profile, driver.records(), linkOnly);
        if (shareDriverEngine) {
            ENGINES.put(context.id, driver);
        }
        return context;
    }

    /** The driver's record table, with record ids and original values; {@code null} where the context was shipped. */
    RecordTable driverTable() {
        return driverTable;
    }

    /** The name of a record's source (the executors know it; the record id they do not). */
    String sourceName(int record) {
        return sourceNames.get(sourceOf[record]);
    }

    int size() {
        return sourceOf.length;
    }

    /** The engine's objects in this JVM (built on first use in an executor). */
    Engine engine() {
        return ENGINES.computeIfAbsent(id, k -> {
            MatchProfile profile = ProfileLoader.fromJson(profileJson, "profile of the Spark job");
            return build(profile, records(profile), linkOnly);
        });
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

    /** The records as the executor holds them: prepared, by source only (no ids, no original values). */
    private PreparedRecords records(MatchProfile profile) {
        int stride = values.length;
        RecordTable table = RecordTable.ofSources(sourceNames, sourceOf, stride);
        PreparedField[] fields = new PreparedField[stride];
        for (int f = 0; f < stride; f++) {
            fields[f] = PreparedField.of(profile.fields().get(f).name(), rows, stride, f, sourceOf.length, values[f],
                    counts[f], present[f]);
        }
        return PreparedRecords.of(table, profile, fields);
    }

    private static Engine build(MatchProfile profile, PreparedRecords records, boolean linkOnly) {
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        return new Engine(profile, records.table(), records, comparisons, contradictions,
                new Blocker(profile, records, linkOnly), BlockEntries.sortFields(profile, records));
    }
}
