package de.grw.matching.blocking;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.TestRecords;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.BlockingLimits;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.KeyPartSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockerTest {
    /** Never compare all pairs just because the input is small. */
    private static final BlockingLimits NO_SHORTCUT = new BlockingLimits(500, 30, 0);

    private static KeyPartSpec part(String field, String transform) {
        return new KeyPartSpec(field, List.of(), transform, 0);
    }

    private static BlockingRuleSpec rule(String name, KeyPartSpec... parts) {
        return new BlockingRuleSpec(name, List.of(parts), false);
    }

    private static CandidatePairs run(List<BlockingRuleSpec> rules, BlockingLimits limits, boolean linkOnly,
                                      List<Map<String, String>> rows) {
        MatchProfile p = TestRecords.withBlocking(PERSON, rules, limits);
        PreparedRecords records = TestRecords.prepare(p, rows);
        return new Blocker(p, records, linkOnly).candidates(ProgressListener.NONE, CancellationToken.NONE);
    }

    private static List<String> pairs(CandidatePairs c) {
        List<String> out = new ArrayList<>();
        for (long p : c.pairs()) {
            out.add(CandidatePairs.first(p) + "-" + CandidatePairs.second(p));
        }
        return out;
    }

    @Test
    void packedPairsHaveTheSmallerRecordFirst() {
        long p = CandidatePairs.pack(7, 3);
        assertThat(p).isEqualTo(CandidatePairs.pack(3, 7));
        assertThat(CandidatePairs.first(p)).isEqualTo(3);
        assertThat(CandidatePairs.second(p)).isEqualTo(7);
        long big = CandidatePairs.pack(2_000_000_000, 1_999_999_999);
        assertThat(CandidatePairs.first(big)).isEqualTo(1_999_999_999);
        assertThat(CandidatePairs.second(big)).isEqualTo(2_000_000_000);
    }

    @Test
    void allPairsOfEachSmallBlock() {
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact"))), NO_SHORTCUT, false, List.of(
                row("family_name", "Müller"), row("family_name", "Schmidt"), row("family_name", "Mueller"),
                row("family_name", "Weber"), row("family_name", "Schmidt"), row("family_name", "MÜLLER"),
                row("given_names", "Hans")));
        assertThat(pairs(c)).containsExactly("0-2", "0-5", "1-4", "2-5");
        assertThat(c.stats()).containsExactly(new RuleStats("family", 6, 2, 3, 4, 0, 0));
        assertThat(c.pairsLeftOut()).isZero();
    }

    @Test
    void aRecordWithoutSomeKeyPartGetsNoKey() {
        CandidatePairs c = run(List.of(rule("family+year", part("family_name", "exact"), part("birth_date", "year"))),
                NO_SHORTCUT, false, List.of(
                        row("family_name", "Müller", "birth_date", "1950-03-12"),
                        row("family_name", "Müller", "birth_date", "1950-00-00"),
                        row("family_name", "Müller"),
                        row("family_name", "Müller", "birth_date", "1951-03-12")));
        assertThat(pairs(c)).containsExactly("0-1");
        assertThat(c.stats().get(0).recordsWithKey()).isEqualTo(3);
    }

    @Test
    void theRulesPairsAreUnitedWithoutDuplicates() {
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact")),
                        rule("dob", part("birth_date", "exact"))), NO_SHORTCUT, false, List.of(
                row("family_name", "Müller", "birth_date", "1950-03-12"),
                row("family_name", "Müller", "birth_date", "1950-03-12"),
                row("family_name", "Schulz", "birth_date", "1950-03-12"),
                row("family_name", "Weber", "birth_date", "1960-01-01")));
        assertThat(pairs(c)).containsExactly("0-1", "0-2", "1-2");
        assertThat(c.stats()).extracting(RuleStats::pairs).containsExactly(1L, 3L);
    }

    @Test
    void anOversizedBlockIsComparedInASlidingWindowAndTheLeftOutPairsCounted() {
        // ten Müllers, given names in scrambled order; the sort key orders them A..J
        String[] given = {"Dora", "Anna", "Jana", "Berta", "Hanna", "Clara", "Frieda", "Emma", "Ida", "Greta"};
        List<Map<String, String>> rows = new ArrayList<>();
        for (String g : given) {
            rows.add(row("family_name", "Müller", "given_names", g));
        }
        rows.add(row("family_name", "Schmidt", "given_names", "Otto"));
        rows.add(row("family_name", "Schmidt", "given_names", "Paul"));
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact"))),
                new BlockingLimits(5, 3, 0), false, rows);

        // sorted by given name the records are 1 A, 3 B, 5 C, 0 D, 7 E, 6 F, 9 G, 4 H, 8 I, 2 J:
        // each is paired with the next two
        int[] sorted = {1, 3, 5, 0, 7, 6, 9, 4, 8, 2};
        List<String> expected = new ArrayList<>();
        for (int x = 0; x < sorted.length; x++) {
            for (int y = x + 1; y < Math.min(sorted.length, x + 3); y++) {
                long p = CandidatePairs.pack(sorted[x], sorted[y]);
                expected.add(CandidatePairs.first(p) + "-" + CandidatePairs.second(p));
            }
        }
        expected.add("10-11");
        assertThat(pairs(c)).containsExactlyInAnyOrderElementsOf(expected).hasSize(18);
        RuleStats s = c.stats().get(0);
        assertThat(s.oversizedBlocks()).isEqualTo(1);
        assertThat(s.largestBlock()).isEqualTo(10);
        assertThat(s.pairs()).isEqualTo(17 + 1);
        // 45 pairs in the block, 8 * 2 + 1 compared in the window
        assertThat(s.pairsLeftOut()).isEqualTo(45 - 17);
        assertThat(c.pairsLeftOut()).isEqualTo(28);
    }

    @Test
    void aBlockOfExactlyTheLimitIsComparedCompletely() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row("family_name", "Müller", "given_names", "G" + i));
        }
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact"))),
                new BlockingLimits(5, 2, 0), false, rows);
        assertThat(c.size()).isEqualTo(10);
        assertThat(c.pairsLeftOut()).isZero();
        assertThat(c.stats().get(0).oversizedBlocks()).isZero();
    }

    @Test
    void pairsLeftOutAddUpOverRulesAndBlocks() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(row("family_name", "Müller", "given_names", "G" + i, "birth_date", "1950-01-01"));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(row("family_name", "Weber", "given_names", "H" + i, "birth_date", "1960-01-01"));
        }
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact")),
                        rule("dob", part("birth_date", "exact"))), new BlockingLimits(3, 2, 0), false, rows);
        // window 2: neighbours only. Block of 6: 15 pairs, 5 compared; block of 4: 6 pairs, 3 compared
        long perRule = (15 - 5) + (6 - 3);
        assertThat(c.stats()).extracting(RuleStats::pairsLeftOut).containsExactly(perRule, perRule);
        assertThat(c.pairsLeftOut()).isEqualTo(2 * perRule);
        assertThat(c.size()).isEqualTo(5 + 3);
    }

    @Test
    void linkOnlyLeavesOutPairsFromOneSource() {
        List<Map<String, String>> rows = List.of(
                row("source", "melde", "family_name", "Müller"),
                row("source", "melde", "family_name", "Müller"),
                row("source", "kfz", "family_name", "Müller"),
                row("source", "kfz", "family_name", "Mueller"));
        List<BlockingRuleSpec> rules = List.of(rule("family", part("family_name", "exact")));
        assertThat(pairs(run(rules, NO_SHORTCUT, true, rows))).containsExactly("0-2", "0-3", "1-2", "1-3");
        assertThat(pairs(run(rules, NO_SHORTCUT, false, rows))).hasSize(6);
        assertThat(pairs(run(rules, new BlockingLimits(500, 30, 1000), true, rows)))
                .as("also for small inputs").containsExactly("0-2", "0-3", "1-2", "1-3");
    }

    @Test
    void inLinkOnlyModeOnlyPairsAcrossSourcesCountAsLeftOut() {
        // six Müllers, sorted A..F by given name, from two sources: a = {A, B, E}, b = {C, D, F}
        String[][] records = {{"Anna", "a"}, {"Berta", "a"}, {"Clara", "b"}, {"Dora", "b"}, {"Emma", "a"},
            {"Frieda", "b"}};
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] r : records) {
            rows.add(row("source", r[1], "family_name", "Müller", "given_names", r[0]));
        }
        CandidatePairs c = run(List.of(rule("family", part("family_name", "exact"))), new BlockingLimits(3, 2, 0),
                true, rows);
        // the window compares neighbours; across sources that is B-C, D-E and E-F
        assertThat(pairs(c)).containsExactly("1-2", "3-4", "4-5");
        // 3 * 3 = 9 pairs across the sources, 3 of them compared; same-source pairs are never candidates
        assertThat(c.stats().get(0).pairsLeftOut()).isEqualTo(6);
        assertThat(c.stats().get(0).pairs()).isEqualTo(3);
    }

    @Test
    void anUnorderedRuleFindsSwappedNames() {
        List<Map<String, String>> rows = List.of(
                row("given_names", "Hans", "family_name", "Müller"),
                row("given_names", "Müller", "family_name", "Hans"),
                row("given_names", "Hans", "family_name", "Schmidt"));
        KeyPartSpec family = part("family_name", "phonetic_tokens");
        KeyPartSpec given = part("given_names", "phonetic_first");
        CandidatePairs unordered = run(List.of(new BlockingRuleSpec("names", List.of(family, given), true)),
                NO_SHORTCUT, false, rows);
        assertThat(pairs(unordered)).containsExactly("0-1");
        CandidatePairs ordered = run(List.of(new BlockingRuleSpec("names", List.of(family, given), false)),
                NO_SHORTCUT, false, rows);
        assertThat(pairs(ordered)).isEmpty();
    }

    @Test
    void thePersonProfilesNameSoundsRuleFindsSwappedNames() {
        BlockingRuleSpec nameSounds = PERSON.blocking().stream().filter(r -> r.name().equals("names+birth_year"))
                .findFirst().orElseThrow();
        CandidatePairs c = run(List.of(nameSounds), NO_SHORTCUT, false, List.of(
                row("given_names", "Hans", "family_name", "Meier", "birth_date", "1970-05-01"),
                row("given_names", "Meyer", "family_name", "Hans", "birth_date", "1970-01-05"),
                row("given_names", "Hanna", "family_name", "Meier", "birth_date", "1970-05-01")));
        assertThat(pairs(c)).containsExactly("0-1");
    }

    @Test
    void aPartWithSeveralFieldsAgreesWhenAnyOfThemAgrees() {
        KeyPartSpec names = new KeyPartSpec("family_name", List.of("birth_name"), "exact", 0);
        CandidatePairs c = run(List.of(rule("name", names)), NO_SHORTCUT, false, List.of(
                row("family_name", "Schmidt", "birth_name", "Müller"),
                row("family_name", "Müller"),
                row("family_name", "Weber", "birth_name", "Schmidt"),
                row("family_name", "Schulz")));
        assertThat(pairs(c)).containsExactly("0-1", "0-2");
    }

    @Test
    void doubleNamesMeetEachOfTheirParts() {
        CandidatePairs c = run(List.of(rule("sound", part("family_name", "phonetic_tokens"))), NO_SHORTCUT, false,
                List.of(row("family_name", "Müller-Schmidt"), row("family_name", "Schmitt"),
                        row("family_name", "Mueller"), row("family_name", "Weber")));
        assertThat(pairs(c)).containsExactly("0-1", "0-2");
    }

    @Test
    void smallInputsCompareAllPairs() {
        List<Map<String, String>> rows = List.of(row("family_name", "A"), row("family_name", "B"),
                row("family_name", "C"), row("family_name", "D"));
        List<BlockingRuleSpec> rules = List.of(rule("family", part("family_name", "exact")));
        CandidatePairs all = run(rules, new BlockingLimits(500, 30, 6), false, rows);
        assertThat(pairs(all)).containsExactly("0-1", "0-2", "0-3", "1-2", "1-3", "2-3");
        assertThat(all.stats()).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo("all pairs (small input)");
            assertThat(s.pairs()).isEqualTo(6);
        });
        CandidatePairs blocked = run(rules, new BlockingLimits(500, 30, 5), false, rows);
        assertThat(blocked.size()).isZero();
        assertThat(blocked.stats()).extracting(RuleStats::rule).containsExactly("family");
    }

    @Test
    void theProfilesOwnLimitComparesAllPairsOfATinyInput() {
        PreparedRecords records = TestRecords.person(row("family_name", "A"), row("family_name", "B"),
                row("family_name", "C"));
        CandidatePairs c = new Blocker(PERSON, records, false).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(c.size()).isEqualTo(3);
    }

    @Test
    void scanningAllEntriesSortedOnceKeepsExactlyTheEntriesOfTheSeedsKeys() {
        // entries over 2,000 records and 300 keys (some records with several keys, some keys repeated per record);
        // seed shares below and above the share from which a plan sorts all entries once and scans them
        int n = 2_000;
        int bits = BlockingKeys.recordBits(n);
        java.util.Random random = new java.util.Random(7);
        long[] entries = new long[5_000];
        for (int i = 0; i < entries.length; i++) {
            long key = (1L + random.nextInt(300)) * 0x9E3779B97F4A7C15L;
            entries[i] = (key & ~((1L << bits) - 1)) | random.nextInt(n);
        }
        for (int every : new int[] {1, 3, 16, 40, 500}) {
            boolean[] seeds = new boolean[n];
            for (int r = 0; r < n; r++) {
                seeds[r] = random.nextInt(every) == 0;
            }
            long[] sorted = entries.clone();
            java.util.Arrays.sort(sorted);
            long[] expected = BlockingKeys.seedEntries(entries, n, seeds);
            assertThat(expected.length).isLessThanOrEqualTo(entries.length);
            assertThat(BlockingKeys.seedBlocks(sorted, n, seeds)).containsExactly(expected);
            assertThat(BlockingKeys.manySeeds(seeds)).isEqualTo(
                    java.util.stream.IntStream.range(0, n).filter(r -> seeds[r]).count() * 16 >= n);
        }
        assertThat(BlockingKeys.seedBlocks(new long[0], n, new boolean[n])).isEmpty();
    }

    @Test
    void plansOfManySeedsThenFewGiveTheEntriesOfFreshPlans() {
        // an incremental run plans its new records (a fifth: all entries sorted once and scanned), then the few old
        // records it redoes (a scan of the entries sorted before); each plan equals one made from scratch
        String[] family = {"Müller", "Schmidt", "Meier", "Schulz", "Wagner", "Becker", "Hoffmann"};
        String[] given = {"Anna", "Berta", "Clara", "Dora", "Emma", "Frieda", "Greta", "Hanna", "Ida", "Jana"};
        java.util.Random random = new java.util.Random(5);
        List<Map<String, String>> rows = new ArrayList<>();
        int n = 400;
        boolean[] many = new boolean[n];
        boolean[] few = new boolean[n];
        for (int r = 0; r < n; r++) {
            rows.add(row("family_name", family[random.nextInt(family.length)],
                    "given_names", given[random.nextInt(given.length)]));
            many[r] = random.nextInt(5) == 0;
            few[r] = !many[r] && random.nextInt(50) == 0;
        }
        MatchProfile p = TestRecords.withBlocking(PERSON, List.of(rule("family", part("family_name", "exact")),
                rule("both", part("family_name", "exact"), part("given_names", "exact"))),
                new BlockingLimits(8, 4, 0));
        PreparedRecords records = TestRecords.prepare(p, rows);
        assertThat(BlockingKeys.manySeeds(many)).isTrue();
        assertThat(BlockingKeys.manySeeds(few)).isFalse();
        KeyPlan.Entries once = KeyPlan.entries(p, records, CancellationToken.NONE);
        for (boolean[] seeds : List.of(many, few)) {
            KeyPlan reused = once.plan(seeds, CancellationToken.NONE);
            KeyPlan fresh = KeyPlan.entries(p, records, CancellationToken.NONE)
                    .plan(seeds, CancellationToken.NONE);
            assertThat(reused.entries()).isEqualTo(fresh.entries()).isPositive();
            Blocker.PairFilter filter = (a, b) -> seeds[a] || seeds[b];
            assertThat(new Blocker(p, records, false, filter, seeds, reused).candidates(ProgressListener.NONE,
                    CancellationToken.NONE).pairs()).containsExactly(new Blocker(p, records, false, filter, seeds)
                    .candidates(ProgressListener.NONE, CancellationToken.NONE).pairs());
        }
    }

    @Test
    void aSeededBlockerProposesExactlyTheFilteredPairsThatHaveASeed() {
        // 300 records over few family and given names (blocks above the limit of 8 are windowed; the blocks of
        // both names together stay under it and are expanded completely); a fifth are seeds, as the new records of
        // an incremental run
        String[] family = {"Müller", "Schmidt", "Meier", "Schulz", "Wagner", "Becker", "Hoffmann"};
        String[] given = {"Anna", "Berta", "Clara", "Dora", "Emma", "Frieda", "Greta", "Hanna", "Ida", "Jana", "Karl",
            "Ludwig", "Otto", "Paul"};
        java.util.Random random = new java.util.Random(12);
        List<Map<String, String>> rows = new ArrayList<>();
        int n = 300;
        boolean[] seeds = new boolean[n];
        for (int r = 0; r < n; r++) {
            rows.add(row("family_name", family[random.nextInt(family.length)],
                    "given_names", given[random.nextInt(given.length)],
                    "birth_date", (1930 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10)));
            seeds[r] = random.nextInt(5) == 0;
        }
        MatchProfile p = TestRecords.withBlocking(PERSON, List.of(rule("family", part("family_name", "exact")),
                rule("given", part("given_names", "exact")),
                rule("both", part("family_name", "exact"), part("given_names", "exact"))),
                new BlockingLimits(8, 4, 0));
        PreparedRecords records = TestRecords.prepare(p, rows);
        boolean[] odd = new boolean[n];
        for (int r = 0; r < n; r++) {
            odd[r] = r % 3 != 0;
        }
        for (Blocker.PairFilter filter : List.<Blocker.PairFilter>of((a, b) -> seeds[a] || seeds[b],
                (a, b) -> odd[a] && odd[b])) {
            long[] filtered = new Blocker(p, records, false, filter).candidates(ProgressListener.NONE,
                    CancellationToken.NONE).pairs();
            List<Long> expected = new ArrayList<>();
            for (long pair : filtered) {
                if (seeds[CandidatePairs.first(pair)] || seeds[CandidatePairs.second(pair)]) {
                    expected.add(pair);
                }
            }
            long[] seeded = new Blocker(p, records, false, filter, seeds).candidates(ProgressListener.NONE,
                    CancellationToken.NONE).pairs();
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(seeded).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
            // the keys planned once for both passes give the same pairs
            KeyPlan plan = KeyPlan.of(p, records, CancellationToken.NONE);
            assertThat(new Blocker(p, records, false, filter, seeds, plan).candidates(ProgressListener.NONE,
                    CancellationToken.NONE).pairs()).containsExactly(seeded);
            // a plan of only the seeds' blocks (whole, windows included) gives the same pairs with fewer entries
            KeyPlan seededPlan = KeyPlan.of(p, records, seeds, CancellationToken.NONE);
            CandidatePairs fromSeededPlan = new Blocker(p, records, false, filter, seeds, seededPlan)
                    .candidates(ProgressListener.NONE, CancellationToken.NONE);
            assertThat(fromSeededPlan.pairs()).containsExactly(seeded);
            assertThat(seededPlan.entries()).isLessThan(plan.entries());
            // the same plan out of all records' entries computed once for several seed sets
            assertThat(new Blocker(p, records, false, filter, seeds, KeyPlan.entries(p, records,
                    CancellationToken.NONE).plan(seeds, CancellationToken.NONE)).candidates(ProgressListener.NONE,
                    CancellationToken.NONE).pairs()).containsExactly(seeded);
            assertThat(fromSeededPlan.pairsLeftOut()).isEqualTo(new Blocker(p, records, false, filter, seeds)
                    .candidates(ProgressListener.NONE, CancellationToken.NONE).pairsLeftOut());
        }
        // a plan of other seeds is refused rather than silently missing blocks
        boolean[] others = new boolean[n];
        int notSeed = 0;
        while (seeds[notSeed]) {
            notSeed++;
        }
        others[notSeed] = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Blocker(p, records, false,
                Blocker.PairFilter.ALL, others, KeyPlan.of(p, records, seeds, CancellationToken.NONE)))
                .isInstanceOf(IllegalArgumentException.class);
        CandidatePairs unplanned = new Blocker(p, records, false).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
        CandidatePairs planned = new Blocker(p, records, false, Blocker.PairFilter.ALL, null,
                KeyPlan.of(p, records, CancellationToken.NONE)).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(planned.pairs()).containsExactly(unplanned.pairs());
        assertThat(planned.stats()).isEqualTo(unplanned.stats());
        long[] all = unplanned.pairs();
        long withSeed = java.util.Arrays.stream(all)
                .filter(q -> seeds[CandidatePairs.first(q)] || seeds[CandidatePairs.second(q)]).count();
        assertThat(new Blocker(p, records, false, Blocker.PairFilter.ALL, seeds).candidates(ProgressListener.NONE,
                CancellationToken.NONE).pairs()).hasSize((int) withSeed).hasSizeLessThan(all.length);
    }
}
