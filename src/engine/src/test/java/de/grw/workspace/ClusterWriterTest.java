package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The run's cluster writer batches the clusters themselves on SQLite (ids given by the writer): the ids are those the
 * table would have given, a cluster not yet written is found by its fingerprint, members and pairs are written with
 * their cluster, and the table goes on giving ids after them; on PostgreSQL the same through the identity.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ClusterWriterTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void batchedClustersGetTheTablesIdsAndAreFoundBeforeTheyAreWritten() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            long run = TestWorkspaces.count(w, "SELECT max(id) FROM match_runs");
            long largest = TestWorkspaces.count(w, "SELECT max(id) FROM clusters");
            List<List<Object>> records = TestWorkspaces.rows(w, "SELECT id FROM records ORDER BY id LIMIT 4");
            long r1 = ((Number) records.get(0).get(0)).longValue();
            long r2 = ((Number) records.get(1).get(0)).longValue();
            long r3 = ((Number) records.get(2).get(0)).longValue();
            long r4 = ((Number) records.get(3).get(0)).longValue();
            long[] ids = w.write(c -> {
                try (ClusterRepository.Writer writer = ClusterRepository.writer(c)) {
                    long a = writer.insert("test-a", run, ClusterStatus.OPEN, 0.9, 0.95, new long[] {r1, r2},
                            List.of(new ClusterRepository.Pair(r1, r2, 0.9, 3.2, "~1.0;x,y,3.2")), 17L);
                    long b = writer.insert("test-b", run, ClusterStatus.OPEN, 0.8, 0.8, new long[] {r3, r4},
                            List.of(), null);
                    // not written yet, and found all the same (with its own id)
                    Long found = writer.find("test-b");
                    return new long[] {a, b, found};
                }
            });
            if (store == StoreKind.SQLITE) {
                assertThat(ids[0]).isEqualTo(largest + 1);
                assertThat(ids[1]).isEqualTo(largest + 2);
            } else {
                assertThat(ids[0]).isGreaterThan(largest);
                assertThat(ids[1]).isGreaterThan(ids[0]);
            }
            assertThat(ids[2]).isEqualTo(ids[1]);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM clusters WHERE fingerprint IN ('test-a', "
                    + "'test-b')")).isEqualTo(2);
            assertThat(TestWorkspaces.count(w, "SELECT weakest_pattern FROM clusters WHERE id = ?", ids[0]))
                    .isEqualTo(17);
            assertThat(TestWorkspaces.members(w, ids[0])).containsExactly(r1, r2);
            assertThat(TestWorkspaces.members(w, ids[1])).containsExactly(r3, r4);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM cluster_pairs WHERE cluster_id = ?", ids[0]))
                    .isEqualTo(1);
            // the table gives the next id after them (a cluster a clerk's split makes)
            long next = w.write(c -> ClusterRepository.ensure(c, new long[] {r1, r4}, run));
            assertThat(next).isGreaterThan(ids[1]);
        }
    }
}
