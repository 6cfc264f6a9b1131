package de.grw.matching.blocking;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.TestRecords;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.BlockingLimits;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.KeyPartSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A full run's pairs formed in ranges of their first record are exactly those of expanding every rule at once (the
 * blocker's path for seeds, with every record a seed, still does that): pairs, order and each rule's statistics, with
 * full blocks, windowed blocks, a rule that leaves its oversized blocks out, link-only mode and a filter.
 */
class RangedCandidatesTest {
    private static final String[] FAMILY = {"Müller", "Schmidt", "Meier", "Schulz", "Wagner", "Becker", "Hoffmann",
        "Koch", "Richter", "Klein"};
    private static final String[] GIVEN = {"Anna", "Berta", "Clara", "Dora", "Emma", "Frieda", "Greta", "Hanna",
        "Ida", "Jana", "Karl", "Ludwig", "Otto", "Paul"};

    private static KeyPartSpec part(String field, String transform) {
        return new KeyPartSpec(field, List.of(), transform, 0);
    }

    private static MatchProfile profile() {
        return TestRecords.withBlocking(PERSON, List.of(
                new BlockingRuleSpec("family", List.of(part("family_name", "exact")), false),
                new BlockingRuleSpec("given", List.of(part("given_names", "exact")), false),
                new BlockingRuleSpec("both", List.of(part("family_name", "exact"), part("given_names", "exact")),
                        false),
                new BlockingRuleSpec("year", List.of(part("birth_date", "year")), false, 12)),
                new BlockingLimits(40, 5, 0));
    }

    private static PreparedRecords records(MatchProfile p, int n, long seed) {
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rows.add(row("source", r % 3 == 0 ? "a" : "b",
                    "family_name", FAMILY[random.nextInt(FAMILY.length)],
                    "given_names", GIVEN[random.nextInt(GIVEN.length)],
                    "birth_date", (1930 + random.nextInt(40)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10)));
        }
        return TestRecords.prepare(p, rows);
    }

    /** The pairs of every rule expanded at once: the seeded path with every record a seed. */
    private static CandidatePairs allAtOnce(MatchProfile p, PreparedRecords records, boolean linkOnly,
                                            Blocker.PairFilter filter) {
        boolean[] all = new boolean[records.size()];
        Arrays.fill(all, true);
        return new Blocker(p, records, linkOnly, filter, all).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
    }

    private static CandidatePairs ranged(MatchProfile p, PreparedRecords records, boolean linkOnly,
                                         Blocker.PairFilter filter, long rangePairs) {
        Blocker blocker = new Blocker(p, records, linkOnly, filter);
        List<PreparedField> sortFields = BlockEntries.sortFields(p, records);
        return new RangedCandidates(blocker, records.size(), rangePairs).candidates(p.blocking(),
                (r, withKey) -> BlockingKeys.sortedEntries(p.blocking().get(r), records, null, withKey),
                sortFields, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void pairsInRangesAreThoseOfAllRulesAtOnce() {
        MatchProfile p = profile();
        PreparedRecords records = records(p, 1_500, 3);
        boolean[] odd = new boolean[records.size()];
        for (int r = 0; r < odd.length; r++) {
            odd[r] = r % 4 != 1;
        }
        for (boolean linkOnly : new boolean[] {false, true}) {
            for (Blocker.PairFilter filter : List.<Blocker.PairFilter>of(Blocker.PairFilter.ALL,
                    (a, b) -> odd[a] && odd[b])) {
                CandidatePairs expected = allAtOnce(p, records, linkOnly, filter);
                assertThat(expected.size()).isGreaterThan(2_000);
                // windows and left-out blocks happened, so both kinds of oversized block are covered
                assertThat(expected.stats().get(0).oversizedBlocks()).isPositive();
                assertThat(expected.stats().get(3).pairsLeftOut()).isPositive();
                // one range, a few ranges, a range per bucket of first records
                for (long rangePairs : new long[] {Long.MAX_VALUE, 5_000, 1}) {
                    CandidatePairs ranged = ranged(p, records, linkOnly, filter, rangePairs);
                    assertThat(ranged.pairs()).containsExactly(expected.pairs());
                    assertThat(ranged.stats()).isEqualTo(expected.stats());
                }
                // the blocker's own full run takes the ranged path
                CandidatePairs full = new Blocker(p, records, linkOnly, filter).candidates(ProgressListener.NONE,
                        CancellationToken.NONE);
                assertThat(full.pairs()).containsExactly(expected.pairs());
                assertThat(full.stats()).isEqualTo(expected.stats());
            }
        }
    }

    @Test
    void aPlannedFullRunGivesTheSamePairsInRanges() {
        MatchProfile p = profile();
        PreparedRecords records = records(p, 800, 9);
        CandidatePairs planned = new Blocker(p, records, false, Blocker.PairFilter.ALL, null,
                KeyPlan.of(p, records, CancellationToken.NONE)).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
        CandidatePairs expected = allAtOnce(p, records, false, Blocker.PairFilter.ALL);
        assertThat(planned.pairs()).containsExactly(expected.pairs());
        assertThat(planned.stats()).isEqualTo(expected.stats());
    }
}
