package de.grw.linking;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.TestRecords;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.blocking.CandidatePairs;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.profile.BlockingLimits;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The blocks of the link index pair a record with exactly the records the batch's {@link Blocker} pairs it with, for
 * one rule at a time: blocks within the limit whole, oversized blocks by the window in sort-key order (put in that
 * order when the index is built), for a stored record and for one arriving after all others.
 */
class LinkBlocksTest {
    /** Few names, so that blocks are large: with a limit of 6 and a window of 3 most are windowed. */
    private static final MatchProfile TIGHT = TestRecords.withBlocking(TestRecords.PERSON,
            TestRecords.PERSON.blocking(), new BlockingLimits(6, 3, 0));

    private static List<Map<String, String>> rows(int count, long seed) {
        String[] family = {"Müller", "Mueller", "Schmidt", "Schmitt", "Meier", "Meyer", "Özdemir", "Schulz"};
        String[] given = {"Anna", "Hans", "Hans-Peter", "Karl Heinz", "Maria", "Jürgen"};
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // some records lack a sort-key value, so empty parts take part in the order too
            String birth = random.nextInt(10) == 0 ? null
                    : String.format("19%02d-%02d-%02d", 50 + random.nextInt(4), 1 + random.nextInt(2),
                            1 + random.nextInt(3));
            Map<String, String> row = TestRecords.row("family_name", family[random.nextInt(family.length)],
                    "given_names", given[random.nextInt(given.length)], "postal_code",
                    "1011" + random.nextInt(3));
            if (birth != null) {
                row.put("birth_date", birth);
            }
            rows.add(row);
        }
        return rows;
    }

    private static PreparedRecords prepare(MatchProfile profile, List<Map<String, String>> rows) {
        RecordTable table = TestRecords.table(profile, rows);
        return PreparedRecords.prepare(table, profile, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static LinkBlocks.SortOrder order(MatchProfile profile, PreparedRecords records) {
        return LinkBlocks.SortOrder.of(profile.sortKey().stream().map(records::field).toList(), records.size());
    }

    /** The partners of {@code record} among the batch's pairs of one rule. */
    private static TreeSet<Integer> batchPartners(MatchProfile profile, PreparedRecords records, BlockingRuleSpec rule,
                                                  int record) {
        long[] pairs = new Blocker(profile, records, false).pairsOf(rule, Integer.MAX_VALUE, CancellationToken.NONE);
        TreeSet<Integer> out = new TreeSet<>();
        for (long p : pairs) {
            int a = CandidatePairs.first(p);
            int b = CandidatePairs.second(p);
            if (a == record) {
                out.add(b);
            } else if (b == record) {
                out.add(a);
            }
        }
        return out;
    }

    private static TreeSet<Integer> collected(LinkBlocks blocks, long[] keys, int self, int rank,
                                              LinkBlocks.SortOrder order) {
        LinkBlocks.IntBag bag = new LinkBlocks.IntBag();
        if (keys != null) {
            for (long k : keys) {
                blocks.collect(k, self, rank, null, order, new int[0], null, bag);
            }
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (int r : bag.sortedDistinct()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void aStoredRecordGetsTheBatchsPartnersRuleByRule() {
        PreparedRecords records = prepare(TIGHT, rows(400, 7));
        LinkBlocks.SortOrder order = order(TIGHT, records);
        int windowed = 0;
        for (BlockingRuleSpec rule : TIGHT.blocking()) {
            LinkBlocks blocks = LinkBlocks.build(rule, TIGHT, records, order);
            windowed += blocks.windowedBlocks();
            long[][] keys = Blocker.recordKeys(rule, records);
            for (int r = 0; r < records.size(); r += 7) {
                assertThat(collected(blocks, keys[r], r, order.rank(r), order))
                        .as("rule %s, record %d", rule.name(), r)
                        .isEqualTo(batchPartners(TIGHT, records, rule, r));
            }
        }
        assertThat(windowed).as("blocks put in window order").isGreaterThan(10);
    }

    @Test
    void anIncomingRecordGetsThePartnersABatchOverAllRecordsWouldGiveTheLastOne() {
        List<Map<String, String>> stored = rows(300, 11);
        List<Map<String, String>> incoming = rows(40, 12);
        PreparedRecords records = prepare(TIGHT, stored);
        LinkBlocks.SortOrder order = order(TIGHT, records);
        List<LinkBlocks> rules = TIGHT.blocking().stream().map(r -> LinkBlocks.build(r, TIGHT, records, order)).toList();
        for (Map<String, String> row : incoming) {
            List<Map<String, String>> all = new ArrayList<>(stored);
            all.add(row);
            PreparedRecords withIt = prepare(TIGHT, all);
            int last = stored.size();
            String sortKey = Blocker.sortKey(last, TIGHT.sortKey().stream().map(withIt::field).toList());
            for (int r = 0; r < rules.size(); r++) {
                BlockingRuleSpec rule = TIGHT.blocking().get(r);
                long[] keys = Blocker.recordKeys(rule, withIt)[last];
                assertThat(collected(rules.get(r), keys, -1, order.placeOf(sortKey), order))
                        .as("rule %s, incoming %s", rule.name(), row)
                        .isEqualTo(batchPartners(TIGHT, withIt, rule, last));
            }
        }
    }

    @Test
    void theSortOrderComparesAKeyWithARecordsKeyAsStringsCompare() {
        PreparedRecords records = prepare(TIGHT, rows(120, 3));
        LinkBlocks.SortOrder order = order(TIGHT, records);
        var fields = TIGHT.sortKey().stream().map(records::field).toList();
        List<String> probes = new ArrayList<>(List.of("", "|", "||", "|||", "m", "mueller|", "mueller|hans|",
                "mueller|hans|19500101|x", "zz", "a|b|c|"));
        for (int r = 0; r < records.size(); r += 5) {
            String key = Blocker.sortKey(r, fields);
            probes.add(key);
            probes.add(key.substring(0, key.length() - 1));
            probes.add(key + "a");
        }
        for (String probe : probes) {
            int before = 0;
            for (int r = 0; r < records.size(); r++) {
                String key = Blocker.sortKey(r, fields);
                assertThat(Integer.signum(order.compare(probe, r))).as("%s vs %s", probe, key)
                        .isEqualTo(Integer.signum(probe.compareTo(key)));
                before += key.compareTo(probe) <= 0 ? 1 : 0;
            }
            assertThat(order.placeOf(probe)).as(probe).isEqualTo(before);
        }
        for (int rank = 1; rank < records.size(); rank++) {
            String previous = Blocker.sortKey(order.record(rank - 1), fields);
            String current = Blocker.sortKey(order.record(rank), fields);
            assertThat(previous.compareTo(current) < 0
                    || previous.equals(current) && order.record(rank - 1) < order.record(rank)).isTrue();
            assertThat(order.rank(order.record(rank))).isEqualTo(rank);
        }
    }

    @Test
    void theBagGivesEachRecordOnceAscending() {
        LinkBlocks.IntBag bag = new LinkBlocks.IntBag();
        for (int i = 0; i < 100; i++) {
            bag.add((i * 37) % 50);
        }
        int[] out = bag.sortedDistinct();
        assertThat(out).hasSize(50);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isEqualTo(i);
        }
    }
}
