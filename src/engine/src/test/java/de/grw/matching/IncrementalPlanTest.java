package de.grw.matching;

import static de.grw.matching.TestRecords.PERSON;
import static de.grw.matching.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.util.LongList;
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
 * The incremental pass of the engine sorts only the key entries of blocks with a seed (computed once for both
 * passes); it must propose exactly the pairs that blockers over all records' keys (the path before) propose:
 * with oversized, windowed blocks, an unordered rule, a part over several fields, and for a full run.
 */
class IncrementalPlanTest {
    private static KeyPartSpec part(String field, List<String> more, String transform) {
        return new KeyPartSpec(field, more, transform, 0);
    }

    private static final MatchProfile PROFILE = TestRecords.withBlocking(PERSON, List.of(
            new BlockingRuleSpec("family", List.of(part("family_name", List.of("birth_name"), "exact")), false, 0),
            new BlockingRuleSpec("given+year", List.of(part("given_names", List.of(), "exact"),
                    part("birth_date", List.of(), "year")), false, 0),
            new BlockingRuleSpec("names unordered", List.of(part("family_name", List.of(), "exact"),
                    part("given_names", List.of(), "exact")), true, 0),
            new BlockingRuleSpec("postal", List.of(part("postal_code", List.of(), "exact")), false, 0)),
            new BlockingLimits(12, 4, 0));

