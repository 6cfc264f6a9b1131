package de.grw.workspace;

import de.grw.matching.data.LazyRecords;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The records a {@link RecordSnapshot} holds, as the first records of a run's table, each record key and value made a
 * String only when asked for: a run that takes the normalised values and blocking keys from the snapshot asks for the
 * original values of a few hundred records it checks them on (and of any record something else reads), instead of
 * decoding every value and entering it into the table's dictionaries (with the look-up per distinct value and segment
 * that was most of reading a snapshot). The segments' bytes are kept for the run.
 */
final class SnapshotRecords implements LazyRecords {
    /**
     * Length-prefixed UTF-8 strings (-1: {@code null}) in a segment's bytes, found by their positions and each made
     * a String once, when first asked for. Concurrent readers at worst make one twice.
     */
    static final class Strings {
        private final ByteBuffer data;
        private final int[] at;
        private final String[] made;

        private Strings(ByteBuffer data, int[] at) {
            this.data = data;
            this.at = at;
            this.made = new String[at.length];
        }

        /** The next {@code n} strings of {@code in} (its position moves past them), none made yet. */
        static Strings skip(ByteBuffer in, int n) {
            int[] at = new int[n];
            for (int i = 0; i < n; i++) {
                at[i] = in.position();
                int length = in.getInt();
                if (length > in.remaining()) {
                    throw new IllegalStateException("string of " + length + " bytes beyond the segment's length");
                }
                if (length > 0) {
                    in.position(in.position() + length);
                }
            }
            return new Strings(in, at);
        }

        int size() {
            return at.length;
        }

        String get(int i) {
            String s = made[i];
            if (s == null) {
                int position = at[i];
                int length = data.getInt(position);
                if (length < 0) {
                    return null;
                }
                s = new String(data.array(), position + 4, length, StandardCharsets.UTF_8);
                made[i] = s;
            }
            return s;
        }

        /** How many strings were made so far (tests: what a run read). */
        int madeCount() {
            int count = 0;
            for (String s : made) {
                count += s == null ? 0 : 1;
            }
            return count;
        }
    }

    /** One segment's records: their keys, per field the dictionary and each record's code in it (-1: none). */
    record Segment(Strings keys, Strings[] dictionaries, int[][] codes) {
    }

    private final Segment[] segments;
    /** The index of each segment's first record. */
    private final int[] starts;
    private final int[] sourceOf;

    /** @param sourceOf each record's source as the table's builder registered it */
    SnapshotRecords(Segment[] segments, int[] sourceOf) {
        this.segments = segments;
        this.sourceOf = sourceOf;
        this.starts = new int[segments.length];
        int n = 0;
        for (int s = 0; s < segments.length; s++) {
            starts[s] = n;
            n += segments[s].keys.size();
        }
        if (n != sourceOf.length) {
            throw new IllegalArgumentException(n + " records in segments, " + sourceOf.length + " sources");
        }
    }

    @Override
    public int size() {
        return sourceOf.length;
    }

    @Override
    public int sourceIndex(int record) {
        return sourceOf[record];
    }

    @Override
    public String recordId(int record) {
        int s = segmentOf(record);
        return segments[s].keys.get(record - starts[s]);
    }

    @Override
    public String value(int record, int field) {
        int s = segmentOf(record);
        int code = segments[s].codes[field][record - starts[s]];
        return code < 0 ? null : segments[s].dictionaries[field].get(code);
    }

    /** How many record keys and values were made Strings so far (tests: what a run read of these records). */
    int madeCount() {
        int count = 0;
        for (Segment s : segments) {
            count += s.keys.madeCount();
            for (Strings d : s.dictionaries) {
                count += d.madeCount();
            }
        }
        return count;
    }

    /** How many record keys and dictionary entries the segments hold. */
    int stringCount() {
        int count = 0;
        for (Segment s : segments) {
            count += s.keys.size();
            for (Strings d : s.dictionaries) {
                count += d.size();
            }
        }
        return count;
    }

    private int segmentOf(int record) {
        if (record < 0 || record >= sourceOf.length) {
            throw new IndexOutOfBoundsException("record " + record + " of " + sourceOf.length);
        }
        int s = java.util.Arrays.binarySearch(starts, record);
        if (s >= 0) {
            // empty segments share their start with the next: the last of equal starts holds the record
            while (s + 1 < starts.length && starts[s + 1] == record) {
                s++;
            }
            return s;
        }
        return -s - 2;
    }
}
