package de.grw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.users.UserService;
import de.grw.workspace.ProposalBundleFixture;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grw import-proposals} (issue 17): a bundle naming records of a register the workspace lacks is refused with
 * the file, line and record, and loads with {@code --with} that register; its clusters are then in {@code grw queue};
 * a changed file is refused by its checksum; a role without the right to match is refused; never a stack trace.
 */
class ImportProposalsCliTest {
    @TempDir
    Path dir;

    private CliRunner as(Path ws, String user, String password, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", ws.toString(), "--user", user));
        CliRunner r = CliRunner.run(Map.of("GRW_PASSWORD", password), all.toArray(new String[0]));
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
        return r;
    }

    @Test
    void aBundleLoadsIntoTheQueueWithTheRegisterItNeedsAndBrokenOnesAreNamed() throws Exception {
        Path bundle;
        try (Workspace all = de.grw.store.Workspace.open(TestWorkspaces.copyTo(dir), Clock.systemUTC())) {
            bundle = ProposalBundleFixture.ofWorkspace(all, dir.resolve("bundle"));
        }
        Path ws = dir.resolve("land.grw");
        try (Workspace w = WorkspaceSetup.create(ws, Clock.systemUTC(), "person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples/melderegister.csv"), null);
            TestWorkspaces.importFile(w, admin, Path.of("samples/sozialamt.csv"), null);
            TestWorkspaces.addAccount(new UserService(w), admin, "fachverfahren", Role.API, "Schnittstelle-2026");
        }
        String clerk = TestWorkspaces.CLERK;
        String pw = TestWorkspaces.CLERK_PASSWORD;

        CliRunner missing = as(ws, clerk, pw, "import-proposals", bundle.toString());
        assertThat(missing.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(missing.err).contains("records the bundle's clusters name are not in the workspace",
                "part-00000.csv: line ", "kfz_halter/");

        CliRunner refused = as(ws, "fachverfahren", "Schnittstelle-2026", "import-proposals", bundle.toString());
        assertThat(refused.exitCode).as(refused.all()).isNotZero();
        assertThat(refused.err).contains("access denied", "may not load a proposal bundle for review");

        CliRunner ok = as(ws, clerk, pw, "import-proposals", bundle.toString(), "--with", "samples/kfz_halter.csv");
        assertThat(ok.exitCode).as(ok.all()).isZero();
        assertThat(ok.out).contains("bundle " + bundle + " checked", "source kfz_halter:", "(imported)",
                "new in the queue");
        String clusters = ok.out.replaceAll("(?s).*; ([\\d,]+) clusters: .*", "$1").replace(",", "");
        CliRunner queue = as(ws, clerk, pw, "queue", "--limit", "0");
        assertThat(queue.out.lines().skip(1).filter(l -> l.matches("\\d+\\s+open\\s+.*")).count())
                .isEqualTo(Long.parseLong(clusters));

        Path csv = bundle.resolve("clusters/part-00000.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst("\n", "\nmelderegister,X-1,1\n"));
        CliRunner broken = as(ws, clerk, pw, "import-proposals", bundle.toString());
        assertThat(broken.exitCode).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(broken.err).contains("part-00000.csv: ", "bytes, manifest.json (files entry 3)");
    }
}
