package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.review.DecisionState;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.SplitCommand;
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
 * Re-running the match keeps the decisions: merged records stay together, cannot-link pairs stay apart, golden ids
 * stay stable, and only new or changed clusters come back to the queue. A record imported later is matched against
 * the existing golden record, and approving its merge keeps the golden id.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RematchKeepsDecisionsTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Cluster(long id, String status, long firstRun, long lastRun, Set<Long> members) {
    }

    private static Map<Long, Cluster> clusters(Workspace w) {
        Map<Long, Set<Long>> members = new HashMap<>();
        for (List<Object> r : TestWorkspaces.rows(w, "SELECT cluster_id, record_id FROM cluster_members")) {
            members.computeIfAbsent(((Number) r.get(0)).longValue(), k -> new HashSet<>())
                    .add(((Number) r.get(1)).longValue());
        }
        Map<Long, Cluster> out = new HashMap<>();
        for (List<Object> r : TestWorkspaces.rows(w, "SELECT id, status, first_run, last_run FROM clusters")) {
            long id = ((Number) r.get(0)).longValue();
            out.put(id, new Cluster(id, (String) r.get(1), ((Number) r.get(2)).longValue(),
                    ((Number) r.get(3)).longValue(), members.get(id)));
        }
        return out;
    }

    private static List<Cluster> ofRun(Map<Long, Cluster> clusters, long run) {
        return clusters.values().stream().filter(c -> c.lastRun() == run).toList();
    }

    private static Set<Long> queue(ReviewService review, TestWorkspaces.Fixture f) {
        Set<Long> out = new HashSet<>();
        review.queue(f.clerk(), null, 0).forEach(q -> out.add(q.clusterId()));
        return out;
    }

    private static long sourceOf(Workspace w, long record) {
        return TestWorkspaces.count(w, "SELECT source_id FROM records WHERE id = ?", record);
    }

    @Test
    void rerunAndIncrementalImportKeepDecisions() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ReviewService review = f.review();
            List<QueueEntry> open = review.queue(f.clerk(), null, 0);
            // a pair with a Melderegister record to merge, a pair to keep apart, a triple to split, a pair to defer
            long merged = open.stream().filter(q -> q.size() == 2 && TestWorkspaces.members(w, q.clusterId()).stream()
                    .anyMatch(r -> sourceOf(w, r) == 1)).findFirst().orElseThrow().clusterId();
            List<Long> pairs = open.stream().filter(q -> q.size() == 2 && q.clusterId() != merged)
                    .map(QueueEntry::clusterId).toList();
            long apart = pairs.get(0);
            long deferred = pairs.get(1);
            long split = open.stream().filter(q -> q.size() == 3).findFirst().orElseThrow().clusterId();

            List<Long> mergedIds = TestWorkspaces.members(w, merged);
            DecisionView merge = review.propose(f.clerk(), merged, new MergeCommand(mergedIds, Map.of()),
                    "dieselbe Person", "AZ-5");
            review.approve(f.supervisor(), merge.id(), "geprüft");
            List<Long> apartIds = TestWorkspaces.members(w, apart);
            review.propose(f.clerk(), apart, new NotDuplicateCommand(apartIds.get(0), apartIds.get(1)), "Vater/Sohn",
                    "AZ-6");
            List<Long> splitIds = TestWorkspaces.members(w, split);
            review.propose(f.clerk(), split, new SplitCommand(List.of(splitIds.subList(0, 2),
                    splitIds.subList(2, 3))), "zwei Personen", "AZ-7");
            review.propose(f.clerk(), deferred, new DeferCommand(), "Rückfrage", "");

            List<List<Object>> golden = TestWorkspaces.rows(w, "SELECT * FROM golden_records ORDER BY id");
            String goldenId = (String) golden.get(0).get(0);
            Map<Long, Cluster> before = clusters(w);
            Set<Long> queueBefore = queue(review, f);
            assertThat(queueBefore).doesNotContain(merged, apart, split).contains(deferred);

            // a full re-match (all pairs, with the active model) keeps them too
            WorkspaceMatcher.Result run2 = new WorkspaceMatcher(w).runFull(f.clerk(), null,
                    de.grw.common.ProgressListener.NONE, de.grw.common.CancellationToken.NONE);
            Map<Long, Cluster> after = clusters(w);
            List<Cluster> current = ofRun(after, run2.runId());

            // merged records share a cluster, which stays merged and out of the queue
            assertThat(after.get(merged).lastRun()).isEqualTo(run2.runId());
            assertThat(after.get(merged).status()).isEqualTo(ClusterStatus.MERGED.name());
            assertThat(current).filteredOn(c -> c.members().containsAll(mergedIds)).hasSize(1);
            // cannot-link pairs and split groups are apart
            assertThat(current).noneMatch(c -> c.members().containsAll(apartIds));
            assertThat(current).noneMatch(c -> c.members().contains(splitIds.get(2))
                    && (c.members().contains(splitIds.get(0)) || c.members().contains(splitIds.get(1))));
            assertThat(after.get(apart).status()).isEqualTo(ClusterStatus.NOT_DUPLICATE.name());
            assertThat(after.get(split).status()).isEqualTo(ClusterStatus.SPLIT.name());
            assertThat(after.get(deferred).status()).isEqualTo(ClusterStatus.DEFERRED.name());
            // golden ids unchanged
            assertThat(TestWorkspaces.rows(w, "SELECT * FROM golden_records ORDER BY id")).isEqualTo(golden);
            // nothing changed, so nothing is new; decided clusters keep their state, undecided ones stay queued
            assertThat(run2.newClusters()).isZero();
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((id, c) -> assertThat(after.get(id).status()).as("cluster %d", id).isEqualTo(c.status()));
            assertThat(queue(review, f)).isEqualTo(queueBefore);

            // a record imported later: a copy of the merged person's Melderegister record under a new number
            long melde = mergedIds.stream().filter(r -> sourceOf(w, r) == 1).findFirst().orElseThrow();
            String[] columns = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT columns_json FROM sources "
                    + "WHERE id = 1").get(0).get(0), String[].class);
            String[] cells = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT cells_json FROM records WHERE "
                    + "id = ?", melde).get(0).get(0), String[].class);
            cells[0] = "199999999";
            Path later = dir.resolve("melderegister_nachtrag.csv");
            Files.writeString(later, String.join(";", columns) + "\n" + String.join(";", cells) + "\n",
                    StandardCharsets.UTF_8);
            TestWorkspaces.importFile(w, f.admin(), later, null);
            long added = TestWorkspaces.count(w, "SELECT max(id) FROM records");

            WorkspaceMatcher.Result run3 = TestWorkspaces.match(w, f.clerk());
            Map<Long, Cluster> third = clusters(w);
            List<Cluster> grown = ofRun(third, run3.runId()).stream().filter(c -> c.members().contains(added))
                    .toList();
            assertThat(grown).hasSize(1);
            Cluster withGolden = grown.get(0);
            assertThat(withGolden.members()).containsAll(mergedIds).hasSize(mergedIds.size() + 1);
            assertThat(withGolden.firstRun()).isEqualTo(run3.runId());
            assertThat(withGolden.status()).isEqualTo(ClusterStatus.OPEN.name());
            assertThat(run3.newClusters()).isEqualTo(1);
            assertThat(queue(review, f)).contains(withGolden.id());
            assertThat(third.get(merged).status()).isEqualTo(ClusterStatus.MERGED.name());
            assertThat(TestWorkspaces.rows(w, "SELECT * FROM golden_records ORDER BY id")).isEqualTo(golden);

            List<Long> all = new ArrayList<>(withGolden.members());
            DecisionView extend = review.propose(f.clerk(), withGolden.id(), new MergeCommand(all, Map.of()),
                    "Nachtrag derselben Person", "AZ-8");
            assertThat(review.approve(f.supervisor2(), extend.id(), "geprüft").state())
                    .isEqualTo(DecisionState.EFFECTIVE);
            assertThat(TestWorkspaces.rows(w, "SELECT id, status FROM golden_records"))
                    .containsExactly(List.of(goldenId, "ACTIVE"));
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM golden_members WHERE golden_id = ? AND "
                    + "removed_by IS NULL", goldenId)).isEqualTo(mergedIds.size() + 1);
            assertThat(queue(review, f)).doesNotContain(withGolden.id());

            // and a further run keeps all of it
            WorkspaceMatcher.Result run4 = TestWorkspaces.match(w, f.clerk());
            assertThat(run4.newClusters()).isZero();
            assertThat(clusters(w).get(withGolden.id()).status()).isEqualTo(ClusterStatus.MERGED.name());
        }
    }
}
