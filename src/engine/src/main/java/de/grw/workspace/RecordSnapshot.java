package de.grw.workspace;

import de.grw.journal.CanonicalJson;
import de.grw.matching.blocking.RecordKeys;
import de.grw.matching.data.RecordTable;
import de.grw.store.Sql;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A derived, rebuildable snapshot of the records as a match run reads them (table {@code record_snapshots}, schema
 * 10): for each record its id, source name, record key and the values of the profile's fields, exactly what
 * {@link WorkspaceLoader#records} would put into the {@link RecordTable}. Without it every run reads and decodes the
 * JSON of all records again, which is most of an incremental run's time.
 *
 * <p><b>Layout.</b> The snapshot is a chain of segments, each covering a contiguous range of record ids (at most
 * {@link #SEGMENT_RECORDS} records), written at the end of a match run for the records that run read from the
 * records table; an incremental run thus writes only its new records. A segment is a {@link DataOutputStream} of
 * primitives (no Java serialization): magic, format version, field count, record count; the source names of the
 * segment; the record ids; per record the source (index into those names); the record keys; then per field a
 * dictionary of its distinct values and per record the value's index (-1 for none). Strings are length-prefixed
 * UTF-8 (-1 for {@code null}).
 *
 * <p><b>Validity.</b> Segments are keyed by a fingerprint of the snapshot format and the profile (its JSON); those
 * of another fingerprint are deleted when a run writes. Records are never changed or deleted (triggers refuse it; a
 * blocking notice is a separate table, a linked record stored by the API is a new record with a new id), and ids only
 * grow, so what a snapshot covers is still right if the records up to its last id are exactly those it holds: the
 * reader checks count and sum of their ids against the records table, and that the segments follow each other
 * without overlap. Anything else (a damaged or foreign segment, another profile, a record missing) discards the
 * snapshot and the run reads all records as before; the snapshot is rebuilt at its end. The snapshot does not depend
 * on the model. What the engine derives from the values is kept where a later run can check it: the block keys
 * (with the segments, checked on a sample by {@link de.grw.matching.blocking.KeyCache}) and, since format 2, each
 * field's normalised values (checked on a sample by {@link de.grw.matching.data.PreparedRecords}); the term
 * frequencies are counted in each run over all records.
 */
final class RecordSnapshot {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordSnapshot.class);
    static final int MAGIC = 0x47525752;
    /**
     * The format segments are written in: 2 adds per field the normalised values (kept so that a run normalises only
     * the records after the snapshot). Segments of format 1 are still read (without normalised values); the
     * fingerprint stays that of format 1, since both formats hold the same records.
     */
    static final int FORMAT = 2;
    /** The format whose number the fingerprint carries (see {@link #FORMAT}). */
    private static final int FINGERPRINT_FORMAT = 1;
    /** Records per segment: keeps a segment (a BLOB / bytea) in the tens of megabytes. */
    static final int SEGMENT_RECORDS = 100_000;

    private RecordSnapshot() {
    }

    /**
     * The fingerprint segments are written and read under: format version and profile (its JSON with sorted keys,
     * since another process may write a profile's maps in another order).
     */
    static String fingerprint(String profileJson) {
        return CanonicalJson.sha256("record-snapshot-v" + FINGERPRINT_FORMAT + "|"
                + CanonicalJson.write(CanonicalJson.parse(profileJson)));
    }

    /**
     * Reads the snapshot into the builder (records in id order) and returns the ids it held, or {@code null} when
     * there is none that is valid for this fingerprint (the builder is then untouched).
     */
    static long[] read(Connection c, String fingerprint, int fieldCount, RecordTable.Builder builder)
            throws SQLException {
        Read read = read(c, fingerprint, fieldCount, -1, builder);
        return read == null ? null : read.ids();
    }

    /**
     * What a valid snapshot held: the records' ids and, when every segment kept them and they decode, their
     * blocking keys ({@code null} otherwise: the run computes them).
     */
    record Read(long[] ids, RecordKeys keys, de.grw.matching.data.KeptValues normalised, SnapshotRecords records) {
        Read(long[] ids, RecordKeys keys) {
            this(ids, keys, null, null);
        }
    }

    /**
     * Reads the snapshot into the builder (records in id order) with the blocking keys of {@code rules} rules kept
     * with it ({@code rules < 0}: none read); {@code null} when there is no valid snapshot for this fingerprint
     * (the builder is then untouched).
     */
    static Read read(Connection c, String fingerprint, int fieldCount, int rules, RecordTable.Builder builder)
            throws SQLException {
        List<byte[]> segments = new ArrayList<>();
        List<byte[]> keyData = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long count = 0;
        long idSum = 0;
        long last = Long.MIN_VALUE;
        for (RecordRowsRepository.SegmentRow row : RecordRowsRepository.segments(c, fingerprint)) {
            if (row.firstRecordId() <= last) {
                LOG.warn("record snapshot: segments overlap at record {}; reading all records", row.firstRecordId());
                return null;
            }
            last = row.lastRecordId();
            count += row.recordCount();
            idSum += row.idSum();
            segments.add(row.data());
            keyData.add(row.blockKeys());
            counts.add((int) row.recordCount());
        }
        if (segments.isEmpty()) {
            return null;
        }
        long[] actual = RecordRowsRepository.countAndIdSum(c, last);
        if (actual[0] != count || actual[1] != idSum) {
            LOG.warn("record snapshot up to record {} is stale ({} records, the store has {}); reading all records",
                    last, count, actual[0]);
            return null;
        }
        // decoded into a list first, so that a damaged segment leaves the builder untouched
        List<Segment> decoded = new ArrayList<>(segments.size());
        try {
            for (byte[] data : segments) {
                decoded.add(decode(data, fieldCount));
            }
        } catch (RuntimeException e) {
            LOG.warn("record snapshot unreadable ({}); reading all records", e.toString());
            return null;
        }
        long[] ids = new long[(int) count];
        int[] sourceOf = new int[(int) count];
        SnapshotRecords.Segment[] records = new SnapshotRecords.Segment[decoded.size()];
        int n = 0;
        boolean allNormalised = true;
        for (Segment s : decoded) {
            allNormalised &= s.normalised != null;
        }
        de.grw.matching.data.KeptValues.Builder kept = allNormalised
                ? new de.grw.matching.data.KeptValues.Builder(fieldCount, (int) count) : null;
        for (int k = 0; k < records.length; k++) {
            Segment s = decoded.get(k);
            if (kept != null) {
                kept.addSegment(s.normalised, s.normalisedOf, s.codes, s.ids.length);
            }
            int[] sourceIndex = new int[s.sources.length];
            for (int i = 0; i < sourceIndex.length; i++) {
                sourceIndex[i] = builder.addSource(s.sources[i]);
            }
            for (int r = 0; r < s.ids.length; r++) {
                sourceOf[n] = sourceIndex[s.sourceOf[r]];
                ids[n++] = s.ids[r];
            }
            records[k] = new SnapshotRecords.Segment(s.keys, s.dictionaries, s.codes);
        }
        // the records' keys and values are made Strings when asked for (a run that keeps their normalised values
        // and blocking keys asks for a few)
        SnapshotRecords lazy = new SnapshotRecords(records, sourceOf);
        builder.lazyFirst(lazy);
        if (kept == null) {
            LOG.info("record snapshot: a segment without normalised values; the run normalises all records");
        }
        return new Read(ids, rules < 0 ? null : keys(keyData, counts, rules), kept == null ? null : kept.build(),
                lazy);
    }

    /** The blocking keys kept with the segments, or {@code null} when a segment has none or they do not decode. */
    private static RecordKeys keys(List<byte[]> keyData, List<Integer> counts, int rules) {
        List<RecordKeys> parts = new ArrayList<>(keyData.size());
        try {
            for (int s = 0; s < keyData.size(); s++) {
                if (keyData.get(s) == null) {
                    LOG.info("record snapshot: a segment without blocking keys; the run computes all keys");
                    return null;
                }
                parts.add(RecordKeys.decode(keyData.get(s), rules, counts.get(s)));
            }
        } catch (RuntimeException e) {
            LOG.warn("record snapshot: blocking keys unreadable ({}); the run computes all keys", e.toString());
            return null;
        }
        return RecordKeys.concat(parts);
    }

    /**
     * Writes segments for the records of the table from index {@code from} on (those the run read from the records
     * table) and deletes segments of other fingerprints, or all segments when {@code from} is 0 (a rebuild).
     */
    static void write(Connection c, String fingerprint, String at, long[] ids, RecordTable table, int from)
            throws SQLException {
        write(c, fingerprint, at, ids, table, from, null);
    }

    /**
     * As {@link #write(Connection, String, String, long[], RecordTable, int)}, with the blocking keys of the records
     * written ({@code keys} holds those of the records from {@code from} on; {@code null}: none kept).
     */
    static void write(Connection c, String fingerprint, String at, long[] ids, RecordTable table, int from,
                      RecordKeys keys) throws SQLException {
        write(c, fingerprint, at, ids, table, from, keys, null);
    }

    /**
     * As {@link #write(Connection, String, String, long[], RecordTable, int, RecordKeys)}, with the records'
     * normalised values kept ({@code prepared}: the run's prepared records over the same table; {@code null}: the
     * segments keep none, and runs normalise all records until the snapshot is rebuilt).
     */
    static void write(Connection c, String fingerprint, String at, long[] ids, RecordTable table, int from,
                      RecordKeys keys, de.grw.matching.data.PreparedRecords prepared) throws SQLException {
        if (prepared != null && (prepared.table() != table || prepared.size() != ids.length)) {
            throw new IllegalArgumentException("the prepared records are of another table");
        }
        if (keys != null && keys.count() != ids.length - from) {
            throw new IllegalArgumentException("keys of " + keys.count() + " records for " + (ids.length - from));
        }
        if (from == 0) {
            Sql.update(c, "DELETE FROM record_snapshots");
        } else {
            // another run may have written segments since this one read: no segment may overlap the new ones
            Sql.update(c, "DELETE FROM record_snapshots WHERE fingerprint <> ? OR last_record_id >= ?", fingerprint,
                    ids[from]);
        }
        for (int start = from; start < ids.length; start += SEGMENT_RECORDS) {
            int end = Math.min(ids.length, start + SEGMENT_RECORDS);
            long sum = 0;
            for (int i = start; i < end; i++) {
                sum += ids[i];
            }
            byte[] blockKeys = keys == null ? null : keys.slice(start - from, end - from).encode();
            Sql.update(c, "INSERT INTO record_snapshots(fingerprint, first_record_id, last_record_id, record_count, "
                    + "id_sum, created_at, data, block_keys) VALUES (?,?,?,?,?,?,?,?)", fingerprint, ids[start],
                    ids[end - 1], end - start, sum, at, encode(ids, table, start, end, prepared), blockKeys);
        }
    }

    static byte[] encode(long[] ids, RecordTable table, int start, int end) {
        return encode(ids, table, start, end, null);
    }

    /**
     * A segment of format {@link #FORMAT}: after each field's dictionary and codes the field's normalised values
     * (count, then each either as the index of the dictionary entry it equals or as a string, then per dictionary
     * entry the index of its normalised value, -1 for none), or -1 when {@code prepared} is {@code null}. The
     * normalised values are numbered by the first dictionary entry that gives each, which is their order of first
     * occurrence among the records (the dictionary is in that order).
     */
    static byte[] encode(long[] ids, RecordTable table, int start, int end,
                         de.grw.matching.data.PreparedRecords prepared) {
        int n = end - start;
        int fields = table.fieldCount();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(n * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(fields);
            out.writeInt(n);
            Map<Integer, Integer> localSource = new HashMap<>();
            List<String> sourceNames = new ArrayList<>();
            int[] sourceOf = new int[n];
            for (int r = 0; r < n; r++) {
                int global = table.sourceIndex(start + r);
                sourceOf[r] = localSource.computeIfAbsent(global, g -> {
                    sourceNames.add(table.sourceNames().get(g));
                    return sourceNames.size() - 1;
                });
            }
            out.writeInt(sourceNames.size());
            for (String name : sourceNames) {
                writeString(out, name);
            }
            for (int r = 0; r < n; r++) {
                out.writeLong(ids[start + r]);
            }
            for (int r = 0; r < n; r++) {
                out.writeInt(sourceOf[r]);
            }
            for (int r = 0; r < n; r++) {
                writeString(out, table.recordId(start + r));
            }
            for (int f = 0; f < fields; f++) {
                Map<String, Integer> dictionary = new HashMap<>();
                List<String> distinct = new ArrayList<>();
                int[] codes = new int[n];
                for (int r = 0; r < n; r++) {
                    String v = table.value(start + r, f);
                    codes[r] = v == null ? -1 : dictionary.computeIfAbsent(v, k -> {
                        distinct.add(k);
                        return distinct.size() - 1;
                    });
                }
                out.writeInt(distinct.size());
                for (String v : distinct) {
                    writeString(out, v);
                }
                for (int code : codes) {
                    out.writeInt(code);
                }
                NormalisedValuesCodec.write(out, prepared == null ? null : prepared.field(f), start, distinct, codes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A decoded segment; {@code normalised[f]} the distinct normalised values of field f and
     * {@code normalisedOf[f][code]} the one of each dictionary entry (both {@code null} when the segment keeps none).
     */
    private record Segment(String[] sources, long[] ids, int[] sourceOf, SnapshotRecords.Strings keys,
                           SnapshotRecords.Strings[] dictionaries, int[][] codes, String[][] normalised,
                           int[][] normalisedOf) {
    }

    static Segment decode(byte[] data, int fieldCount) {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.getInt() != MAGIC) {
            throw new IllegalStateException("not a record snapshot");
        }
        int format = in.getInt();
        if (format != 1 && format != FORMAT) {
            throw new IllegalStateException("not a record snapshot of format 1 or " + FORMAT);
        }
        if (in.getInt() != fieldCount) {
            throw new IllegalStateException("another number of fields");
        }
        int n = count(in, 8);
        String[] sources = new String[count(in, 4)];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = readString(in);
        }
        long[] ids = new long[n];
        for (int r = 0; r < n; r++) {
            ids[r] = in.getLong();
        }
        int[] sourceOf = new int[n];
        for (int r = 0; r < n; r++) {
            sourceOf[r] = in.getInt();
            if (sourceOf[r] < 0 || sourceOf[r] >= sources.length) {
                throw new IllegalStateException("source index out of range");
            }
        }
        SnapshotRecords.Strings keys = SnapshotRecords.Strings.skip(in, n);
        SnapshotRecords.Strings[] dictionaries = new SnapshotRecords.Strings[fieldCount];
        int[][] codes = new int[fieldCount][n];
        String[][] normalised = format == 1 ? null : new String[fieldCount][];
        int[][] normalisedOf = format == 1 ? null : new int[fieldCount][];
        for (int f = 0; f < fieldCount; f++) {
            dictionaries[f] = SnapshotRecords.Strings.skip(in, count(in, 4));
            int entries = dictionaries[f].size();
            for (int r = 0; r < n; r++) {
                codes[f][r] = in.getInt();
                if (codes[f][r] >= entries || codes[f][r] < -1) {
                    throw new IllegalStateException("value index out of range");
                }
            }
            if (format != 1) {
                NormalisedValuesCodec.Field field = NormalisedValuesCodec.read(in, dictionaries[f]::get, entries);
                if (field == null) {
                    // a segment written without normalised values: none for any field
                    if (f > 0 && normalised != null) {
                        throw new IllegalStateException("normalised values of some fields only");
                    }
                    normalised = null;
                    normalisedOf = null;
                    continue;
                }
                if (normalised == null) {
                    throw new IllegalStateException("normalised values of some fields only");
                }
                normalised[f] = field.values();
                normalisedOf[f] = field.of();
            }
        }
        if (in.hasRemaining()) {
            throw new IllegalStateException("trailing bytes");
        }
        return new Segment(sources, ids, sourceOf, keys, dictionaries, codes, normalised, normalisedOf);
    }

    /** A count read from the segment, checked against what is left of it (each item takes at least so many bytes). */
    private static int count(ByteBuffer in, int bytesEach) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / bytesEach) {
            throw new IllegalStateException("count " + n + " beyond the segment's length");
        }
        return n;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        NormalisedValuesCodec.writeString(out, s);
    }

    static String readString(ByteBuffer in) {
        return NormalisedValuesCodec.readString(in);
    }
}
