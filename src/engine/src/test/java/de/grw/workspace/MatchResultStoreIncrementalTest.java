package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An incremental run stores its redone clusters without a look-up per cluster (the standing ones are known from
 * what the run loaded); it leaves exactly the clusters main's way (a look-up by fingerprint per cluster, in the
 * result's order) leaves: the same ids, statuses, runs, probabilities, members and scored pairs, so the same queue.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class MatchResultStoreIncrementalTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    /**
     * Two sources matched, a third imported and matched incrementally; then that run is made to look as if it had
     * not seen the third source (its last record id set back), so the next run redoes the third source's records:
     * it proposes the clusters the run before stored again (kept, found among the standing ones), among them some
     * deferred and some taken out of the queue (superseded: not standing, found by a look-up, back to the queue).
     */
    private static TestStore matchedTwice(StoreKind kind, Path dir) throws Exception {
        Files.createDirectories(dir);
        TestStore s = TestStore.of(kind, dir);
        try (Workspace w = s.create("person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
            long first = TestWorkspaces.match(w, admin).runId();
            TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
            WorkspaceMatcher.Result second = TestWorkspaces.match(w, admin);
            assertThat(second.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE match_runs SET last_record_id = (SELECT last_record_id "
                    + "FROM match_runs WHERE id = ?) WHERE id = ?", first, second.runId()));
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE clusters SET status = 'DEFERRED' WHERE id IN "
                    + "(SELECT id FROM clusters WHERE status = 'OPEN' AND first_run = ? ORDER BY id LIMIT 5)",
                    second.runId()));
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE clusters SET status = 'SUPERSEDED' WHERE id IN "
                    + "(SELECT id FROM clusters WHERE status = 'OPEN' AND first_run = ? ORDER BY id DESC LIMIT 5)",
                    second.runId()));
        }
        return s;
    }

    /** Every cluster with every column, its members and its scored pairs, by id. */
    private static List<List<Object>> dump(Workspace w) {
        List<List<Object>> out = new java.util.ArrayList<>(TestWorkspaces.rows(w, "SELECT id, fingerprint, "
                + "first_run, last_run, status, size, min_probability, max_probability, note FROM clusters ORDER BY id"));
        out.addAll(TestWorkspaces.rows(w, "SELECT cluster_id, record_id FROM cluster_members ORDER BY cluster_id, "
                + "record_id"));
        out.addAll(TestWorkspaces.rows(w, "SELECT cluster_id, record_a, record_b, probability, weight, "
                + "explanation_json FROM cluster_pairs ORDER BY cluster_id, record_a, record_b"));
        return out;
    }

    private static List<List<Object>> queue(Workspace w) {
        return TestWorkspaces.rows(w, "SELECT id, status, min_probability, max_probability FROM clusters WHERE status "
                + "IN ('OPEN', 'DEFERRED') ORDER BY id");
    }

    private record Run(WorkspaceMatcher.Result result, List<List<Object>> before, List<List<Object>> after,
                       List<List<Object>> queue) {
    }

    private Run incremental(String name, boolean perCluster) throws Exception {
        try (TestStore s = matchedTwice(store, dir.resolve(name)); Workspace w = s.open()) {
            List<List<Object>> before = dump(w);
            Session admin = TestWorkspaces.fixture(w, s).admin();
            MatchResultStore.perCluster = perCluster;
            WorkspaceMatcher.Result r;
            try {
                r = TestWorkspaces.match(w, admin);
            } finally {
                MatchResultStore.perCluster = false;
            }
            assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            return new Run(r, before, dump(w), queue(w));
        }
    }

    private static long open(List<List<Object>> dump) {
        return dump.stream().filter(r -> r.size() == 9 && "OPEN".equals(r.get(4))).count();
    }

    @Test
    void theRedoneClustersAreStoredAsMainStoresThem() throws Exception {
        Run fast = incremental("fast", false);
        Run oracle = incremental("oracle", true);
        // the run did something to compare: clusters proposed again, new ones, the queue changed
        assertThat(fast.result().unchanged()).isGreaterThan(10);
        assertThat(open(fast.after())).isGreaterThan(open(fast.before()));
        assertThat(fast.after()).isNotEqualTo(fast.before());
        assertThat(fast.before()).isEqualTo(oracle.before());
        // the same clusters, ids, statuses, runs, members and pairs as main's way, so the same queue
        assertThat(fast.queue()).hasSizeGreaterThan(100).isEqualTo(oracle.queue());
        assertThat(fast.after()).isEqualTo(oracle.after());
        assertThat(List.of(fast.result().clusters(), fast.result().newClusters(), fast.result().unchanged(),
                fast.result().superseded())).isEqualTo(List.of(oracle.result().clusters(), oracle.result().newClusters(),
                oracle.result().unchanged(), oracle.result().superseded()));
    }
}
