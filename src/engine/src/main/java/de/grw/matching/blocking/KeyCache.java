package de.grw.matching.blocking;

import de.grw.common.CancellationToken;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.MatchProfile;
import java.util.List;

/**
 * Blocking keys kept between match runs. Given the keys of the first records of a run (kept with the workspace's
 * record snapshot), the run computes only those of the records after them; before it trusts the kept keys it
 * computes a sample of them afresh, so that keys kept by a build whose normalisers or key transforms differ are
 * dropped (then every record's keys are computed, as without kept keys). One cache serves one run.
 */
public final class KeyCache {
    /** About how many kept records are checked against keys computed afresh. */
    static final int SAMPLE = 512;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyCache.class);
    private final RecordKeys known;
    private RecordKeys computed;
    private int computedFrom;

    /** @param known the keys of the first records of the run ({@code null}: none kept) */
    public KeyCache(RecordKeys known) {
        this.known = known;
    }

    /** A cache without kept keys: the run computes all and they can be kept afterwards. */
    public static KeyCache none() {
        return new KeyCache(null);
    }

    /**
     * Every record's keys: the kept ones if they cover no more than the records and pass the check, the rest
     * computed, as parts in record order (not copied into one). Remembers what was computed for {@link #computed()}.
     */
    public synchronized List<RecordKeys> parts(MatchProfile profile, PreparedRecords records, CancellationToken cancel) {
        int n = records.size();
        boolean fits = known != null && known.count() > 0 && known.count() <= n
                && known.rules() == profile.blocking().size();
        if (!fits) {
            computedFrom = 0;
            computed = RecordKeys.compute(profile, records, 0, n, cancel);
            return List.of(computed);
        }
        // the sample of kept records and the records after them in one pass (a rule's keyer transforms every
        // distinct value of its fields once)
        int k = known.count();
        int step = Math.max(1, k / SAMPLE);
        int[] sample = java.util.stream.IntStream.iterate(0, i -> i < k, i -> i + step).toArray();
        int[] wanted = new int[sample.length + n - k];
        System.arraycopy(sample, 0, wanted, 0, sample.length);
        for (int i = k; i < n; i++) {
            wanted[sample.length + i - k] = i;
        }
        RecordKeys fresh = RecordKeys.compute(profile, records, wanted, cancel);
        for (int j = 0; j < sample.length; j++) {
            if (!known.sameAs(sample[j], fresh, j)) {
                LOG.warn("kept blocking keys differ from keys computed afresh (record {}); computing all keys",
                        sample[j]);
                computedFrom = 0;
                computed = RecordKeys.compute(profile, records, 0, n, cancel);
                return List.of(computed);
            }
        }
        computedFrom = k;
        computed = fresh.slice(sample.length, wanted.length);
        return computed.count() == 0 ? List.of(known) : List.of(known, computed);
    }

    /** Every record's keys in one (see {@link #parts}). */
    public RecordKeys all(MatchProfile profile, PreparedRecords records, CancellationToken cancel) {
        List<RecordKeys> parts = parts(profile, records, cancel);
        return parts.size() == 1 ? parts.get(0) : RecordKeys.concat(parts);
    }

    /** The keys the run computed (of the records from {@link #computedFrom()} on); {@code null} before the run. */
    public synchronized RecordKeys computed() {
        return computed;
    }

    /**
     * The keys of all records of the run, kept and computed, when it has them all ({@code null} before the run or
     * when the kept ones covered other records): what a snapshot written afresh keeps.
     */
    public synchronized RecordKeys everyRecord() {
        if (computed == null) {
            return null;
        }
        if (computedFrom == 0) {
            return computed;
        }
        if (known == null || computedFrom != known.count()) {
            return null;
        }
        return computed.count() == 0 ? known : RecordKeys.concat(List.of(known, computed));
    }

    /** The index of the first record whose keys the run computed (0 when it computed all). */
    public synchronized int computedFrom() {
        return computedFrom;
    }
}
