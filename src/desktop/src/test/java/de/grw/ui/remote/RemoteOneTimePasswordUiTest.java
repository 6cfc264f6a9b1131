package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.rights.Role;
import de.grw.workspace.TestWorkspaces;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Against a running server: a clerk the administrator created signs in at the desktop with the one-time password,
 * learns it from the server's session ({@code mustChangePassword}), sets her own through the server (which ends the
 * session of the old password), is signed in again with it and may propose.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteOneTimePasswordUiTest extends ServerWindowTest {
    private static final String ONE_TIME = "Erstes-Kennwort-42";
    private static final String OWN = "Eigenes-Kennwort-7391";

    @BeforeAll
    static void addEmil() {
        // after ServerWindowTest started the server
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint);
             SignedIn admin = w.signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray())) {
            admin.users().add("emil", Role.CLERK, "4713", ONE_TIME.toCharArray());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aClerkWithAOneTimePasswordSetsHerOwnThroughTheServerAndThenProposes(FxRobot robot) throws Exception {
        TextField name = robot.lookup("#start-user").queryAs(TextField.class);
        robot.interact(() -> name.setText("emil"));
        robot.clickOn("#start-password").write(ONE_TIME);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#password-new").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing() && n.isVisible()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.signedIn()).isNull();

        // the account name inside: the server's refusal is shown
        robot.clickOn("#password-new").write("emil-Kennwort-93");
        robot.clickOn("#password-repeat").write("emil-Kennwort-93");
        robot.clickOn("#password-save");
        Label message = robot.lookup("#password-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).contains("Kontonamen");

        TextField first = robot.lookup("#password-new").queryAs(TextField.class);
        TextField repeat = robot.lookup("#password-repeat").queryAs(TextField.class);
        robot.interact(() -> {
            first.clear();
            repeat.clear();
        });
        robot.clickOn("#password-new").write(OWN);
        robot.clickOn("#password-repeat").write(OWN);
        robot.clickOn("#password-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.signedIn() != null
                && model.signedIn().user().equals("emil"));
        SignedIn emil = model.signedIn();
        assertThat(emil.users().mustChangeOwnPassword()).isFalse();
        var queued = emil.review().queue(null, 0).get(0);
        List<Long> members = emil.review().memberIds(queued.clusterId());
        emil.review().propose(queued.clusterId(), new de.grw.review.MergeCommand(members, Map.of()), "",
                "51.2-2026/4711");
    }
}
