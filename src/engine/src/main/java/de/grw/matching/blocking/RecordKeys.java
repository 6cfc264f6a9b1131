package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.util.LongList;
import de.grw.profile.MatchProfile;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocking keys of a run of consecutive records: per blocking rule of the profile, each record's key hashes
 * (none when a part of the rule has no value), as {@link Blocker#recordKeys} computes them. Blocks are formed from
 * these; a workspace keeps them with its record snapshot so that an incremental run computes keys only for the
 * records that are new. Immutable.
 */
public final class RecordKeys {
    private static final int MAGIC = 0x47524b59;
    private final int count;
    /** Per rule, where each record's keys start in {@link #keys} ({@code count + 1} offsets). */
    private final int[][] start;
    private final long[][] keys;

    private RecordKeys(int count, int[][] start, long[][] keys) {
        this.count = count;
        this.start = start;
        this.keys = keys;
    }

    /** Keys of no record, for {@code rules} rules. */
    public static RecordKeys empty(int rules) {
        int[][] start = new int[rules][];
        long[][] keys = new long[rules][];
        for (int r = 0; r < rules; r++) {
            start[r] = new int[1];
            keys[r] = new long[0];
        }
        return new RecordKeys(0, start, keys);
    }

    /** Computes the keys of the records {@code from} (inclusive) to {@code to} (exclusive), one task per rule. */
    public static RecordKeys compute(MatchProfile profile, PreparedRecords records, int from, int to,
                                     CancellationToken cancel) {
        return compute(profile, records, to - from, i -> from + i, cancel);
    }

    /** Computes the keys of the given records (by index), in that order. */
    public static RecordKeys compute(MatchProfile profile, PreparedRecords records, int[] indexes,
                                     CancellationToken cancel) {
        return compute(profile, records, indexes.length, i -> indexes[i], cancel);
    }

    private static RecordKeys compute(MatchProfile profile, PreparedRecords records, int n,
                                      java.util.function.IntUnaryOperator record, CancellationToken cancel) {
        int rules = profile.blocking().size();
        int[][] start = new int[rules][];
        long[][] keys = new long[rules][];
        IntStream.range(0, rules).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            BlockingKeys keyer = new BlockingKeys(profile.blocking().get(r), records);
            int[] s = new int[n + 1];
            LongList out = new LongList(Math.max(16, n + n / 4));
            for (int i = 0; i < n; i++) {
                keyer.addKeys(record.applyAsInt(i), out);
                s[i + 1] = out.size();
            }
            start[r] = s;
            keys[r] = out.toArray();
        });
        return new RecordKeys(n, start, keys);
    }

    /** The keys of several runs of records, one after the other (all of the same rules). */
    public static RecordKeys concat(List<RecordKeys> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int rules = parts.get(0).rules();
        int count = 0;
        for (RecordKeys p : parts) {
            if (p.rules() != rules) {
                throw new IllegalArgumentException("keys of another number of rules");
            }
            count += p.count;
        }
        int[][] start = new int[rules][];
        long[][] keys = new long[rules][];
        for (int r = 0; r < rules; r++) {
            long total = 0;
            for (RecordKeys p : parts) {
                total += p.keys[r].length;
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many keys for rule " + r);
            }
            int[] s = new int[count + 1];
            long[] k = new long[(int) total];
            int records = 0;
            int pos = 0;
            for (RecordKeys p : parts) {
                for (int i = 0; i < p.count; i++) {
                    s[records + i + 1] = pos + p.start[r][i + 1];
                }
                System.arraycopy(p.keys[r], 0, k, pos, p.keys[r].length);
                records += p.count;
                pos += p.keys[r].length;
            }
            start[r] = s;
            keys[r] = k;
        }
        return new RecordKeys(count, start, keys);
    }

    /** The keys of the records {@code from} (inclusive) to {@code to} (exclusive) of these. */
    public RecordKeys slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to + " of " + count);
        }
        int rules = rules();
        int[][] s = new int[rules][];
        long[][] k = new long[rules][];
        for (int r = 0; r < rules; r++) {
            int base = start[r][from];
            s[r] = new int[to - from + 1];
            for (int i = from; i <= to; i++) {
                s[r][i - from] = start[r][i] - base;
            }
            k[r] = Arrays.copyOfRange(keys[r], base, start[r][to]);
        }
        return new RecordKeys(to - from, s, k);
    }

    /** Records covered. */
    public int count() {
        return count;
    }

    /** Blocking rules covered. */
    public int rules() {
        return start.length;
    }

    /** A record's key hashes under a rule (empty: the record has no key there). */
    public long[] keys(int rule, int record) {
        return Arrays.copyOfRange(keys[rule], start[rule][record], start[rule][record + 1]);
    }

    /**
     * The rule's entries ({@code key << recordBits | record}) of these records, taken as records 0 to count - 1 of
     * {@code n} records; {@code withKey[0]} receives the number of records with a key.
     */
    long[] entries(int rule, int n, long[] withKey) {
        long[] out = new long[keys[rule].length];
        withKey[0] = entries(rule, n, 0, out, 0);
        return out;
    }

    /**
     * Writes the rule's entries of these records, taken as records {@code first} on of {@code n}, into {@code out}
     * from {@code at}; returns how many of them have a key.
     */
    long entries(int rule, int n, int first, long[] out, int at) {
        int recordBits = BlockingKeys.recordBits(n);
        int[] s = start[rule];
        long[] k = keys[rule];
        long keyed = 0;
        for (int i = 0; i < count; i++) {
            keyed += s[i + 1] > s[i] ? 1 : 0;
            for (int j = s[i]; j < s[i + 1]; j++) {
                out[at + j] = (k[j] << recordBits) | (first + i);
            }
        }
        return keyed;
    }

    /** How many keys the records have under a rule. */
    int keyCount(int rule) {
        return keys[rule].length;
    }

    /** Bytes of the encoded form. */
    public byte[] encode() {
        long size = 12;
        for (int r = 0; r < rules(); r++) {
            size += 4 + 4L * count + 8L * keys[r].length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("keys too large to encode");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC).putInt(rules()).putInt(count);
        for (int r = 0; r < rules(); r++) {
            out.putInt(keys[r].length);
            for (int i = 0; i < count; i++) {
                out.putInt(start[r][i + 1] - start[r][i]);
            }
            for (long k : keys[r]) {
                out.putLong(k);
            }
        }
        return out.array();
    }

    /**
     * Decodes {@link #encode()}'s bytes, checked against the expected rules and records; a damaged or foreign
     * encoding is refused with an {@link IllegalStateException}.
     */
    public static RecordKeys decode(byte[] data, int rules, int count) {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (data.length < 12 || in.getInt() != MAGIC) {
            throw new IllegalStateException("not blocking keys");
        }
        if (in.getInt() != rules || in.getInt() != count) {
            throw new IllegalStateException("keys of other rules or records");
        }
        int[][] start = new int[rules][];
        long[][] keys = new long[rules][];
        for (int r = 0; r < rules; r++) {
            int total = in.getInt();
            if (total < 0 || (long) total * 8 + 4L * count > in.remaining()) {
                throw new IllegalStateException("key count beyond the data");
            }
            int[] s = new int[count + 1];
            for (int i = 0; i < count; i++) {
                int c = in.getInt();
                if (c < 0 || c > total - s[i]) {
                    throw new IllegalStateException("key count out of range");
                }
                s[i + 1] = s[i] + c;
            }
            if (s[count] != total) {
                throw new IllegalStateException("key counts do not add up");
            }
            long[] k = new long[total];
            in.asLongBuffer().get(k);
            in.position(in.position() + 8 * total);
            start[r] = s;
            keys[r] = k;
        }
        if (in.hasRemaining()) {
            throw new IllegalStateException("trailing bytes");
        }
        return new RecordKeys(count, start, keys);
    }

    /** Whether the keys of a record under every rule are those {@code other} holds for its record. */
    public boolean sameAs(int record, RecordKeys other, int otherRecord) {
        for (int r = 0; r < rules(); r++) {
            if (!Arrays.equals(keys[r], start[r][record], start[r][record + 1], other.keys[r],
                    other.start[r][otherRecord], other.start[r][otherRecord + 1])) {
                return false;
            }
        }
        return true;
    }
}
