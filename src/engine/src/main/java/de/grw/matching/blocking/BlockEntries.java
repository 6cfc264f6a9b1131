package de.grw.matching.blocking;

import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.util.LongList;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.List;

/**
 * The blocking keys of a slice of the records, for forming blocks elsewhere than in {@link Blocker} (the Spark job of
 * issue 17 groups them across machines and expands each block with {@link Blocker#expandBlock}).
 */
public final class BlockEntries {
    private BlockEntries() {
    }

    /**
     * A rule's key entries ({@code key << Blocker.recordBits(n) | record}) of the records from {@code from}
     * (inclusive) to {@code to}, unsorted: a block is the records whose entries have the same
     * {@code entry >>> recordBits(n)}, exactly as {@link Blocker} forms it. {@code withKey[0]} receives how many of
     * those records have a key.
     */
    public static long[] of(BlockingRuleSpec rule, PreparedRecords records, int from, int to, long[] withKey) {
        BlockingKeys keyer = new BlockingKeys(rule, records);
        int recordBits = BlockingKeys.recordBits(records.size());
        LongList out = new LongList(Math.max(16, to - from));
        long keyed = 0;
        for (int r = from; r < to; r++) {
            if (keyer.addEntries(r, recordBits, out)) {
                keyed++;
            }
        }
        withKey[0] = keyed;
        return out.toArray();
    }

    /** The fields an oversized block's window is sorted by: those of the profile's sort key. */
    public static List<PreparedField> sortFields(MatchProfile profile, PreparedRecords records) {
        return profile.sortKey().stream().map(records::field).toList();
    }
}
