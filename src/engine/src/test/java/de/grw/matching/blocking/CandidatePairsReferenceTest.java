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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The candidate pairs of a full run equal those of a plain reference: each rule's keys built as lists of key
 * strings (a part's values the union over its fields, an unordered rule's parts sorted), records grouped by key in a
 * map, every pair of a group, the union over the rules in a sorted set. Random tables with several rules that propose
 * the same pairs, parts over two fields (often one of them empty, sometimes both with the same value), names of
 * several words (several keys a record), unordered rules and records without a key; whole runs, runs in ranges and
 * link-only runs. Blocks stay within the size limit here ({@code RangedCandidatesTest} covers the windows).
 */
class CandidatePairsReferenceTest {
    private static final String[] FAMILY = {"Müller", "Schmidt", "Meier", "Mayer", "Schulz", "Wagner", "Becker",
        "Koch", "Richter", "Klein", "Müller-Lüdenscheidt", "Schmitt Koch"};
    private static final String[] GIVEN = {"Anna", "Anne", "Berta", "Clara", "Klara", "Emma", "Frieda", "Greta",
        "Karl", "Carl", "Otto", "Paul", "Anna Maria", "Karl Otto"};
    private static final String[] POSTAL = {"10115", "10117", "20095", "80331", ""};

    private static KeyPartSpec part(String field, String transform) {
        return new KeyPartSpec(field, List.of(), transform, 0);
    }

    private static KeyPartSpec part(String field, List<String> more, String transform, int length) {
        return new KeyPartSpec(field, more, transform, length);
    }

    private static MatchProfile profile() {
        return TestRecords.withBlocking(PERSON, List.of(
                new BlockingRuleSpec("names+year", List.of(
                        part("family_name", List.of("birth_name"), "phonetic_tokens", 0),
                        part("given_names", "phonetic_first"), part("birth_date", "year")), true),
                new BlockingRuleSpec("family+given_start", List.of(
                        part("family_name", List.of("birth_name"), "exact", 0),
                        part("given_names", List.of(), "prefix", 2)), false),
                new BlockingRuleSpec("family_exact", List.of(part("family_name", "exact")), false),
                new BlockingRuleSpec("date+a_name_start", List.of(part("birth_date", "exact"),
                        part("given_names", List.of("family_name", "birth_name"), "prefix", 2)), false),
                new BlockingRuleSpec("date+postal", List.of(part("birth_date", "exact"),
                        part("postal_code", "exact")), false),
                new BlockingRuleSpec("given_tokens+family_start", List.of(part("given_names", "phonetic_tokens"),
                        part("family_name", List.of(), "prefix", 3)), true)),
                // blocks never reach the limit: every group's pairs are proposed
                new BlockingLimits(100_000, 5, 0));
    }

