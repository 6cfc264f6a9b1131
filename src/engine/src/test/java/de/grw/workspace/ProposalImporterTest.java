package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.profile.MatchProfile;
import de.grw.review.ReviewService;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark job's proposal bundle loaded for review (issue 17): its clusters enter the queue as a match run of kind
 * {@code imported}, journalled with the bundle's SHA-256; a later local run of the same engine finds the same
 * clusters (unchanged, review state kept). Refused before anything is stored: a role without the right to match,
 * a broken bundle (file, line, problem), another profile, records the workspace does not hold.
 */
class ProposalImporterTest {
    @TempDir
    Path dir;

    private record Fresh(Workspace workspace, Session admin, Session clerk, WorkspaceLoader.Loaded loaded,
                         MatchProfile profile) implements AutoCloseable {
        @Override
        public void close() {
            workspace.close();
        }
    }

    /** A workspace with the three sample registers imported and never matched. */
    private Fresh fresh(String name, String... samples) {
        Workspace w = WorkspaceSetup.create(dir.resolve(name + ".grw"), Clock.systemUTC(), "person-de");
        Session admin = TestWorkspaces.createWithUsers(w);
        for (String s : samples) {
            TestWorkspaces.importFile(w, admin, Path.of("samples", s + ".csv"), null);
        }
        Session clerk = new UserService(w).login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
        MatchProfile profile = WorkspaceProfile.profile(w);
        return new Fresh(w, admin, clerk, w.read(c -> WorkspaceLoader.load(c, profile, null)), profile);
    }

    private Path bundleOf(Fresh f, String name) throws Exception {
        MatchResult result = new MatchEngine(f.profile()).run(f.loaded().table(), MatchOptions.defaults(),
                ProgressListener.NONE, CancellationToken.NONE);
        return ProposalBundleFixture.write(dir.resolve(name), f.profile(), f.loaded().table(), result);
    }

    @Test
    void theBundlesClustersEnterTheQueueAsAnImportedRunAndALocalRunFindsThemAgain() throws Exception {
        try (Fresh f = fresh("a", TestWorkspaces.SAMPLES.toArray(new String[0]))) {
            Path bundle = bundleOf(f, "bundle");
            ProposalBundleReader.Bundle read = ProposalBundleReader.read(bundle);
            assertThat(read.clusters()).hasSizeGreaterThan(50);

            ProposalImporter.Result r = new ProposalImporter(f.workspace()).importBundle(f.clerk(), bundle);

            assertThat(r.clusters()).isEqualTo(read.clusters().size());
            assertThat(r.newClusters()).isEqualTo(r.clusters());
            assertThat(r.unchanged()).isZero();
            assertThat(r.pairs()).isPositive();
            ReviewService review = new ReviewService(f.workspace());
            assertThat(review.queue(f.clerk(), null, 0)).hasSize(r.clusters());
            assertThat(TestWorkspaces.rows(f.workspace(), "SELECT kind, started_by FROM match_runs WHERE id = ?",
                    r.runId())).containsExactly(List.of("imported", TestWorkspaces.CLERK));
            String journal = (String) TestWorkspaces.rows(f.workspace(), "SELECT payload FROM journal WHERE "
                    + "action = 'match.run' ORDER BY seq DESC LIMIT 1").get(0).get(0);
            assertThat(journal).contains("\"kind\":\"imported\"", "\"bundle_sha256\":\"" + read.sha256() + "\"");
            // every stored pair's explanation reads back as the review shows it
            String explanation = (String) TestWorkspaces.rows(f.workspace(), "SELECT explanation_json FROM "
                    + "cluster_pairs LIMIT 1").get(0).get(0);
            assertThat(StoredExplanation.json(explanation)).contains("\"prior\"", "\"comparisons\"");

            // the workspace's own run over the same records proposes the same clusters: all unchanged
            WorkspaceMatcher.Result local = TestWorkspaces.match(f.workspace(), f.clerk());
            assertThat(local.clusters()).isEqualTo(r.clusters());
            assertThat(local.unchanged()).isEqualTo(r.clusters());
            assertThat(local.newClusters()).isZero();
        }
    }

    @Test
    void theImportReportsItsPhasesAndACancellationWhileStoringStoresNothing() throws Exception {
        try (Fresh f = fresh("d", "melderegister", "sozialamt")) {
            Path bundle = bundleOf(f, "bundle");
            List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            // cancelled once the first clusters are being stored: inside the write transaction
            ProgressListener progress = (phase, done, total) -> {
                phases.add(phase);
                if (phase.equals("proposals.store")) {
                    cancelled.set(true);
                }
            };
            assertThatThrownBy(() -> new ProposalImporter(f.workspace()).importBundle(f.clerk(), bundle, progress,
                    cancelled::get)).isInstanceOf(de.grw.common.CancelledException.class);
            assertThat(phases).containsExactly("proposals.check", "proposals.resolve", "proposals.store");
            assertThat(TestWorkspaces.count(f.workspace(), "SELECT COUNT(*) FROM match_runs")).isZero();
            assertThat(TestWorkspaces.count(f.workspace(), "SELECT COUNT(*) FROM clusters")).isZero();
            assertThat(TestWorkspaces.count(f.workspace(), "SELECT COUNT(*) FROM journal WHERE action = 'match.run'"))
                    .isZero();

            // not cancelled: the same bundle is stored, the phases reported to the end
            phases.clear();
            ProposalImporter.Result r = new ProposalImporter(f.workspace()).importBundle(f.clerk(), bundle,
                    (phase, done, total) -> phases.add(phase + " " + done + "/" + total), CancellationToken.NONE);
            assertThat(phases).startsWith("proposals.check 0/-1", "proposals.resolve 0/-1", "proposals.store 0/"
                    + r.clusters()).endsWith("proposals.store " + r.clusters() + "/" + r.clusters());
        }
    }

