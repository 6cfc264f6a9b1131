package de.grw.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.TestRecords;
import de.grw.matching.data.RecordTable;
import de.grw.profile.BlockingLimits;
import de.grw.profile.MatchProfile;
import de.grw.workspace.MatchRunRepository;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link index finds, for a record, exactly the pairs a batch match scores for it, with the same probabilities:
 * checked for every record of the sample registers under the shipped blocking rules with tiny limits (so that most
 * blocks are oversized and windowed), and for records arriving after the others.
 */
class LinkIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** person-de with blocks of at most 4 records and a window of 3: nearly every block is windowed. */
    private static final MatchProfile TIGHT = TestRecords.withBlocking(TestRecords.PERSON,
            TestRecords.PERSON.blocking(), new BlockingLimits(4, 3, 0));

    @TempDir
    static Path dir;
    static List<String[]> rows = new ArrayList<>();
    static List<String> keys = new ArrayList<>();
    static List<String> sources = new ArrayList<>();

    @BeforeAll
    static void readSamples() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(dir)) {
            f.workspace().read(c -> {
                MatchRunRepository.eachRecord(c, (id, sourceId, name, key, valuesJson) -> {
                    try {
                        rows.add(JSON.readValue(valuesJson, String[].class));
                    } catch (java.io.IOException e) {
                        throw new java.sql.SQLException(e);
                    }
                    keys.add(key);
                    sources.add(name);
                });
                return null;
            });
        }
    }

    private static RecordTable table(int count) {
        RecordTable.Builder b = new RecordTable.Builder(TIGHT.fields().size());
        for (int i = 0; i < count; i++) {
            b.add(b.addSource(sources.get(i)), keys.get(i), rows.get(i).clone());
        }
        return b.build();
    }

    private static long[] ids(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = 100 + i;
        }
        return ids;
    }

    /** Batch pairs at or above the threshold: record -> (other record -> probability). */
    private static Map<Integer, Map<Integer, Double>> batchPairs(MatchResult result) {
        Map<Integer, Map<Integer, Double>> out = new HashMap<>();
        for (int p = 0; p < result.pairCount(); p++) {
            if (result.probability(p) >= result.threshold()) {
                out.computeIfAbsent(result.first(p), k -> new TreeMap<>()).put(result.second(p), result.probability(p));
                out.computeIfAbsent(result.second(p), k -> new TreeMap<>()).put(result.first(p), result.probability(p));
            }
        }
        return out;
    }

    private static Map<Integer, Double> linked(LinkIndex.Result result) {
        Map<Integer, Double> out = new TreeMap<>();
        result.groups().forEach(g -> g.records().forEach(c -> out.put(c.index(), c.probability())));
        return out;
    }

    @Test
    void everyStoredRecordGetsTheBatchPairsWithTheBatchProbabilities() {
        int n = rows.size();
        assertThat(n).isGreaterThan(500);
        RecordTable table = table(n);
        MatchResult batch = new MatchEngine(TIGHT).run(table, MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(batch.candidates().pairsLeftOut()).as("the tiny limits window most blocks").isPositive();
        Map<Integer, Map<Integer, Double>> expected = batchPairs(batch);
        assertThat(expected).hasSizeGreaterThan(100);
        // built from the records' values, and over the batch's prepared records (what the 10 M benchmark does)
        for (LinkIndex index : List.of(
                LinkIndex.build(TIGHT, table, ids(n), batch.model(), null, 0.99, CancellationToken.NONE),
                LinkIndex.build(TIGHT, batch.records(), ids(n), batch.model(), null, 0.99, CancellationToken.NONE))) {
            int linkedRecords = 0;
            for (int i = 0; i < n; i++) {
                Map<Integer, Double> got = linked(index.linkStored(i));
                Map<Integer, Double> want = expected.getOrDefault(i, Map.of());
                assertThat(got.keySet()).as("candidates of record %d", i).isEqualTo(want.keySet());
                for (var e : want.entrySet()) {
                    assertThat(got.get(e.getKey())).isCloseTo(e.getValue(), within(1e-9));
                }
                linkedRecords += got.isEmpty() ? 0 : 1;
            }
            assertThat(linkedRecords).isEqualTo(expected.size());
        }
    }

    @Test
    void anIndexOverRecordsPreparedForAnotherProfileIsRefused() {
        int n = 50;
        RecordTable table = table(n);
        MatchResult batch = new MatchEngine(TestRecords.PERSON).run(table, MatchOptions.defaults(),
                ProgressListener.NONE, CancellationToken.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinkIndex.build(TIGHT, batch.records(), ids(n),
                batch.model(), null, 0.99, CancellationToken.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another profile");
    }

    @Test
    void aRecordArrivingAfterTheOthersGetsThePairsABatchOverAllWouldScore() {
        int n = rows.size();
        MatchResult batch = new MatchEngine(TIGHT).run(table(n), MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        Map<Integer, Map<Integer, Double>> expected = batchPairs(batch);
        int checked = 0;
        // the last records that a batch links, each in turn as the newcomer after all records before it
        for (int last = n - 1; last > 0 && checked < 3; last--) {
            if (!expected.containsKey(last)) {
                continue;
            }
            int count = last;
            MatchResult before = new MatchEngine(TIGHT).run(table(count + 1), MatchOptions.defaults(),
                    ProgressListener.NONE, CancellationToken.NONE);
            // the index holds the records before it, scored with the model of the batch that includes it
            LinkIndex index = LinkIndex.build(TIGHT, table(count), ids(count), before.model(), null, 0.99,
                    CancellationToken.NONE);
            Map<Integer, Double> got = linked(index.link(rows.get(last).clone()));
            Map<Integer, Double> want = batchPairs(before).getOrDefault(last, Map.of());
            assertThat(want).isNotEmpty();
            assertThat(got.keySet()).isEqualTo(want.keySet());
            for (var e : want.entrySet()) {
                assertThat(got.get(e.getKey())).isCloseTo(e.getValue(), within(1e-9));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void suggestsLinkReviewOrNewAndGroupsByGoldenRecord() {
        int n = rows.size();
        MatchProfile profile = TestRecords.PERSON;
        RecordTable table = table(n);
        MatchResult batch = new MatchEngine(profile).run(table, MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        LinkIndex index = LinkIndex.build(profile, table, ids(n), batch.model(), null, 0.99, CancellationToken.NONE);
        // a record of the samples with a partner at link level
        int sure = -1;
        for (int p = 0; p < batch.pairCount() && sure < 0; p++) {
            if (batch.probability(p) >= 0.999) {
                sure = batch.first(p);
            }
        }
        assertThat(sure).isNotNegative();
        String[] values = rows.get(sure).clone();
        LinkIndex.Result result = index.link(values);
        assertThat(result.suggestion()).isIn(LinkIndex.Action.LINK, LinkIndex.Action.REVIEW);
        LinkIndex.Group best = result.groups().get(0);
        assertThat(best.probability()).isGreaterThanOrEqualTo(0.99);
        assertThat(best.action()).isEqualTo(LinkIndex.Action.LINK);
        assertThat(best.records().get(0).explanation()).isNotEmpty();
        // the record itself (index 'sure') and its partner are now one golden record: one group
        List<Long> ids = best.records().stream().map(LinkIndex.Candidate::recordId).toList();
        for (LinkIndex.Group g : result.groups()) {
            g.records().forEach(c -> index.assignGolden(c.recordId(), "G-000042"));
        }
        LinkIndex.Result grouped = index.link(values);
        assertThat(grouped.groups()).hasSize(1);
        assertThat(grouped.groups().get(0).golden()).isEqualTo("G-000042");
        assertThat(grouped.groups().get(0).records()).extracting(LinkIndex.Candidate::recordId).containsAll(ids);
        assertThat(grouped.suggestion()).isEqualTo(LinkIndex.Action.LINK);
        // two golden records certain at once: a clerk decides
        index.assignGolden(ids.get(0), "G-000043");
        if (ids.size() > 1 || result.groups().size() > 1) {
            assertThat(index.link(values).suggestion()).isEqualTo(LinkIndex.Action.REVIEW);
        }
        // nobody like this
        Map<String, String> stranger = new LinkedHashMap<>();
        stranger.put("family_name", "Przybyszewski-Quast");
        stranger.put("given_names", "Xaverius");
        stranger.put("birth_date", "29.02.1904");
        LinkIndex.Result none = index.link(IncomingRecord.canonical(profile, stranger));
        assertThat(none.groups()).isEmpty();
        assertThat(none.suggestion()).isEqualTo(LinkIndex.Action.NEW);
    }

    @Test
    void eightCallersAtOnceGetTheAnswersOneCallerGets() throws Exception {
        int n = rows.size();
        RecordTable table = table(n);
        MatchResult batch = new MatchEngine(TIGHT).run(table, MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE);
        LinkIndex index = LinkIndex.build(TIGHT, table, ids(n), batch.model(), null, 0.99, CancellationToken.NONE);
        List<Map<Integer, Double>> alone = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            alone.add(linked(index.link(rows.get(i).clone())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 37;
                results.add(pool.submit(() -> {
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        if (!linked(index.link(rows.get(i).clone())).equals(alone.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownFieldOrAnImpossibleDateIsRefusedWithAMessage() {
        Map<String, String> unknown = Map.of("familienname", "Müller");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> IncomingRecord.canonical(TestRecords.PERSON, unknown)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("familienname")
                .hasMessageContaining("family_name");
        Map<String, String> badDate = Map.of("family_name", "Müller", "birth_date", "31.02.1980");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> IncomingRecord.canonical(TestRecords.PERSON, badDate)))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("31.02.1980");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> IncomingRecord.canonical(TestRecords.PERSON, Map.of("family_name", " "))))
                .isInstanceOf(UserFacingException.class);
        String[] ok = IncomingRecord.canonical(TestRecords.PERSON, Map.of("family_name", " Müller ",
                "birth_date", "3.4.1971"));
        assertThat(ok[TestRecords.PERSON.fieldIndex("birth_date")]).isEqualTo("1971-04-03");
        assertThat(ok[TestRecords.PERSON.fieldIndex("family_name")]).isEqualTo("Müller");
    }
}