    private static PreparedRecords records(MatchProfile p, int n, long seed) {
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String family = FAMILY[random.nextInt(FAMILY.length)];
            int birth = random.nextInt(6);
            // mostly no birth name; sometimes another one, sometimes the family name itself (the same keys twice)
            String birthName = birth == 0 ? FAMILY[random.nextInt(FAMILY.length)] : birth == 1 ? family : "";
            rows.add(row("source", r % 3 == 0 ? "a" : "b",
                    "family_name", random.nextInt(40) == 0 ? "" : family,
                    "birth_name", birthName,
                    "given_names", GIVEN[random.nextInt(GIVEN.length)],
                    "postal_code", POSTAL[random.nextInt(POSTAL.length)],
                    "birth_date", random.nextInt(30) == 0 ? "" : (1950 + random.nextInt(8)) + "-0"
                            + (1 + random.nextInt(3)) + "-1" + random.nextInt(3)));
        }
        return TestRecords.prepare(p, rows);
    }

    /** The reference: key strings per record, groups in a map, all pairs of each group, the union sorted. */
    private static TreeSet<Long> reference(MatchProfile p, PreparedRecords records, boolean linkOnly,
                                           Map<String, Long> pairsPerRule) {
        TreeSet<Long> pairs = new TreeSet<>();
        for (BlockingRuleSpec rule : p.blocking()) {
            // per part, per field, the keys of each distinct value
            List<List<String[][]>> keysOf = new ArrayList<>();
            List<List<PreparedField>> fieldsOf = new ArrayList<>();
            for (KeyPartSpec part : rule.parts()) {
                List<String[][]> keys = new ArrayList<>();
                List<PreparedField> fields = new ArrayList<>();
                for (String name : part.allFields()) {
                    PreparedField f = records.field(name);
                    fields.add(f);
                    keys.add(KeyTransforms.get(part.transform()).keys(f, part.length()));
                }
                keysOf.add(keys);
                fieldsOf.add(fields);
            }
            Map<List<String>, Set<Integer>> groups = new HashMap<>();
            for (int r = 0; r < records.size(); r++) {
                List<List<String>> combos = new ArrayList<>();
                combos.add(new ArrayList<>());
                for (int part = 0; part < rule.parts().size(); part++) {
                    Set<String> values = new LinkedHashSet<>();
                    for (int k = 0; k < fieldsOf.get(part).size(); k++) {
                        int id = fieldsOf.get(part).get(k).id(r);
                        if (id >= 0) {
                            values.addAll(List.of(keysOf.get(part).get(k)[id]));
                        }
                    }
                    List<List<String>> next = new ArrayList<>();
                    for (List<String> c : combos) {
                        for (String v : values) {
                            List<String> longer = new ArrayList<>(c);
                            longer.add(v);
                            next.add(longer);
                        }
                    }
                    combos = next;
                }
                for (List<String> key : combos) {
                    if (rule.unordered()) {
                        key.sort(null);
                    }
                    groups.computeIfAbsent(key, k -> new TreeSet<>()).add(r);
                }
            }
            long rulePairs = 0;
            for (Set<Integer> group : groups.values()) {
                List<Integer> members = new ArrayList<>(group);
                for (int x = 0; x < members.size(); x++) {
                    for (int y = x + 1; y < members.size(); y++) {
                        int a = members.get(x);
                        int b = members.get(y);
                        if (linkOnly && records.table().sourceIndex(a) == records.table().sourceIndex(b)) {
                            continue;
                        }
                        rulePairs++;
                        pairs.add(CandidatePairs.pack(a, b));
                    }
                }
            }
            pairsPerRule.put(rule.name(), rulePairs);
        }
        return pairs;
    }

    private static long[] toArray(TreeSet<Long> set) {
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void aFullRunProposesExactlyTheReferencePairs() {
        MatchProfile p = profile();
        for (long seed = 1; seed <= 2; seed++) {
            PreparedRecords records = records(p, 1_200 + (int) seed * 150, seed);
            for (boolean linkOnly : new boolean[] {false, true}) {
                Map<String, Long> perRule = new HashMap<>();
                long[] expected = toArray(reference(p, records, linkOnly, perRule));
                long raw = perRule.values().stream().mapToLong(Long::longValue).sum();
                // the rules overlap (duplicates between them are removed) and every rule proposes pairs
                assertThat(raw).isGreaterThan(expected.length + expected.length / 5L);
                assertThat(perRule.values()).allMatch(v -> v > 100);
                CandidatePairs full = new Blocker(p, records, linkOnly).candidates(ProgressListener.NONE,
                        CancellationToken.NONE);
                assertThat(full.pairs()).as("seed %d, link-only %s", seed, linkOnly).containsExactly(expected);
                for (RuleStats s : full.stats()) {
                    assertThat(s.pairs()).as(s.rule()).isEqualTo(perRule.get(s.rule()));
                }
                // the same pairs when the run forms them in many ranges of first records
                Blocker blocker = new Blocker(p, records, linkOnly);
                for (long rangePairs : new long[] {1, 3_000}) {
                    CandidateStream stream = blocker.stream(rangePairs, ProgressListener.NONE,
                            CancellationToken.NONE);
                    List<Long> ranged = new ArrayList<>();
                    for (int c = 0; c < stream.count(); c++) {
                        for (long pair : stream.range(c, CancellationToken.NONE)) {
                            ranged.add(pair);
                        }
                    }
                    assertThat(stream.count()).isGreaterThan(1);
                    assertThat(ranged.stream().mapToLong(Long::longValue).toArray()).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void recordsWithoutAKeyAreInNoPair() {
        MatchProfile p = TestRecords.withBlocking(PERSON, List.of(
                new BlockingRuleSpec("postal", List.of(part("postal_code", "exact")), false),
                new BlockingRuleSpec("names", List.of(part("family_name", List.of("birth_name"), "exact", 0)),
                        false)),
                new BlockingLimits(100_000, 5, 0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < 2_000; r++) {
            // half the records have neither a postal code nor a name: no key under either rule
            boolean keyed = r % 2 == 0;
            rows.add(row("source", "a", "family_name", keyed ? FAMILY[r % 5] : "",
                    "birth_name", keyed && r % 3 == 0 ? FAMILY[(r + 1) % 5] : "",
                    "postal_code", keyed ? POSTAL[r % 4] : "", "given_names", "Anna"));
        }
        PreparedRecords records = TestRecords.prepare(p, rows);
        Map<String, Long> perRule = new HashMap<>();
        long[] expected = toArray(reference(p, records, false, perRule));
        CandidatePairs full = new Blocker(p, records, false).candidates(ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(full.pairs()).containsExactly(expected);
        for (long pair : full.pairs()) {
            assertThat(CandidatePairs.first(pair) % 2).isZero();
            assertThat(CandidatePairs.second(pair) % 2).isZero();
        }
        assertThat(full.stats().get(0).recordsWithKey()).isEqualTo(1_000);
    }
}
