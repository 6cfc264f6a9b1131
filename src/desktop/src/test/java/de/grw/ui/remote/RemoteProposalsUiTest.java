package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.ProposalsImport;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.ui.UiTestSupport;
import de.grw.ui.importing.ProposalsScreens;
import de.grw.users.UserService;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.ProposalBundleFixture;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Spark job's proposal bundle imported on the import screen against a server (issue 17), through the same
 * {@code ImportApi} as on a workspace file (its {@code POST /api/v1/proposal-bundles}): a broken bundle is refused
 * here with this machine's file and line before anything is sent, the sound one is uploaded and loaded by the server,
 * and its new clusters are in the server's review queue, as the result on the screen says.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteProposalsUiTest extends ServerWindowTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aClerkImportsTheJobsBundleIntoTheServersQueue(FxRobot robot) throws Exception {
        // the job's run over two of the server's three registers: clusters the server's own run did not propose
        Path bundle;
        try (Workspace w = UiTestSupport.newWorkspace(Files.createDirectories(dir.resolve("two")))) {
            Session admin = new UserService(w).login(UiTestSupport.ADMIN, UiTestSupport.PASSWORD.toCharArray());
            for (String register : List.of("melderegister.csv", "sozialamt.csv")) {
                TestWorkspaces.importFile(w, admin, UiTestSupport.sample(register), null);
            }
            bundle = ProposalBundleFixture.ofWorkspace(w, dir.resolve("bundle"));
        }
        Path broken = ProposalsScreens.broken(bundle, dir.resolve("broken"));
        signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        long openBefore = model.signedIn().review().count(Set.of(ClusterStatus.OPEN));

        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-bundle");
        TextField path = robot.lookup("#proposals-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(broken.toString()));
        robot.clickOn("#proposals-run");
        idle();
        Label message = robot.lookup("#proposals-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo(broken.resolve("clusters").resolve("part-00000.csv")
                + ": Zeile " + ProposalsScreens.BROKEN_LINE + ": Die Gruppe „keine-Zahl“ ist keine Zahl.");
        assertThat(model.signedIn().review().count(Set.of(ClusterStatus.OPEN))).isEqualTo(openBefore);

        robot.interact(() -> path.setText(bundle.toString()));
        robot.clickOn("#proposals-run");
        Label result = robot.lookup("#proposals-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        idle();
        ProposalsImport r = ProposalsScreens.importScreen(robot).proposals().resultProperty().get();
        assertThat(r.newClusters()).as("clusters the server's own run did not propose").isPositive();
        assertThat(result.getText()).isEqualTo("Vorschläge eingelesen (Abgleich " + r.runId() + ") – Gruppen: "
                + r.clusters() + " · neu in der Prüfliste: " + r.newClusters() + " · schon vorgeschlagen: "
                + r.unchanged() + " · aus der Prüfliste genommen: " + r.superseded());
        assertThat(message.getText()).isEmpty();
        assertThat(model.signedIn().review().count(Set.of(ClusterStatus.OPEN)))
                .as("the server's queue: the bundle's new clusters in, the superseded ones out")
                .isEqualTo(openBefore + r.newClusters() - r.superseded());
        UiTestSupport.snapshot(robot, "proposals-remote.png");
    }
}
