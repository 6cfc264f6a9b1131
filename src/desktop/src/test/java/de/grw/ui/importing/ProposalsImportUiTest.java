package de.grw.ui.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.store.Workspace;
import de.grw.ui.TestWindow;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.ProposalBundleFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Spark job's proposal bundle imported on the import screen (issue 17), on a workspace file: the clerk chooses
 * "from a proposal bundle", a broken bundle is refused with the engine's message naming file and line (nothing
 * stored), the sound one is loaded in the background and its clusters are in the review queue, as the result says.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ProposalsImportUiTest {
    private WorkbenchModel model;
    private TestWindow window;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        dir = Files.createTempDirectory("grw-proposals-ui");
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        window = TestWindow.show(stage, model);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    @Test
    void aBrokenBundleIsRefusedWithFileAndLineAndASoundOneFillsTheQueue(FxRobot robot) throws Exception {
        // the bundle the job writes over the same registers (the engine's run over the workspace's records)
        Path bundle;
        try (Workspace w = Workspace.open(Path.of(model.info().location()), Clock.systemUTC())) {
            bundle = ProposalBundleFixture.ofWorkspace(w, dir.resolve("bundle"));
        }
        Path broken = ProposalsScreens.broken(bundle, dir.resolve("broken"));
        long openBefore = model.signedIn().review().count(Set.of(ClusterStatus.OPEN));
        assertThat(openBefore).as("no run yet").isZero();

        robot.clickOn("#nav-nav-import");
        robot.clickOn("#import-bundle");
        assertThat(shown(robot.lookup("#import-path").query())).isFalse();
        assertThat(shown(robot.lookup("#import-preview").query())).isFalse();
        assertThat(shown(robot.lookup("#proposals-path").query())).isTrue();

        TextField path = robot.lookup("#proposals-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(broken.toString()));
        robot.clickOn("#proposals-run");
        Label message = robot.lookup("#proposals-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().contains("Zeile"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEqualTo(broken.resolve("clusters").resolve("part-00000.csv")
                + ": Zeile " + ProposalsScreens.BROKEN_LINE + ": Die Gruppe „keine-Zahl“ ist keine Zahl.");
        assertThat(shown(robot.lookup("#proposals-result").query())).isFalse();
        assertThat(model.signedIn().review().count(Set.of(ClusterStatus.OPEN))).as("nothing stored").isZero();

        robot.interact(() -> path.setText(bundle.toString()));
        robot.clickOn("#proposals-run");
        Label result = robot.lookup("#proposals-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        var r = ProposalsScreens.importScreen(robot).proposals().resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.newClusters()).isPositive().isEqualTo(r.clusters());
        assertThat(result.getText()).isEqualTo("Vorschläge eingelesen (Abgleich " + r.runId() + ") – Gruppen: "
                + r.clusters() + " · neu in der Prüfliste: " + r.newClusters() + " · schon vorgeschlagen: 0 · aus "
                + "der Prüfliste genommen: 0");
        assertThat(message.getText()).isEmpty();
        assertThat(model.signedIn().review().count(Set.of(ClusterStatus.OPEN)))
                .as("the bundle's clusters are in the review queue").isEqualTo(r.newClusters());
        UiTestSupport.snapshot(robot, "proposals.png");

        robot.clickOn("#proposals-to-review");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#proposals-path").tryQuery()).as("the import screen left").isEmpty();
        assertThat(robot.lookup("#review-case").tryQuery()).as("the review screen shown").isPresent();
    }

    private static boolean shown(Node n) {
        return ProposalsScreens.shown(n);
    }
}
