package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.journal.Journal;
import de.grw.journal.JournalVerifier;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The active model is kept until it is deliberately re-estimated, and a match run with it compares only new
 * records: a new record changes only the cluster it joins, a rerun with nothing new changes nothing, clerks'
 * decisions are kept, and the clusters equal those of a full re-match with the same model.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class IncrementalMatchTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Every column of every cluster, by id (what the queue and the review show of it). */
    private static Map<Long, List<Object>> clusterRows(Workspace w) {
        Map<Long, List<Object>> out = new HashMap<>();
        for (List<Object> r : TestWorkspaces.rows(w, "SELECT * FROM clusters")) {
            out.put(((Number) r.get(0)).longValue(), r);
        }
        return out;
    }

    private static List<Long> queue(ReviewService review, Session clerk) {
        return review.queue(clerk, null, 0).stream().map(QueueEntry::clusterId).toList();
    }

    private static long sourceOf(Workspace w, long record) {
        return TestWorkspaces.count(w, "SELECT source_id FROM records WHERE id = ?", record);
    }

    /** Imports a copy of a stored record under a new record key, as a source of its own; returns its id. */
    private static long importCopyOf(Workspace w, Session admin, long record, Path file) throws Exception {
        long source = sourceOf(w, record);
        String[] columns = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT columns_json FROM sources "
                + "WHERE id = ?", source).get(0).get(0), String[].class);
        String[] cells = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT cells_json FROM records WHERE "
                + "id = ?", record).get(0).get(0), String[].class);
        cells[0] = "19999" + record;
        Files.writeString(file, String.join(";", columns) + "\n" + String.join(";", cells) + "\n",
                StandardCharsets.UTF_8);
        TestWorkspaces.importFile(w, admin, file, null);
        return TestWorkspaces.count(w, "SELECT max(id) FROM records");
    }

    @Test
    void theModelIsKeptAndOneNewRecordChangesOnlyTheClusterItJoins() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            // the fixture's first run estimated the model: version 1, journalled
            assertThat(TestWorkspaces.rows(w, "SELECT version, estimated_by, records FROM models"))
                    .containsExactly(List.of(1, TestWorkspaces.CLERK, (int) TestWorkspaces.count(w,
                            "SELECT count(*) FROM records")));
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal WHERE action = 'model.estimated'"))
                    .isEqualTo(1);
            byte[] model1 = (byte[]) TestWorkspaces.rows(w, "SELECT model_bytes FROM models").get(0).get(0);

            // clerks decide: a merge approved, a pair kept apart
            List<QueueEntry> open = review.queue(f.clerk(), null, 0);
            long merged = open.stream().filter(q -> q.size() == 2).findFirst().orElseThrow().clusterId();
            List<Long> mergedIds = TestWorkspaces.members(w, merged);
            DecisionView merge = review.propose(f.clerk(), merged, new MergeCommand(mergedIds, Map.of()),
                    "dieselbe Person", "AZ-1");
            review.approve(f.supervisor(), merge.id(), "geprüft");
            long apart = open.stream().filter(q -> q.size() == 2 && q.clusterId() != merged).findFirst()
                    .orElseThrow().clusterId();
            List<Long> apartIds = TestWorkspaces.members(w, apart);
            review.propose(f.clerk(), apart, new NotDuplicateCommand(apartIds.get(0), apartIds.get(1)), "Vater/Sohn",
                    "AZ-2");

            // a rerun with nothing new: nothing compared, nothing stored, nothing changed
            Map<Long, List<Object>> before = clusterRows(w);
            List<Long> queueBefore = queue(review, f.clerk());
            long journalBefore = TestWorkspaces.count(w, "SELECT count(*) FROM journal");
            long runsBefore = TestWorkspaces.count(w, "SELECT count(*) FROM match_runs");
            WorkspaceMatcher.Result nothing = TestWorkspaces.match(w, f.clerk());
            assertThat(nothing.kind()).isEqualTo(WorkspaceMatcher.Kind.NOTHING_NEW);
            assertThat(nothing.modelVersion()).isEqualTo(1);
            assertThat(clusterRows(w)).isEqualTo(before);
            assertThat(queue(review, f.clerk())).isEqualTo(queueBefore);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal")).isEqualTo(journalBefore);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM match_runs")).isEqualTo(runsBefore);

            // one new record: a copy of a record of an open cluster in the queue
            long joined = queueBefore.stream().filter(id -> TestWorkspaces.members(w, id).size() == 2).skip(3)
                    .findFirst().orElseThrow();
            List<Long> joinedIds = TestWorkspaces.members(w, joined);
            long added = importCopyOf(w, f.admin(), joinedIds.get(0), dir.resolve("nachtrag.csv"));
            WorkspaceMatcher.Result run = TestWorkspaces.match(w, f.clerk());
            assertThat(run.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            assertThat(run.newRecords()).isEqualTo(1);
            assertThat(run.modelVersion()).isEqualTo(1);
            // the model was not re-estimated: still version 1, byte for byte
            assertThat(TestWorkspaces.rows(w, "SELECT version FROM models")).containsExactly(List.of(1));
            assertThat((byte[]) TestWorkspaces.rows(w, "SELECT model_bytes FROM models").get(0).get(0))
                    .isEqualTo(model1);
            assertThat(TestWorkspaces.rows(w, "SELECT kind, model_version, last_record_id FROM match_runs WHERE id = ?",
                    run.runId())).containsExactly(List.of("incremental", 1, (int) added));

            Map<Long, List<Object>> after = clusterRows(w);
            // the joined cluster gave way to one with the new record; every other cluster is exactly as it was
            List<Long> created = after.keySet().stream().filter(id -> !before.containsKey(id)).toList();
            assertThat(created).hasSize(1);
            assertThat(TestWorkspaces.members(w, created.get(0))).containsAll(joinedIds).contains(added);
            assertThat(after.get(joined).get(4)).isEqualTo(ClusterStatus.SUPERSEDED.name());
            before.forEach((id, row) -> {
                if (id != joined) {
                    assertThat(after.get(id)).as("cluster %d", id).isEqualTo(row);
                }
            });
            // queue: the same clusters in the same order, the joined one replaced by the grown one
            List<Long> expected = new ArrayList<>(queueBefore);
            expected.remove(joined);
            assertThat(queue(review, f.clerk())).containsAll(expected).contains(created.get(0))
                    .hasSize(queueBefore.size());
            assertThat(queue(review, f.clerk()).stream().filter(expected::contains).toList()).isEqualTo(expected);
            // the clerks' decisions stand
            assertThat(after.get(merged).get(4)).isEqualTo(ClusterStatus.MERGED.name());
            assertThat(after.get(apart).get(4)).isEqualTo(ClusterStatus.NOT_DUPLICATE.name());
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_members WHERE removed_by IS NULL"))
                    .isEqualTo(mergedIds.size());

            // a deliberate re-estimation: a new model version, journalled, that scores nothing until a supervisor
            // activates it (issue 15): the run itself goes on with version 1, and nothing new came
            WorkspaceMatcher.Result again = new WorkspaceMatcher(w).run(f.clerk(), null, true, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(again.kind()).isEqualTo(WorkspaceMatcher.Kind.NOTHING_NEW);
            assertThat(again.modelVersion()).isEqualTo(1);
            assertThat(TestWorkspaces.rows(w, "SELECT version, run_id FROM models ORDER BY version"))
                    .containsExactly(List.of(1, 1), java.util.Arrays.asList(2, null));
            assertThat(TestWorkspaces.rows(w, "SELECT version, kind FROM model_activations"))
                    .containsExactly(List.of(1, "initial"));
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal WHERE action = 'model.estimated'"))
                    .isEqualTo(2);
            assertThat(clusterRows(w).get(merged).get(4)).isEqualTo(ClusterStatus.MERGED.name());
            JournalVerifier.Result verified = w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
            assertThat(verified.ok()).as(verified.describe()).isTrue();
        }
    }

    @Test
    void aStoredModelCannotBeChangedOrRemoved() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            List<String> attacks = new ArrayList<>(List.of("UPDATE models SET model_json = '{}'",
                    "DELETE FROM models"));
            if (store == StoreKind.POSTGRESQL) {
                attacks.add("TRUNCATE models");
            }
            for (String sql : attacks) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(c -> {
                    try (var s = c.createStatement()) {
                        return s.executeUpdate(sql);
                    }
                })).satisfies(e -> assertThat(e.getMessage()).containsAnyOf("kept as estimated",
                        // since schema 15 the activations refer to the models: TRUNCATE is refused for that first
                        "cannot truncate a table referenced in a foreign key constraint"));
            }
        }
    }

    /** Pairs of records in one standing cluster (open, deferred, awaiting approval, merged). */
    private static Set<Long> linkedPairs(Workspace w) {
        Set<Long> pairs = new HashSet<>();
        for (ClusterRepository.Standing s : w.read(ClusterRepository::standing)) {
            long[] m = s.members();
            for (int i = 0; i < m.length; i++) {
                for (int j = i + 1; j < m.length; j++) {
                    pairs.add((m[i] << 32) | m[j]);
                }
            }
        }
        return pairs;
    }

    /**
     * The clusters a run stored anew (by fingerprint) with their pairs and each pair's explanation as the store's
     * readers give it ({@link StoredExplanation#json}), in member order.
     */
    private static Map<String, List<String>> explainedPairs(Workspace w, long runId) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (List<Object> row : TestWorkspaces.rows(w, "SELECT k.fingerprint, p.record_a, p.record_b, "
                + "p.explanation_json FROM cluster_pairs p JOIN clusters k ON k.id = p.cluster_id WHERE k.first_run = ? "
                + "ORDER BY k.fingerprint, p.record_a, p.record_b", runId)) {
            out.computeIfAbsent((String) row.get(0), k -> new java.util.ArrayList<>()).add(row.get(1) + "-"
                    + row.get(2) + ":" + StoredExplanation.json((String) row.get(3)));
        }
        return out;
    }

    /**
     * A workspace of two sources matched (the model estimated), then a third source imported and not yet matched;
     * built the same way in every store it is asked for.
     */
    private static TestStore matchedThenImported(StoreKind kind, Path dir) throws Exception {
        Files.createDirectories(dir);
        TestStore s = TestStore.of(kind, dir);
        try (Workspace w = s.create("person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
        }
        return s;
    }

    @Test
    void anIncrementalRunFindsTheClustersOfAFullRematchWithTheSameModel() throws Exception {
        Set<Long> incremental;
        Set<Long> full;
        Map<String, List<String>> incrementalExplained;
        Map<String, List<String>> fullExplained;
        try (TestStore a = matchedThenImported(store, dir.resolve("a"));
             TestStore b = matchedThenImported(store, dir.resolve("b"))) {
            byte[] model;
            try (Workspace w = a.open()) {
                model = (byte[]) TestWorkspaces.rows(w, "SELECT model_bytes FROM models").get(0).get(0);
                Session admin = TestWorkspaces.fixture(w, a).admin();
                WorkspaceMatcher.Result r = TestWorkspaces.match(w, admin);
                assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
                assertThat(r.newRecords()).isEqualTo((int) TestWorkspaces.count(w, "SELECT count(*) FROM records "
                        + "WHERE source_id = 3"));
                incremental = linkedPairs(w);
                incrementalExplained = explainedPairs(w, r.runId());
            }
            try (Workspace w = b.open()) {
                // the same model in both (the estimation is deterministic), so the runs differ only in what they
                // compare
                assertThat((byte[]) TestWorkspaces.rows(w, "SELECT model_bytes FROM models").get(0).get(0))
                        .isEqualTo(model);
                Session admin = TestWorkspaces.fixture(w, b).admin();
                WorkspaceMatcher.Result r = new WorkspaceMatcher(w).runFull(admin, null, ProgressListener.NONE,
                        CancellationToken.NONE);
                assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.FULL);
                full = linkedPairs(w);
                fullExplained = explainedPairs(w, r.runId());
            }
        }
        // a cluster both runs store anew (the same members) has the same pairs with the same explanation, as the
        // review reads it (stored compact, see StoredExplanation)
        Map<String, List<String>> common = new java.util.HashMap<>(incrementalExplained);
        common.keySet().retainAll(fullExplained.keySet());
        assertThat(common).hasSizeGreaterThan(10);
        common.forEach((fingerprint, pairs) -> assertThat(pairs).isEqualTo(fullExplained.get(fingerprint)));
        assertThat(String.join("", incrementalExplained.values().iterator().next())).contains("\"comparisons\":[{");
        Set<Long> both = new HashSet<>(incremental);
        both.retainAll(full);
        double f1 = 2.0 * both.size() / (incremental.size() + full.size());
        assertThat(full).hasSizeGreaterThan(100);
        assertThat(f1).as("pairwise F1 incremental vs full, %d vs %d pairs", incremental.size(), full.size())
                .isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void theSameProfileWrittenInAnotherOrderIsTheSameProfile() {
        // a profile's maps may be written in another order by another process: that must not re-estimate the model
        assertThat(WorkspaceMatcher.sameProfile("{\"a\":{\"day\":[1],\"month\":[2]},\"b\":[1,2]}",
                "{\"b\":[1,2],\"a\":{\"month\":[2],\"day\":[1]}}")).isTrue();
        assertThat(WorkspaceMatcher.sameProfile("{\"b\":[1,2]}", "{\"b\":[2,1]}")).isFalse();
        assertThat(WorkspaceMatcher.sameProfile("{\"b\":0.9}", "{\"b\":0.95}")).isFalse();
    }
}