    @Test
    void aRoleWithoutTheRightToMatchIsRefused() throws Exception {
        try (Fresh f = fresh("b", "melderegister", "sozialamt")) {
            Path bundle = bundleOf(f, "bundle");
            TestWorkspaces.addAccount(new UserService(f.workspace()), f.admin(), "fachverfahren", Role.API,
                    "Schnittstelle-2026");
            Session app = new UserService(f.workspace()).login("fachverfahren", "Schnittstelle-2026".toCharArray());
            assertThatThrownBy(() -> new ProposalImporter(f.workspace()).importBundle(app, bundle))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(TestWorkspaces.count(f.workspace(), "SELECT COUNT(*) FROM match_runs")).isZero();
        }
    }

    @Test
    void aBrokenBundleIsRefusedWithFileLineAndProblemAndNothingIsStored() throws Exception {
        try (Fresh f = fresh("c", "melderegister", "sozialamt")) {
            Path bundle = bundleOf(f, "bundle");
            ProposalImporter importer = new ProposalImporter(f.workspace());
            Path csv = bundle.resolve("clusters/part-00000.csv");
            List<String> rows = Files.readAllLines(csv);

            // a changed byte: the checksum
            Files.writeString(csv, String.join("\n", rows).replaceFirst(",\\d+\n", ",999999\n") + "\n");
            assertThatThrownBy(() -> importer.importBundle(f.clerk(), bundle)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("part-00000.csv: ").hasMessageContaining("manifest.json");

            // sealed again, the line-by-line checks speak: a cluster that is no number, on line 3
            List<String> bad = new java.util.ArrayList<>(rows);
            bad.set(2, bad.get(2).replaceAll(",\\d+$", ",zwei"));
            Files.write(csv, bad);
            ProposalBundleFixture.seal(bundle);
            assertThatThrownBy(() -> importer.importBundle(f.clerk(), bundle))
                    .hasMessageContaining("part-00000.csv: line 3: cluster 'zwei' is not a number")
                    .satisfies(e -> assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN))
                            .contains("part-00000.csv: Zeile 3: Die Gruppe „zwei“ ist keine Zahl."));

            // a pair line that is no JSON
            Files.write(csv, rows);
            Path pairs = bundle.resolve("pairs/part-00000");
            List<String> lines = Files.readAllLines(pairs);
            List<String> broken = new java.util.ArrayList<>(lines);
            broken.set(1, "{\"a\": ");
            Files.write(pairs, broken);
            ProposalBundleFixture.seal(bundle);
            assertThatThrownBy(() -> importer.importBundle(f.clerk(), bundle))
                    .hasMessageContaining("pairs/part-00000: line 2: not valid JSON");
            Files.write(pairs, lines);

            // a file nobody named, and an older version
            Files.writeString(bundle.resolve("pairs/part-00001"), "");
            assertThatThrownBy(() -> importer.importBundle(f.clerk(), bundle))
                    .hasMessageContaining("part-00001: not named in manifest.json");
            Files.delete(bundle.resolve("pairs/part-00001"));
            Path manifest = bundle.resolve("manifest.json");
            String good = Files.readString(manifest);
            Files.writeString(manifest, good.replace("\"version\" : 2", "\"version\" : 1"));
            assertThatThrownBy(() -> importer.importBundle(f.clerk(), bundle))
                    .hasMessageContaining("manifest.json: bundle version 1 is not read by this workbench");
            Files.writeString(manifest, good);
            ProposalBundleFixture.seal(bundle);
            assertThat(TestWorkspaces.count(f.workspace(), "SELECT COUNT(*) FROM match_runs")).isZero();

            // whole again, it imports
            assertThat(importer.importBundle(f.clerk(), bundle).clusters()).isPositive();
        }
    }

    @Test
    void recordsTheWorkspaceDoesNotHoldAreNamedAndRefused() throws Exception {
        Path bundle;
        try (Fresh all = fresh("d", TestWorkspaces.SAMPLES.toArray(new String[0]))) {
            bundle = bundleOf(all, "bundle");
        }
        try (Fresh part = fresh("e", "melderegister", "sozialamt")) {
            assertThatThrownBy(() -> new ProposalImporter(part.workspace()).importBundle(part.clerk(), bundle))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("records the bundle's clusters name are not in the workspace")
                    .hasMessageContaining("part-00000.csv: line ").hasMessageContaining("kfz_halter/")
                    .satisfies(e -> assertThat(((UserFacingException) e).message(java.util.Locale.GERMAN)).contains(
                            "Sätze, die die Gruppen des Pakets nennen, sind nicht im Arbeitsbereich",
                            "part-00000.csv: Zeile ", "kfz_halter/").doesNotContain(": line "));
            assertThat(TestWorkspaces.count(part.workspace(), "SELECT COUNT(*) FROM match_runs")).isZero();
            // imported with it, the bundle loads
            TestWorkspaces.importFile(part.workspace(), part.admin(), Path.of("samples/kfz_halter.csv"), null);
            assertThat(new ProposalImporter(part.workspace()).importBundle(part.clerk(), bundle).clusters())
                    .isPositive();
        }
    }
}
