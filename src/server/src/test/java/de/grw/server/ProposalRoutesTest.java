package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.ProposalsImport;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.UserFacingException;
import de.grw.store.Workspace;
import de.grw.workspace.ProposalBundleFixture;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A Spark job's proposal bundle through the server (issue 17, {@code POST /api/v1/proposal-bundles}): the client
 * zips the folder, the server checks and loads it as the engine does; the engine's run over the same records
 * proposed the same clusters, so all are unchanged and journalled as an imported run. A broken bundle is refused with
 * the file inside the bundle and the problem, never the server's staging folder.
 */
class ProposalRoutesTest extends SharedServerTest {
    @Test
    void theClientUploadsTheBundleAndTheServerLoadsItOrNamesWhatIsBroken() throws Exception {
        Path bundle;
        Files.createDirectories(dir.resolve("copy"));
        try (Workspace copy = Workspace.open(TestWorkspaces.copyTo(dir.resolve("copy")), Clock.systemUTC())) {
            bundle = ProposalBundleFixture.ofWorkspace(copy, dir.resolve("bundle"));
        }
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint)) {
            SignedIn anna = remote.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ProposalsImport r = anna.imports().proposals(bundle);
            assertThat(r.clusters()).isPositive();
            assertThat(r.unchanged()).as("the workspace's own run proposed the same clusters").isEqualTo(r.clusters());
            assertThat(r.newClusters()).isZero();
            assertThat(r.bundleSha256()).hasSize(64);
            try (var c = s.sql()) {
                assertThat(TestWorkspaces.rows(c, "SELECT kind FROM match_runs WHERE id = ?", r.runId()).get(0)
                        .get(0)).isEqualTo("imported");
            }

            Path csv = bundle.resolve("clusters/part-00000.csv");
            Files.writeString(csv, Files.readString(csv) + "melderegister,X-1,1\n");
            assertThatThrownBy(() -> anna.imports().proposals(bundle)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("bundle/clusters/part-00000.csv: ")
                    .hasMessageContaining("manifest.json (files entry 3)")
                    .hasMessageNotContaining("grw-proposals")
                    // checked on this machine first, in the client's language
                    .satisfies(e -> assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN)).contains(
                            "bundle/clusters/part-00000.csv: ", "Bytes, manifest.json (Eintrag 3 von „files“)"));

            // sealed again it passes the client's checks; the server's engine refuses the record the workspace
            // lacks, and its text travels as key and arguments (the staging folder taken out of the nested
            // location), so the client shows it in its language
            java.util.List<String> rows = new java.util.ArrayList<>(Files.readAllLines(csv));
            String label = rows.get(1).substring(rows.get(1).lastIndexOf(',') + 1);
            rows.set(rows.size() - 1, "melderegister,X-1," + label); // in the first row's cluster
            Files.write(csv, rows);
            ProposalBundleFixture.seal(bundle);
            assertThatThrownBy(() -> anna.imports().proposals(bundle)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("records the bundle's clusters name are not in the workspace")
                    .hasMessageContaining("bundle/clusters/part-00000.csv: line ")
                    .hasMessageContaining("melderegister/X-1").hasMessageNotContaining("grw-proposals")
                    .satisfies(e -> assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN)).contains(
                            "1 Sätze, die die Gruppen des Pakets nennen, sind nicht im Arbeitsbereich",
                            "bundle/clusters/part-00000.csv: Zeile ", "melderegister/X-1")
                            .doesNotContain("grw-proposals", "nicht lesbar"));
        }
    }
}
