package de.grw.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.TestRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.ModelParameters;
import de.grw.profile.BlockingLimits;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records added to a link index after its build ({@link LinkIndex#add}) are candidates at the next call, from any
 * thread, scored exactly as by an index built over all records (blocks, windowed blocks in window order, term
 * frequencies counted with them); readers while records are added see each record entirely or not at all.
 */
class LinkIndexAddTest {
    /** Blocks of at most 10 records and a window of 3: the common names' blocks are windowed. */
    private static final MatchProfile PROFILE = TestRecords.withBlocking(TestRecords.PERSON,
            TestRecords.PERSON.blocking(), new BlockingLimits(10, 3, 0));
    private static final int BUILT = 3_000;
    private static final int ADDED = 10;

    static RecordTable all;
    static ModelParameters model;

    /** Persons with few names and dates (large blocks), a fifth of them again with a typo or another address. */
    static List<Map<String, String>> rows(int count, long seed) {
        String[] family = {"Müller", "Mueller", "Schmidt", "Schmitt", "Meier", "Meyer", "Özdemir", "Schulz",
                "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun"};
        String[] given = {"Anna", "Hans", "Hans-Peter", "Karl Heinz", "Maria", "Jürgen", "Sabine", "Thomas",
                "Petra", "Michael", "Ursula", "Stefan"};
        String[] city = {"Berlin", "Potsdam", "Cottbus", "Leipzig"};
        Random random = new Random(seed);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 10 && random.nextInt(5) == 0) {
                Map<String, String> copy = new LinkedHashMap<>(rows.get(random.nextInt(rows.size())));
                if (random.nextBoolean()) {
                    String g = copy.get("given_names");
                    copy.put("given_names", g.substring(0, g.length() - 1) + "e");
                } else {
                    copy.put("postal_code", "1" + (1000 + random.nextInt(9000)));
                }
                rows.add(copy);
                continue;
            }
            Map<String, String> row = TestRecords.row("family_name", family[random.nextInt(family.length)],
                    "given_names", given[random.nextInt(given.length)],
                    "postal_code", "1" + (1000 + random.nextInt(30)), "city", city[random.nextInt(city.length)]);
            if (random.nextInt(12) != 0) {
                row.put("birth_date", String.format("19%02d-%02d-%02d", 50 + random.nextInt(30),
                        1 + random.nextInt(12), 1 + random.nextInt(28)));
            }
            rows.add(row);
        }
        return rows;
    }

    @BeforeAll
    static void data() {
        List<Map<String, String>> rows = rows(BUILT + ADDED, 12);
        // the last three added are exact copies of built records in windowed blocks: equal sort keys, so their
        // place in the window is decided by the tie (an added record after the built ones)
        LinkIndex probe = LinkIndex.build(PROFILE, TestRecords.table(PROFILE, rows.subList(0, BUILT)), ids(BUILT),
                null, 0.0, 0.99, CancellationToken.NONE);
        int copies = 0;
        for (int r = 0; r < BUILT && copies < 3; r += 97) {
            if (probe.inWindowedBlock(r)) {
                rows.set(BUILT + ADDED - 3 + copies++, new LinkedHashMap<>(rows.get(r)));
            }
        }
        assertThat(copies).isEqualTo(3);
        all = TestRecords.table(PROFILE, rows);
        model = new MatchEngine(PROFILE).run(all, MatchOptions.defaults(), ProgressListener.NONE,
                CancellationToken.NONE).model();
    }

    private static RecordTable first(int count) {
        RecordTable.Builder b = new RecordTable.Builder(PROFILE.fields().size());
        for (int i = 0; i < count; i++) {
            b.add(b.addSource(all.sourceName(i)), all.recordId(i), values(i));
        }
        return b.build();
    }

    private static String[] values(int record) {
        String[] v = new String[PROFILE.fields().size()];
        for (int f = 0; f < v.length; f++) {
            v[f] = all.value(record, f);
        }
        return v;
    }

    private static long[] ids(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = 1_000 + 3L * i;
        }
        return ids;
    }

    /** Built over the first {@code count} records; every compared candidate shown (threshold 0). */
    private static LinkIndex build(int count) {
        return LinkIndex.build(PROFILE, first(count), ids(count), model, 0.0, 0.99, CancellationToken.NONE);
    }

    private static void add(LinkIndex index, int record) {
        assertThat(index.add(ids(BUILT + ADDED)[record], all.sourceName(record), all.recordId(record),
                values(record))).isTrue();
    }

    /** A result as database id to probability, plus the number compared under key -1. */
    private static Map<Long, Double> scored(LinkIndex.Result result) {
        Map<Long, Double> out = new TreeMap<>();
        result.groups().forEach(g -> g.records().forEach(c -> out.put(c.recordId(), c.probability())));
        out.put(-1L, (double) result.compared());
        return out;
    }

    private static void assertSame(Map<Long, Double> got, Map<Long, Double> want, String what) {
        assertThat(got.keySet()).as(what).isEqualTo(want.keySet());
        for (var e : want.entrySet()) {
            assertThat(got.get(e.getKey())).as(what + ", record " + e.getKey()).isCloseTo(e.getValue(),
                    within(1e-12));
        }
    }

    @Test
    void addedRecordsAreCandidatesWithTheProbabilitiesOfARebuiltIndex() throws Exception {
        LinkIndex index = build(BUILT);
        for (int j = 0; j < ADDED; j++) {
            add(index, BUILT + j);
        }
        LinkIndex fresh = build(BUILT + ADDED);
        assertThat(index.size()).isEqualTo(fresh.size()).isEqualTo(BUILT + ADDED);
        assertThat(index.addedCount()).isEqualTo(ADDED);
        assertThat(index.lastRecordId()).isEqualTo(fresh.lastRecordId());
        int windowed = 0;
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            for (int j = 0; j < ADDED; j++) {
                int record = BUILT + j;
                long id = ids(BUILT + ADDED)[record];
                assertThat(index.indexOf(id)).isEqualTo(record);
                assertThat(index.inWindowedBlock(record)).isEqualTo(fresh.inWindowedBlock(record));
                windowed += fresh.inWindowedBlock(record) ? 1 : 0;
                // the same person linked again, here and in another thread, finds the added record
                Map<Long, Double> want = scored(fresh.link(values(record)));
                Map<Long, Double> got = scored(index.link(values(record)));
                assertThat(got).as("stored record %d is a candidate", record).containsKey(id);
                assertThat(got.get(id)).isGreaterThan(0.9);
                assertSame(got, want, "link of added record " + record);
                assertSame(other.submit(() -> scored(index.link(values(record)))).get(), want,
                        "another thread, added record " + record);
                // the added record linked as a stored one: its window and pairs as in the rebuilt index
                assertSame(scored(index.linkStored(record)), scored(fresh.linkStored(record)),
                        "linkStored " + record);
            }
        } finally {
            other.shutdownNow();
        }
        assertThat(windowed).as("added records falling into windowed (oversized) blocks").isGreaterThanOrEqualTo(1);
        // built records whose windows now hold added ones, and incoming records never stored
        Random random = new Random(5);
        for (int k = 0; k < 300; k++) {
            int record = random.nextInt(BUILT);
            assertSame(scored(index.linkStored(record)), scored(fresh.linkStored(record)), "linkStored " + record);
        }
        RecordTable newcomers = TestRecords.table(PROFILE, rows(300, 99));
        int found = 0;
        Set<Long> addedIds = new HashSet<>();
        for (int j = 0; j < ADDED; j++) {
            addedIds.add(ids(BUILT + ADDED)[BUILT + j]);
        }
        for (int r = 0; r < newcomers.size(); r++) {
            String[] v = new String[PROFILE.fields().size()];
            for (int f = 0; f < v.length; f++) {
                v[f] = newcomers.value(r, f);
            }
            Map<Long, Double> got = scored(index.link(v));
            assertSame(got, scored(fresh.link(v)), "newcomer " + r);
            found += got.keySet().stream().anyMatch(addedIds::contains) ? 1 : 0;
        }
        assertThat(found).as("newcomers with an added record among their candidates").isPositive();
    }

    @Test
    void recordsAddedToASmallBlockMakeItOversizedAndWindowedAsARebuildWould() {
        LinkIndex index = build(BUILT);
        int small = -1;
        for (int r = 0; r < BUILT && small < 0; r++) {
            if (!index.inWindowedBlock(r)) {
                small = r;
            }
        }
        assertThat(small).isNotNegative();
        // twelve copies of a record whose blocks are all within the limit of 10: now they are over it
        int copies = 12;
        RecordTable.Builder b = new RecordTable.Builder(PROFILE.fields().size());
        for (int i = 0; i < BUILT; i++) {
            b.add(b.addSource(all.sourceName(i)), all.recordId(i), values(i));
        }
        long[] ids = ids(BUILT + copies);
        for (int c = 0; c < copies; c++) {
            String[] v = values(small);
            if (c % 3 == 1) {
                v[PROFILE.fieldIndex("given_names")] = v[PROFILE.fieldIndex("given_names")] + "a";
            }
            b.add(b.addSource("b"), "copy-" + c, v);
            assertThat(index.add(ids[BUILT + c], "b", "copy-" + c, v)).isTrue();
        }
        LinkIndex fresh = LinkIndex.build(PROFILE, b.build(), ids, model, 0.0, 0.99, CancellationToken.NONE);
        assertThat(index.inWindowedBlock(small)).isTrue();
        assertThat(fresh.inWindowedBlock(small)).isTrue();
        assertSame(scored(index.linkStored(small)), scored(fresh.linkStored(small)), "linkStored " + small);
        assertSame(scored(index.link(values(small))), scored(fresh.link(values(small))), "link " + small);
        for (int c = 0; c < copies; c++) {
            assertSame(scored(index.linkStored(BUILT + c)), scored(fresh.linkStored(BUILT + c)), "copy " + c);
        }
    }

    @Test
    void aRecordAlreadyHeldIsNotAddedTwiceAndAnOlderIdIsRefused() {
        LinkIndex index = build(BUILT);
        long[] ids = ids(BUILT + ADDED);
        assertThat(index.add(ids[5], all.sourceName(5), all.recordId(5), values(5))).isTrue();
        assertThat(index.addedCount()).isZero();
        add(index, BUILT + 1);
        // an id below the last one would be numbered otherwise than by a rebuild: refused (the service rebuilds)
        assertThat(index.add(ids[BUILT], all.sourceName(BUILT), all.recordId(BUILT), values(BUILT))).isFalse();
        assertThat(index.addedCount()).isEqualTo(1);
    }

    @Test
    void eightReadersWhileRecordsAreAddedSeeEachRecordWholeOrNotAtAll() throws Exception {
        // the answers for each probe after 0, 1, ... ADDED records added, one caller alone
        LinkIndex reference = build(BUILT);
        List<List<Map<Long, Double>>> answers = new ArrayList<>();
        for (int j = 0; j <= ADDED; j++) {
            if (j > 0) {
                add(reference, BUILT + j - 1);
            }
            List<Map<Long, Double>> now = new ArrayList<>();
            for (int p = 0; p < ADDED; p++) {
                now.add(scored(reference.link(values(BUILT + p))));
            }
            answers.add(now);
        }
        LinkIndex live = build(BUILT);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> readers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            readers.add(pool.submit(() -> {
                started.countDown();
                int calls = 0;
                int[] seen = new int[ADDED];
                Random random = new Random(seed);
                boolean last = false;
                while (!last) {
                    last = done.get();
                    int p = random.nextInt(ADDED);
                    Map<Long, Double> got = scored(live.link(values(BUILT + p)));
                    int match = -1;
                    for (int j = seen[p]; j <= ADDED && match < 0; j++) {
                        if (answers.get(j).get(p).equals(got)) {
                            match = j;
                        }
                    }
                    assertThat(match).as("answer for probe %d: one of a whole state, never older than seen", p)
                            .isNotNegative();
                    seen[p] = match;
                    calls++;
                }
                // once every record is added, every probe gets the final answer
                for (int p = 0; p < ADDED; p++) {
                    assertThat(scored(live.link(values(BUILT + p)))).isEqualTo(answers.get(ADDED).get(p));
                }
                return calls;
            }));
        }
        started.await();
        for (int j = 0; j < ADDED; j++) {
            Thread.sleep(20);
            add(live, BUILT + j);
        }
        done.set(true);
        int calls = 0;
        for (Future<Integer> r : readers) {
            calls += r.get();
        }
        pool.shutdown();
        assertThat(calls).isGreaterThan(8 * 2);
        assertThat(answers.get(0)).isNotEqualTo(answers.get(ADDED));
    }
}
