package de.grw.ui.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.Account;
import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.rights.Role;
import de.grw.workspace.TestWorkspaces;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The accounts screen against a running server, through the same {@code UsersApi} (its {@code /api/v1/users}
 * routes): the list with persons, an account added for a person whose one-time password signs in at the server, the
 * server's refusals (a second reviewing account of that person, the administrator's own role) shown on the screen,
 * and a role changed.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class RemoteAccountsUiTest extends ServerWindowTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorManagesTheServersAccountsOnTheScreen(FxRobot robot) throws Exception {
        signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        TableView<Account> table = robot.lookup("#accounts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 5);
        idle();
        assertThat(table.getItems()).extracting(Account::name).contains("admin", "anna", "bernd", "carla", "dora");

        TextField name = robot.lookup("#accounts-new-name").queryAs(TextField.class);
        TextField person = robot.lookup("#accounts-new-person").queryAs(TextField.class);
        ComboBox<Role> role = robot.lookup("#accounts-new-role").queryAs(ComboBox.class);
        robot.clickOn(name).write("emil");
        robot.clickOn(person).write("4713");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accounts-one-time-password")
                .tryQuery().isPresent());
        String password = robot.lookup("#accounts-one-time-password").queryAs(TextField.class).getText();
        robot.type(KeyCode.ENTER);
        idle();
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint);
             SignedIn emil = w.signIn("emil", password.toCharArray())) {
            assertThat(emil.users().mustChangeOwnPassword()).isTrue();
        }

        robot.interact(() -> role.setValue(Role.SUPERVISOR));
        robot.clickOn(name).write("emil2");
        robot.clickOn(person).write("4713");
        robot.type(KeyCode.ENTER);
        idle();
        Label message = robot.lookup("#accounts-message").queryAs(Label.class);
        assertThat(message.getText()).contains("emil2", "emil", "zweites prüfendes Konto");
        assertThat(table.getItems()).extracting(Account::name).doesNotContain("emil2");

        ComboBox<Role> selectedRole = robot.lookup("#accounts-selected-role").queryAs(ComboBox.class);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(a -> a.name().equals("admin")).findFirst().orElseThrow()));
        robot.interact(() -> selectedRole.setValue(Role.CLERK));
        robot.clickOn("#accounts-change-role");
        idle();
        assertThat(message.getText()).isEqualTo("Die eigene Rolle kann man nicht ändern.");

        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(a -> a.name().equals("emil")).findFirst().orElseThrow()));
        robot.interact(() -> selectedRole.setValue(Role.SUPERVISOR));
        robot.clickOn("#accounts-change-role");
        idle();
        assertThat(message.getText()).isEmpty();
        try (RemoteWorkbench w = RemoteWorkbench.connect(url, fingerprint);
             SignedIn admin = w.signIn(TestWorkspaces.ADMIN, TestWorkspaces.ADMIN_PASSWORD.toCharArray())) {
            assertThat(admin.users().list()).filteredOn(a -> a.name().equals("emil")).singleElement()
                    .satisfies(a -> assertThat(a.role()).isEqualTo(Role.SUPERVISOR));
            assertThatThrownBy(() -> admin.users().setRole("admin", Role.CLERK))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