    private static List<Map<String, String>> rows(int n, long seed) {
        String[] family = {"Müller", "Schmidt", "Meier", "Schulz", "Wagner", "Becker", "Anna", "Otto"};
        String[] given = {"Anna", "Berta", "Clara", "Otto", "Paul", "Meier", "Ida", "Karl", "Jana"};
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (r > 10 && random.nextInt(4) == 0) {
                // a copy of an earlier record from another source: a duplicate to link
                Map<String, String> copy = new java.util.LinkedHashMap<>(rows.get(random.nextInt(r)));
                copy.put("source", "b");
                copy.put("id", "b" + r);
                rows.add(copy);
                continue;
            }
            rows.add(row("family_name", family[random.nextInt(family.length)],
                    "birth_name", random.nextInt(5) == 0 ? family[random.nextInt(family.length)] : "",
                    "given_names", given[random.nextInt(given.length)],
                    "birth_date", (1950 + random.nextInt(8)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10),
                    "postal_code", "1" + (1000 + random.nextInt(30)),
                    "id", "a" + r));
        }
        return rows;
    }

    private static long[] union(long[] a, long[] b) {
        LongList all = new LongList(a.length + b.length);
        for (long p : a) {
            all.add(p);
        }
        for (long p : b) {
            all.add(p);
        }
        long[] out = all.toArray();
        return Arrays.copyOf(out, LongList.sortUnique(out, out.length));
    }

    @Test
    void bothPassesProposeExactlyThePairsOfBlockersOverAllKeys() {
        for (long seed : new long[] {1, 2, 3}) {
            RecordTable table = TestRecords.table(PROFILE, rows(600, seed));
            int n = table.size();
            MatchEngine engine = new MatchEngine(PROFILE);
            ModelParameters model = engine.run(table, MatchOptions.defaults(), ProgressListener.NONE,
                    CancellationToken.NONE).model();
            boolean[] isNew = new boolean[n];
            for (int r = (int) (n * 0.8); r < n; r++) {
                isNew[r] = true;
            }
            boolean[][] affected = new boolean[1][];
            MatchResult incremental = new IncrementalMatch(PROFILE).runWithModel(table, model, MatchOptions.defaults(), isNew, touched -> {
                // the touched records and, as standing clusters would add, every seventh old record
                boolean[] out = touched.clone();
                for (int r = 0; r < n; r += 7) {
                    out[r] = true;
                }
                affected[0] = out;
                return out;
            }, PairConstraint.NONE, new int[0][], ProgressListener.NONE, CancellationToken.NONE);

            PreparedRecords records = PreparedRecords.prepare(table, PROFILE, ProgressListener.NONE,
                    CancellationToken.NONE);
            boolean[] oldAffected = new boolean[n];
            for (int r = 0; r < n; r++) {
                oldAffected[r] = affected[0][r] && !isNew[r];
            }
            long[] first = new Blocker(PROFILE, records, false, (a, b) -> isNew[a] || isNew[b], isNew)
                    .candidates(ProgressListener.NONE, CancellationToken.NONE).pairs();
            long[] second = new Blocker(PROFILE, records, false, (a, b) -> oldAffected[a] && oldAffected[b],
                    oldAffected).candidates(ProgressListener.NONE, CancellationToken.NONE).pairs();
            assertThat(first.length).isGreaterThan(200);
            assertThat(second.length).isGreaterThan(50);
            assertThat(incremental.candidates().pairs()).containsExactly(union(first, second));
            // oversized blocks were windowed (and what the windows leave out is counted as before)
            assertThat(incremental.candidates().pairsLeftOut()).isPositive();

            // all records new: a full re-match with the model proposes the pairs of a blocker over everything
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            MatchResult full = new IncrementalMatch(PROFILE).runWithModel(table, model, MatchOptions.defaults(), all, touched -> touched,
                    PairConstraint.NONE, new int[0][], ProgressListener.NONE, CancellationToken.NONE);
            assertThat(full.candidates().pairs()).containsExactly(new Blocker(PROFILE, records, false)
                    .candidates(ProgressListener.NONE, CancellationToken.NONE).pairs());
        }
    }

    /**
     * Keys kept from an earlier run (as the workspace keeps them with its snapshot) give exactly the pairs of keys
     * computed afresh: the estimating run leaves every record's keys in its cache, the incremental run takes those
     * of the old records and computes only the new ones'; kept keys that differ from fresh ones are not used.
     */
    @Test
    void keptKeysGiveThePairsOfKeysComputedAfresh() {
        RecordTable table = TestRecords.table(PROFILE, rows(600, 4));
        int n = table.size();
        int old = (int) (n * 0.8);
        MatchEngine engine = new MatchEngine(PROFILE);
        de.grw.matching.blocking.KeyCache estimating = de.grw.matching.blocking.KeyCache.none();
        MatchResult estimated = engine.run(table, MatchOptions.defaults(), PairConstraint.NONE, new int[0][],
                estimating, ProgressListener.NONE, CancellationToken.NONE);
        MatchResult plain = engine.run(table, MatchOptions.defaults(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(estimated.candidates().pairs()).containsExactly(plain.candidates().pairs());
        assertThat(estimating.computedFrom()).isZero();
        assertThat(estimating.computed().count()).isEqualTo(n);
        PreparedRecords records = PreparedRecords.prepare(table, PROFILE, ProgressListener.NONE,
                CancellationToken.NONE);
        for (int r = 0; r < PROFILE.blocking().size(); r++) {
            long[][] fresh = Blocker.recordKeys(PROFILE.blocking().get(r), records);
            for (int i = 0; i < n; i++) {
                assertThat(estimating.computed().keys(r, i)).containsExactly(fresh[i] == null ? new long[0]
                        : fresh[i]);
            }
        }

        ModelParameters model = estimated.model();
        boolean[] isNew = new boolean[n];
        Arrays.fill(isNew, old, n, true);
        de.grw.matching.blocking.RecordKeys kept = estimating.computed().slice(0, old);
        de.grw.matching.blocking.KeyCache cache = new de.grw.matching.blocking.KeyCache(kept);
        MatchResult withKept = new IncrementalMatch(PROFILE).runWithModel(table, model, MatchOptions.defaults(), isNew, touched -> touched,
                PairConstraint.NONE, new int[0][], cache, ProgressListener.NONE, CancellationToken.NONE);
        MatchResult computed = new IncrementalMatch(PROFILE).runWithModel(table, model, MatchOptions.defaults(), isNew, touched -> touched,
                PairConstraint.NONE, new int[0][], ProgressListener.NONE, CancellationToken.NONE);
        assertThat(withKept.candidates().pairs()).hasSizeGreaterThan(200)
                .containsExactly(computed.candidates().pairs());
        for (int i = 0; i < n; i++) {
            assertThat(withKept.clusterOf(i)).isEqualTo(computed.clusterOf(i));
        }
        // only the new records' keys were computed, and they are those computed afresh
        assertThat(cache.computedFrom()).isEqualTo(old);
        assertThat(cache.computed().count()).isEqualTo(n - old);
        for (int i = old; i < n; i++) {
            assertThat(cache.computed().sameAs(i - old, estimating.computed(), i)).isTrue();
        }

        // kept keys of other records (shifted by one): the check finds them out, all keys are computed afresh
        de.grw.matching.blocking.RecordKeys wrong = estimating.computed().slice(1, old + 1);
        de.grw.matching.blocking.KeyCache wrongCache = new de.grw.matching.blocking.KeyCache(wrong);
        MatchResult withWrong = new IncrementalMatch(PROFILE).runWithModel(table, model, MatchOptions.defaults(), isNew, touched -> touched,
                PairConstraint.NONE, new int[0][], wrongCache, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(wrongCache.computedFrom()).isZero();
        assertThat(withWrong.candidates().pairs()).containsExactly(computed.candidates().pairs());
    }
}
