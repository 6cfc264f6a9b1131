package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.WorkbenchInfo;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.DecisionKind;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.ui.remote.Workstations.Client;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.UserSettings;
import de.grw.ui.start.ServerCertificates;
import de.grw.workspace.TestWorkspaces;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
 * The desktop as a client of a running workspace server: a clerk at one client confirms the server's certificate
 * on the first connection, signs in and proposes a merge; a supervisor at another client (another model, other
 * settings, another connection) gives the fingerprint the administrator handed out, signs in and approves it; the
 * server then holds the approved merge. A wrong fingerprint, a changed certificate and a fingerprint the user
 * does not confirm leave the client unconnected.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteMainFlowUiTest extends ServerWindowTest {
    private Workstations desks;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        desks = new Workstations(stage, false);
    }

    @AfterEach
    void stop() throws Exception {
        desks.close();
    }

    /** Opens a client in a window of its own (the primary stage for the first), the others' windows hidden. */
    private Client client(FxRobot robot, UserSettings settings) throws Exception {
        return desks.open(settings);
    }

    /** Opens the server tab and types the address (and a fingerprint, if given). */
    private void typeServer(FxRobot robot, Client c, String address, String typedFingerprint) {
        desks.typeServer(robot, c, address, typedFingerprint);
    }

    private void signIn(FxRobot robot, Client c, String user, String password) throws Exception {
        desks.signIn(robot, c, user, password);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClerkProposesAMergeAtOneClientAndASupervisorApprovesItAtAnother(FxRobot robot) throws Exception {
        Client clerk = client(robot, new UserSettings());
        typeServer(robot, clerk, url, null);
        robot.clickOn(clerk.find(robot, "#connect-button"));
        // first connection: the certificate's fingerprint is shown for comparison; nothing is connected yet
        Node confirmation = clerk.find(robot, "#connect-confirmation");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, confirmation::isVisible);
        assertThat(((Label) clerk.find(robot, "#connect-shown-fingerprint")).getText())
                .isEqualTo(ServerCertificates.lines(fingerprint));
        assertThat(clerk.model().workbench()).isNull();
        assertThat(clerk.settings().serverFingerprints).isEmpty();
        robot.clickOn(clerk.find(robot, "#connect-confirm"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> clerk.model().workbench() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clerk.model().info().kind()).isEqualTo(WorkbenchInfo.Kind.REMOTE);
        // pinned for this address, in the user's settings, and listed among the recent servers
        assertThat(clerk.settings().serverFingerprints).containsEntry(url, fingerprint);
        assertThat(clerk.settings().recentServers).containsExactly(url);
        assertThat(((ListView<String>) clerk.find(robot, "#connect-recent")).getItems()).containsExactly(url);
        assertThat(((Label) clerk.find(robot, "#status-workspace")).getText())
                .isEqualTo("Server localhost:" + server.port());

        signIn(robot, clerk, TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        // the server names its workspace to a signed-in user
        assertThat(((Label) clerk.find(robot, "#status-workspace")).getText())
                .isEqualTo("Server localhost:" + server.port() + " · Musterstadt");
        // signing in leads to the review queue, loaded from the server
        robot.clickOn(clerk.find(robot, "#review-case")).write("51.2-2026/0815").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(clerk.stage().getScene().getRoot())
                .lookup((Node n) -> n.getId() != null && n.getId().startsWith("cell-given_names-")).queryAll().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        String given = ((TextField) clerk.find(robot, "#golden-given_names")).getText();
        assertThat(given).isNotBlank();
        robot.clickOn(clerk.find(robot, "#review-merge"));
        Label reviewMessage = (Label) clerk.find(robot, "#review-message");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> reviewMessage.getText()
                .startsWith("Zusammenführung vorgeschlagen"));

        // another workstation: it knows no server yet; the supervisor types the fingerprint the administrator gave
        // (as printed, in another case and without colons): it is compared, and no confirmation is asked for
        Client supervisor = client(robot, new UserSettings());
        typeServer(robot, supervisor, "localhost:" + server.port(),
                fingerprint.replace(":", "").toLowerCase(Locale.ROOT));
        robot.clickOn(supervisor.find(robot, "#connect-button"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> supervisor.model().workbench() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(supervisor.find(robot, "#connect-confirmation").isVisible()).isFalse();
        assertThat(supervisor.settings().serverFingerprints).containsEntry(url, fingerprint);
        assertThat(supervisor.model().workbench()).isNotSameAs(clerk.model().workbench());

        signIn(robot, supervisor, TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        robot.clickOn(supervisor.find(robot, "#nav-nav-approval"));
        ListView<?> pending = (ListView<?>) supervisor.find(robot, "#approval-list");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pending.getItems().size() == 1);
        DecisionView proposed = (DecisionView) pending.getItems().get(0);
        assertThat(proposed.proposedBy()).isEqualTo(TestWorkspaces.CLERK);
        assertThat(proposed.kind()).isEqualTo(DecisionKind.MERGE);
        assertThat(proposed.caseRef()).isEqualTo("51.2-2026/0815");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(supervisor.stage().getScene().getRoot())
                .lookup("#approval-golden-given_names").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) supervisor.find(robot, "#approval-golden-given_names")).getText()).isEqualTo(given);
        robot.clickOn(supervisor.find(robot, "#approval-comment")).write("geprüft");
        robot.clickOn(supervisor.find(robot, "#approval-approve"));
        Label approved = (Label) supervisor.find(robot, "#approval-message");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> approved.getText().contains("freigegeben"));

        // what the server holds, asked by a third connection: the merge approved by bernd, a golden record made
        try (RemoteWorkbench check = RemoteWorkbench.connect(url, fingerprint);
             SignedIn carla = check.signIn(TestWorkspaces.SUPERVISOR2,
                     TestWorkspaces.SUPERVISOR2_PASSWORD.toCharArray())) {
            assertThat(carla.approval().pending()).isEmpty();
            assertThat(carla.review().goldenRecordOf(proposed.id())).isPresent();
            assertThat(carla.journal().verify().ok()).isTrue();
        }
        assertThat(supervisor.model().info().kind()).isEqualTo(WorkbenchInfo.Kind.REMOTE);
    }

    /** The number of displays of clusters logged on the server for a user under a case reference. */
    private static long shows(String user, String caseRef) throws Exception {
        try (RemoteWorkbench check = RemoteWorkbench.connect(url, fingerprint);
             SignedIn carla = check.signIn(TestWorkspaces.SUPERVISOR2,
                     TestWorkspaces.SUPERVISOR2_PASSWORD.toCharArray())) {
            return carla.accessLog().query(null, user, 0).stream().filter(e -> e.action().equals("SHOW")
                    && caseRef.equals(e.caseRef())).count();
        }
    }

    private long cells(FxRobot robot, Client c) {
        return robot.from(c.stage().getScene().getRoot()).lookup((Node n) -> n.getId() != null
                && n.getId().startsWith("cell-") && n.getScene() != null).queryAll().size();
    }

    @Test
    void anotherUserAtTheSameClientSeesNothingOfThePreviousOneAndEachDisplayIsLoggedOnce(FxRobot robot)
            throws Exception {
        Client c = client(robot, new UserSettings());
        typeServer(robot, c, url, fingerprint);
        robot.clickOn(c.find(robot, "#connect-button"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.model().workbench() != null);
        signIn(robot, c, TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        robot.clickOn(c.find(robot, "#review-case")).write("AZ-WECHSEL-A").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cells(robot, c) >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shows(TestWorkspaces.CLERK, "AZ-WECHSEL-A")).isEqualTo(1);

        robot.clickOn(c.find(robot, "#status-sign-out"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.model().signedIn() == null);
        signIn(robot, c, TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(c.stage().getScene().getRoot())
                .lookup("#review-case").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // nothing of anna's on dora's screen, and nothing shown to dora unlogged
        assertThat(((TextField) c.find(robot, "#review-case")).getText()).isEmpty();
        assertThat(cells(robot, c)).isZero();
        assertThat(shows(TestWorkspaces.CLERK2, "AZ-WECHSEL-A")).isZero();

        robot.clickOn(c.find(robot, "#review-case")).write("AZ-WECHSEL-D").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cells(robot, c) >= 2);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        // one display each, logged once, for the user who saw it
        assertThat(shows(TestWorkspaces.CLERK2, "AZ-WECHSEL-D")).isEqualTo(1);
        assertThat(shows(TestWorkspaces.CLERK, "AZ-WECHSEL-A")).isEqualTo(1);
        assertThat(shows(TestWorkspaces.CLERK, "AZ-WECHSEL-D")).isZero();
    }

    @Test
    void aFingerprintOtherThanTheServersIsRefused(FxRobot robot) throws Exception {
        Client c = client(robot, new UserSettings());
        String wrong = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
        typeServer(robot, c, url, wrong);
        robot.clickOn(c.find(robot, "#connect-button"));
        Label warning = (Label) c.find(robot, "#connect-warning");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, warning::isVisible);
        assertThat(warning.getText()).contains("anderes Zertifikat", "abgelehnt",
                ServerCertificates.lines(wrong), ServerCertificates.lines(fingerprint));
        assertThat(c.model().workbench()).isNull();
        assertThat(c.settings().serverFingerprints).isEmpty();
        assertThat(c.settings().recentServers).isEmpty();
        assertThat(c.find(robot, "#start-sign-in").isDisabled()).isTrue();
    }

    @Test
    void aChangedCertificateIsRefusedWithAWarning(FxRobot robot) throws Exception {
        // this workstation confirmed another certificate for this address before (the server's was replaced, or
        // someone stands in between): the pin holds
        UserSettings settings = new UserSettings();
        String before = "AB:".repeat(31) + "AB";
        settings.rememberServer(url, before);
        settings.lastWasServer = true;
        Client c = client(robot, settings);
        // the start screen opens on the server tab with the last server and its pinned fingerprint, not editable
        TextField shown = (TextField) c.find(robot, "#connect-fingerprint");
        assertThat(((TextField) c.find(robot, "#connect-url")).getText()).isEqualTo(url);
        assertThat(shown.getText()).isEqualTo(before);
        assertThat(shown.isEditable()).isFalse();
        robot.clickOn(c.find(robot, "#connect-button"));
        Label warning = (Label) c.find(robot, "#connect-warning");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, warning::isVisible);
        assertThat(warning.getText()).contains("hat sich geändert", ServerCertificates.lines(before),
                ServerCertificates.lines(fingerprint));
        assertThat(c.model().workbench()).isNull();
        assertThat(settings.serverFingerprints).containsEntry(url, before);
        assertThat(c.find(robot, "#connect-confirmation").isVisible()).isFalse();
    }

    @Test
    void aFingerprintTheUserDoesNotConfirmConnectsNothing(FxRobot robot) throws Exception {
        Client c = client(robot, new UserSettings());
        typeServer(robot, c, url, null);
        robot.clickOn(c.find(robot, "#connect-button"));
        Node confirmation = c.find(robot, "#connect-confirmation");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, confirmation::isVisible);
        robot.clickOn(c.find(robot, "#connect-reject"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmation.isVisible()).isFalse();
        assertThat(((Label) c.find(robot, "#connect-message")).getText()).contains("nicht bestätigt");
        assertThat(c.model().workbench()).isNull();
        assertThat(c.settings().serverFingerprints).isEmpty();
        assertThat(((Button) c.find(robot, "#start-sign-in")).isDisabled()).isTrue();
    }
}
