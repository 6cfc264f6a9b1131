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
}
