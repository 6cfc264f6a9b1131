package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.rights.Session;
import de.grw.users.UserService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The small read models the desktop shows after an import and a match run. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class WorkspaceReadModelsTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    @Test
    void problemsOfASourceAndWeakestLinksOfARun() {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            Session admin = new UserService(w).createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            WorkspaceImporter importer = new WorkspaceImporter(w);
            WorkspaceImporter.Result last = null;
            long expected = 0;
            for (String f : List.of("melderegister", "sozialamt", "kfz_halter")) {
                last = importer.importFile(admin, Path.of("samples", f + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
                expected = last.imported().invalidValues() + last.imported().rowsRejected();
            }
            List<ImportProblem> all = importer.problems(admin, last.sourceId(), 0);
            assertThat(all).hasSize((int) expected);
            assertThat(all).allSatisfy(p -> assertThat(p.file()).isEqualTo("kfz_halter.csv"));
            if (all.size() > 1) {
                assertThat(importer.problems(admin, last.sourceId(), 1)).containsExactly(all.get(0));
            }

            WorkspaceMatcher matcher = new WorkspaceMatcher(w);
            WorkspaceMatcher.Result run = matcher.run(admin, null, ProgressListener.NONE, CancellationToken.NONE);
            double[] links = matcher.weakestLinks(run.runId());
            assertThat(links).hasSize(run.clusters());
            assertThat(java.util.Arrays.stream(links).boxed().toList())
                    .allSatisfy(p -> assertThat(p).isBetween(run.result().threshold(), 1.0));
            // a full re-match with the active model proposes the clusters again, now under its own run
            WorkspaceMatcher.Result again = matcher.runFull(admin, null, ProgressListener.NONE, CancellationToken.NONE);
            assertThat(matcher.weakestLinks(again.runId())).hasSize(again.clusters());
            assertThat(matcher.weakestLinks(run.runId())).isEmpty();
        }
    }

    @Test
    void aRunKeepsItsThresholdFiguresAndTheyCountItsOwnPairs() {
        try (TestStore at = TestStore.of(store, dir); Workspace w = at.create("person-de")) {
            Session admin = new UserService(w).createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
            WorkspaceImporter importer = new WorkspaceImporter(w);
            for (String f : List.of("melderegister", "sozialamt", "kfz_halter")) {
                importer.importFile(admin, Path.of("samples", f + ".csv"), MappingFile.NONE, null, null,
                        ProgressListener.NONE, CancellationToken.NONE);
            }
            WorkspaceMatcher matcher = new WorkspaceMatcher(w);
            WorkspaceMatcher.Result run = matcher.run(admin, null, ProgressListener.NONE, CancellationToken.NONE);
            de.grw.matching.MatchResult r = run.result();
            ThresholdFiguresRepository.Stored stored = matcher.thresholdFigures(run.runId());
            assertThat(stored.kind()).isEqualTo("estimated");
            assertThat(stored.threshold()).isEqualTo(r.threshold());
            assertThat(stored.figures().bins().stream().mapToLong(de.grw.matching.cluster.ThresholdSweep.Bin::pairs)
                    .sum()).isEqualTo(r.pairCount());
            assertThat(stored.figures().steps()).hasSizeGreaterThan(90);
            for (de.grw.matching.cluster.ThresholdSweep.Step s : stored.figures().steps()) {
                // from the run's pairs directly: components of the pairs at or above the threshold
                int[] parent = java.util.stream.IntStream.range(0, r.recordCount()).toArray();
                long pairs = 0;
                for (int p = 0; p < r.pairCount(); p++) {
                    if (r.probability(p) >= s.threshold()) {
                        pairs++;
                        parent[root(parent, r.first(p))] = root(parent, r.second(p));
                    }
                }
                java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
                for (int i = 0; i < parent.length; i++) {
                    sizes.merge(root(parent, i), 1, Integer::sum);
                }
                long clusters = sizes.values().stream().filter(n -> n > 1).count();
                assertThat(s.pairs()).as("pairs at %s", s.threshold()).isEqualTo(pairs);
                assertThat(s.clusters()).as("clusters at %s", s.threshold()).isEqualTo(clusters);
            }
            assertThat(stored.figures().steps()).anySatisfy(s -> {
                assertThat(s.threshold()).isEqualTo(r.threshold());
                assertThat(s.pairs()).isEqualTo(r.pairsAboveThreshold()).isPositive();
            });
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }
}
