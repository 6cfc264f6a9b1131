package de.grw.matching.data;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.FieldSpec;
import de.grw.profile.MatchProfile;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A record table with every field normalised and dictionary-encoded, ready for blocking and comparison. */
public final class PreparedRecords {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PreparedRecords.class);
    private final RecordTable table;
    private final MatchProfile profile;
    private final PreparedField[] fields;
    private final java.util.Map<String, SimilarityMemo> memos =
            new java.util.concurrent.ConcurrentHashMap<>();

    private PreparedRecords(RecordTable table, MatchProfile profile, PreparedField[] fields) {
        this.table = table;
        this.profile = profile;
        this.fields = fields;
    }

    /** Normalises all fields (in parallel, one field per task). */
    public static PreparedRecords prepare(RecordTable table, MatchProfile profile, ProgressListener progress,
                                          CancellationToken cancel) {
        return prepare(table, profile, null, progress, cancel);
    }

    /**
     * As {@link #prepare(RecordTable, MatchProfile, ProgressListener, CancellationToken)}, with the normalised values
     * of the first records taken from {@code kept} ({@code null}: all normalised here). Before a field's kept values
     * are used, about {@value #SAMPLE} kept records spread over them are normalised afresh and compared: kept values of
     * a build whose normaliser differs are dropped for that field (it is normalised in full, as without kept values).
     * The kept values serve this one preparation.
     */
    public static PreparedRecords prepare(RecordTable table, MatchProfile profile, KeptValues kept,
                                          ProgressListener progress, CancellationToken cancel) {
        int n = profile.fields().size();
        boolean fits = kept != null && kept.fieldCount() == n && kept.count() > 0 && kept.count() <= table.size();
        PreparedField[] fields = new PreparedField[n];
        AtomicInteger done = new AtomicInteger();
        progress.progress("normalise", 0, n);
        IntStream.range(0, n).parallel().forEach(f -> {
            cancel.throwIfCancelled();
            FieldSpec spec = profile.fields().get(f);
            Normaliser normaliser = Normalisers.get(spec.normaliser());
            boolean use = fits && keptAgree(table, f, normaliser, kept);
            fields[f] = use ? PreparedField.prepare(spec.name(), table, f, normaliser, kept.field(f), kept.count())
                    : PreparedField.prepare(spec.name(), table, f, normaliser);
            progress.progress("normalise", done.incrementAndGet(), n);
        });
        return new PreparedRecords(table, profile, inRows(fields, table.size()));
    }

    /** About how many kept records a field's kept values are checked on. */
    static final int SAMPLE = 512;

    /** Whether the kept values of a sample of the kept records are those the normaliser gives them now. */
    private static boolean keptAgree(RecordTable table, int f, Normaliser normaliser, KeptValues kept) {
        int k = kept.count();
        int step = Math.max(1, k / SAMPLE);
        for (int r = 0; r < k; r += step) {
            String original = table.value(r, f);
            String fresh = original == null ? null : normaliser.normalise(original);
            String held = kept.value(r, f);
            if (!java.util.Objects.equals(fresh, held)) {
                LOG.warn("kept normalised values of field {} differ from values normalised afresh (record {}); "
                        + "normalising the field in full", f, r);
                return false;
            }
        }
        return true;
    }

    /**
     * The fields' ids in one array, record by record: comparing a pair reads each record's ids from one or two cache
     * lines instead of one line per field (20 fields: the difference between a few and some forty cache misses per
     * pair, which dominated the comparison of a million records).
     */
    private static PreparedField[] inRows(PreparedField[] fields, int n) {
        int stride = fields.length;
        if (stride <= 1 || (long) n * stride > Integer.MAX_VALUE - 16) {
            return fields;
        }
        int[] rows = new int[n * stride];
        // block by block of records, on both cores: a block's rows stay in the cache while each field's ids are
        // copied in (field by field over all records, each field's pass wrote to every row's cache line again)
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * ROW_BLOCK;
            int to = Math.min(n, from + ROW_BLOCK);
            for (int f = 0; f < stride; f++) {
                fields[f].copyIds(rows, stride, f, from, to);
            }
        });
        PreparedField[] out = new PreparedField[stride];
        for (int f = 0; f < stride; f++) {
            out[f] = fields[f].inRows(rows, stride, f);
            fields[f] = null;
        }
        return out;
    }

    /** Records per task of {@link #inRows}: 4,096 rows of 20 fields are 320 KB. */
    private static final int ROW_BLOCK = 1 << 12;

    /** Records whose fields were prepared already (one per profile field, in profile order). */
    public static PreparedRecords of(RecordTable table, MatchProfile profile, PreparedField[] fields) {
        if (fields.length != profile.fields().size()) {
            throw new IllegalArgumentException("expected " + profile.fields().size() + " fields, got " + fields.length);
        }
        return new PreparedRecords(table, profile, fields.clone());
    }

    public RecordTable table() {
        return table;
    }

    public MatchProfile profile() {
        return profile;
    }

    public int size() {
        return table.size();
    }

    public PreparedField field(int index) {
        return fields[index];
    }

    /** The per-thread similarity memo of a field, shared by the level tests of that field. */
    public SimilarityMemo memo(String fieldName) {
        return memos.computeIfAbsent(fieldName, k -> new SimilarityMemo());
    }

    /** The prepared field of that name; an unknown name is a programming or profile error. */
    public PreparedField field(String name) {
        int index = profile.fieldIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown field '" + name + "'");
        }
        return fields[index];
    }
}
