package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.remote.Workstations.Client;
import de.grw.ui.UiTestSupport;
import de.grw.workspace.TestWorkspaces;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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
 * Two clerks at two workstations on one running server: anna opens a cluster, dora opening the same one sees it
 * read-only ("In Bearbeitung durch anna bis ..."), without decision buttons or record check boxes, and marked in her
 * queue; anna merges it, and dora's queue drops it within seconds, without a restart (the change feed).
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteClaimsUiTest extends ServerWindowTest {
    private static final String CASE = "51.2-2026/0815";
    private Workstations desks;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        desks = new Workstations(stage, true);
    }

    @AfterEach
    void stop() throws Exception {
        desks.close();
    }

    /** A workstation in a window of its own, connected to the server (fingerprint given) and signed in. */
    private Client signedIn(FxRobot robot, String user, String password) throws Exception {
        return desks.signedIn(robot, url, fingerprint, user, password);
    }

    /** Shows one workstation's window in front, the others hidden (the robot works in the visible one). */
    private void front(Client c) throws Exception {
        desks.front(c);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 20 s for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Long open(Client c) {
        var v = c.review().currentProperty().get();
        return v == null ? null : v.clusterId();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClusterAnnaOpensIsReadOnlyForDoraAndHerMergeReachesDorasQueue(FxRobot robot) throws Exception {
        // dora signs in first: her queue is loaded; no cluster is shown before the case reference
        Client dora = signedIn(robot, TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        ListView<QueueEntry> dorasQueue = (ListView<QueueEntry>) dora.find(robot, "#review-queue");
        waitFor("dora's queue", () -> !dorasQueue.getItems().isEmpty());
        assertThat(open(dora)).as("nothing shown before the case reference").isNull();
        long first = dorasQueue.getItems().get(0).clusterId();

        // anna opens the first cluster: she holds it
        Client anna = signedIn(robot, TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        robot.clickOn(anna.find(robot, "#review-case")).write(CASE).type(KeyCode.ENTER);
        waitFor("anna's cluster", () -> open(anna) != null);
        assertThat(open(anna)).isEqualTo(first);
        assertThat(anna.find(robot, "#review-claimed").isVisible()).isFalse();
        assertThat(anna.find(robot, "#review-merge").isDisabled()).isFalse();

        // dora's queue marks it within seconds; she opens it: read-only, who holds it until when, no decisions, no marks
        front(dora);
        robot.clickOn(dora.find(robot, "#review-case")).write(CASE).type(KeyCode.ENTER);
        // her queue still lists it, marked (it was listed before anna took it): she opens it from there
        waitFor("anna's cluster marked in dora's queue", () -> dora.review().live().claimedByOthers()
                .containsKey(first));
        waitFor("dora's queue at rest", () -> !dora.review().busyProperty().get());
        robot.clickOn(robot.from(dorasQueue).lookup(".list-cell").match((javafx.scene.control.ListCell<QueueEntry> l)
                -> l.getItem() != null && l.getItem().clusterId() == first).queryAs(javafx.scene.control.ListCell.class));
        waitFor("dora's view of the cluster", () -> Long.valueOf(first).equals(open(dora))
                && dora.review().readOnly());
        Label claimed = (Label) dora.find(robot, "#review-claimed");
        assertThat(claimed.isVisible()).isTrue();
        assertThat(claimed.getText()).matches("In Bearbeitung durch anna bis \\d\\d:\\d\\d");
        for (String id : List.of("#review-merge", "#review-not-duplicate", "#review-split", "#review-defer")) {
            assertThat(((Button) dora.find(robot, id)).isDisabled()).as(id).isTrue();
        }
        List<CheckBox> boxes = List.copyOf(robot.from(dora.stage().getScene().getRoot())
                .lookup((Node n) -> n.getId() != null && n.getId().startsWith("member-")).queryAllAs(CheckBox.class));
        assertThat(boxes).isNotEmpty().allSatisfy(b -> assertThat(b.isDisabled()).isTrue());
        assertThat(robot.from(dorasQueue).lookup(".queue-claimed").queryAll()).isNotEmpty();
        assertThat(dora.review().live().claimedByOthers()).containsKey(first);
        UiTestSupport.snapshot(robot, "claims-dora-read-only.png");

        // anna merges it; dora's queue drops it within seconds, without a restart
        front(anna);
        robot.clickOn(anna.find(robot, "#review-merge"));
        Label annasMessage = (Label) anna.find(robot, "#review-message");
        waitFor("anna's merge", () -> annasMessage.getText().startsWith("Zusammenführung vorgeschlagen"));
        front(dora);
        waitFor("dora's queue without the merged cluster", () -> dorasQueue.getItems().stream()
                .noneMatch(q -> q.clusterId() == first));
        waitFor("dora at another cluster", () -> open(dora) != null && open(dora) != first);
        assertThat(dora.review().live().notices()).anySatisfy(n -> assertThat(n)
                .isEqualTo("Gruppe " + first + " wurde inzwischen von anna entschieden; die Prüfliste ist aktualisiert."));
        // both went on: never to one cluster that both may decide (whoever opened it second sees it read-only, and
        // dora moves past clusters she knows anna holds)
        waitFor("dora at a cluster she may decide", () -> open(dora) != null && open(dora) != first
                && !dora.review().readOnly() && (!open(dora).equals(open(anna)) || anna.review().readOnly()));
        assertThat(((Button) dora.find(robot, "#review-merge")).isDisabled()).isFalse();
        System.out.printf("after the merge: anna at %s (read-only: %s), dora at %s%n", open(anna),
                anna.review().readOnly(), open(dora));
    }
}
