package de.grw.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.workspace.MatchConstraints;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace's decisions flow into the Spark job (issue 17): on FEBRL1, cannot-links split clusters the
 * unconstrained run forms (directly, and through a must-link: x merged with e, z never with e, so the link x-z is
 * refused), must-links join records it keeps apart,
 * and the job's clusters under the constraints (read from a constraints file) are the engine's under the same.
 */
class SparkConstraintsTest extends SparkSessionTest {

    @TempDir
    Path dir;

    @Test
    void mustLinksAndCannotLinksReverseTheUnconstrainedClustersAsInTheEngine() throws Exception {
        MatchProfile profile = ProfileLoader.defaultProfile();
        Path febrl1 = SparkTestSession.DATASETS.resolve("febrl/dataset1.csv");
        assertThat(febrl1).as("benchmark data set (see ../shared/datasets/README.md)").exists();
        RecordTable table = SparkTestSession.load(spark, profile, febrl1);
        MatchResult free = SparkTestSession.engine(profile, table);

        Map<Integer, List<Integer>> clusters = new HashMap<>();
        for (int r = 0; r < table.size(); r++) {
            clusters.computeIfAbsent(free.clusterOf(r), k -> new ArrayList<>()).add(r);
        }
        List<List<Integer>> pairs = clusters.values().stream().filter(c -> c.size() == 2).limit(2).toList();
        List<Integer> singles = clusters.values().stream().filter(c -> c.size() == 1).map(c -> c.get(0))
                .limit(3).toList();
        int a = pairs.get(0).get(0);
        int b = pairs.get(0).get(1);
        // x and z are linked; x is merged with the single e, which z must never join: so z stays apart from x
        int x = pairs.get(1).get(0);
        int z = pairs.get(1).get(1);
        int c = singles.get(0);
        int d = singles.get(1);
        int e = singles.get(2);

        MatchConstraints written = new MatchConstraints(MatchConstraints.FORMAT, MatchConstraints.VERSION,
                "2026-12-06T23:50:00Z", "test", List.of(List.of(ref(table, c), ref(table, d)),
                        List.of(ref(table, x), ref(table, e))),
                List.of(List.of(ref(table, a), ref(table, b)), List.of(ref(table, z), ref(table, e)),
                        List.of(ref(table, c), new MatchConstraints.Ref("elsewhere", "1"))));
        Path file = dir.resolve("constraints.json");
        written.write(file);
        MatchConstraints.Bound bound = MatchConstraints.read(file).bind(table);
        assertThat(bound.unresolved()).isEqualTo(1);
        assertThat(bound.mustLink()).hasDimensions(2, 2);
        assertThat(bound.cannotLink()).hasSize(2);

        MatchResult engine = new MatchEngine(profile).run(table, MatchOptions.defaults(), bound.apart(),
                bound.mustLink(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(engine.clusterOf(a)).as("the engine honours the cannot-link").isNotEqualTo(engine.clusterOf(b));
        assertThat(engine.clusterOf(x)).isNotEqualTo(engine.clusterOf(z)).isEqualTo(engine.clusterOf(e));
        assertThat(engine.clusterOf(c)).as("the engine honours the must-link").isEqualTo(engine.clusterOf(d));

        try (SparkMatchResult result = new SparkMatchJob(profile, SparkTestSession.PARTITIONS)
                .run(spark, table, MatchOptions.defaults(), bound)) {
            int[] s = result.clusterArray();
            assertThat(s[a]).as("cannot-link: apart in the job").isNotEqualTo(s[b]);
            assertThat(s[x]).isNotEqualTo(s[z]).isEqualTo(s[e]);
            assertThat(s[c]).as("must-link: together in the job").isEqualTo(s[d]);
            var agreement = SparkTestSession.agreement(s, engine);
            System.out.printf("FEBRL1 constrained Spark vs engine: %s; refused merges %d%n", agreement,
                    result.refusedMerges());
            assertThat(agreement.f1()).isEqualTo(1.0);
            assertThat(samePartition(s, engine)).as("the engine's clusters, record for record").isTrue();
            assertThat(result.refusedMerges()).isEqualTo(engine.clusters().refusedMerges());
        }
    }

    private static MatchConstraints.Ref ref(RecordTable table, int r) {
        return new MatchConstraints.Ref(table.sourceName(r), table.recordId(r));
    }

    /** Whether the two clusterings are the same partition of the records. */
    private static boolean samePartition(int[] spark, MatchResult engine) {
        Map<Integer, Integer> forward = new HashMap<>();
        Map<Integer, Integer> back = new HashMap<>();
        for (int r = 0; r < spark.length; r++) {
            int e = engine.clusterOf(r);
            int s = spark[r];
            if (!forward.computeIfAbsent(s, k -> e).equals(e) || !back.computeIfAbsent(e, k -> s).equals(s)) {
                return false;
            }
        }
        return true;
    }
}
