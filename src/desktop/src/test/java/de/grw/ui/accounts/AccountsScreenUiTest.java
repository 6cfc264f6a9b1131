package de.grw.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.Account;
import de.grw.api.SignedIn;
import de.grw.api.local.LocalWorkbench;
import de.grw.common.UserFacingException;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The accounts screen on a local workspace: an administrator adds an account for a person by keyboard and is shown
 * its one-time password once; the screen shows the engine's refusal of a second reviewing account for the same
 * person and of the administrator making themself a clerk, and the service refuses both when called directly (the
 * screen is not the check); a clerk gets no accounts screen and the service refuses the clerk.
 */
@ExtendWith(ApplicationExtension.class)
class AccountsScreenUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;
    private TaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        this.stage = stage;
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(UiTestSupport.newWorkspace(Files.createTempDirectory("grw-accounts-ui"))));
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        tasks = new TaskRunner(executor, i18n);
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, tasks, stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private void signIn(String user) {
        UiTestSupport.onFx(() -> model.signIn(user, UiTestSupport.PASSWORD.toCharArray()));
    }

    @SuppressWarnings("unchecked")
    private TableView<Account> table(FxRobot robot) {
        return robot.lookup("#accounts-table").queryAs(TableView.class);
    }

    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tasks.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(FxRobot robot, String name) throws Exception {
        TableView<Account> table = table(robot);
        robot.interact(() -> table.getItems().stream().filter(a -> a.name().equals(name)).findFirst()
                .ifPresent(a -> table.getSelectionModel().select(a)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the screen by its shortcut (Ctrl+8) and waits for the list. */
    private void open(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accounts-table").tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        idle();
    }

    private String add(FxRobot robot, String name, String person, Role role) throws Exception {
        TextField n = robot.lookup("#accounts-new-name").queryAs(TextField.class);
        TextField p = robot.lookup("#accounts-new-person").queryAs(TextField.class);
        ComboBox<Role> r = robot.lookup("#accounts-new-role").queryAs(ComboBox.class);
        robot.interact(() -> {
            n.clear();
            p.clear();
            r.setValue(role);
        });
        robot.clickOn(n).write(name);
        robot.clickOn(p).write(person);
        robot.type(KeyCode.ENTER); // the form's default button
        idle();
        return robot.lookup("#accounts-message").queryAs(Label.class).getText();
    }

    @Test
    void anAdministratorAddsAnAccountForAPersonByKeyboardAndSeesItsOneTimePasswordOnce(FxRobot robot)
            throws Exception {
        signIn(UiTestSupport.ADMIN);
        open(robot);
        assertThat(robot.lookup("#accounts-table").queryAs(Node.class).isFocused()).isTrue();
        assertThat(table(robot).getItems()).extracting(Account::name).containsExactly("admin", "anna");

        assertThat(add(robot, "berta", "P-4711", Role.CLERK)).isEmpty();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accounts-one-time-password")
                .tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String password = robot.lookup("#accounts-one-time-password").queryAs(TextField.class).getText();
        assertThat(password).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
        robot.type(KeyCode.ENTER); // "Notiert" closes it; nothing keeps the password
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#accounts-one-time-password").tryQuery()).isEmpty();

        Account berta = table(robot).getItems().stream().filter(a -> a.name().equals("berta")).findFirst()
                .orElseThrow();
        assertThat(berta.person()).as("the engine's normalised person").isEqualTo("p4711");
        assertThat(berta.role()).isEqualTo(Role.CLERK);
        assertThat(berta.oneTimePassword()).isTrue();
        assertThat(robot.lookup("#accounts-done").queryAs(Label.class).getText()).isEqualTo("Konto berta angelegt.");
        // the password shown signs in, and its holder must set their own before deciding
        try (SignedIn holder = model.workbench().signIn("berta", password.toCharArray())) {
            assertThat(holder.users().mustChangeOwnPassword()).isTrue();
        }

        // disabled by keyboard: row by arrow keys, Tab to the actions, space on "Deaktivieren"
        select(robot, "anna");
        robot.clickOn("#accounts-table");
        robot.type(KeyCode.DOWN).type(KeyCode.UP);
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("anna");
        Node toggle = robot.lookup("#accounts-toggle").query();
        for (int i = 0; i < 6 && !toggle.isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(toggle.isFocused()).as("Tab reaches 'Deaktivieren'").isTrue();
        robot.type(KeyCode.SPACE);
        idle();
        assertThat(table(robot).getItems()).filteredOn(a -> a.name().equals("anna")).singleElement()
                .satisfies(a -> assertThat(a.disabled()).isTrue());
        assertThatThrownBy(() -> model.workbench().signIn("anna", UiTestSupport.PASSWORD.toCharArray()))
                .isInstanceOf(AccessDeniedException.class);

        // reset: a new one-time password, shown once
        select(robot, "berta");
        robot.clickOn("#accounts-reset");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accounts-one-time-password")
                .tryQuery().isPresent());
        String again = robot.lookup("#accounts-one-time-password").queryAs(TextField.class).getText();
        assertThat(again).isNotEqualTo(password).matches("[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}");
        robot.type(KeyCode.ENTER);
        assertThatThrownBy(() -> model.workbench().signIn("berta", password.toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
        model.workbench().signIn("berta", again.toCharArray()).close();
    }

    @Test
    void twoAccountsForOnePersonAndMakingOneselfClerkAreRefusedByTheEngineNotOnlyByTheScreen(FxRobot robot)
            throws Exception {
        signIn(UiTestSupport.ADMIN);
        open(robot);
        assertThat(add(robot, "berta", "P-4711", Role.CLERK)).isEmpty();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#accounts-one-time-password")
                .tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        // a second reviewing account for the same person (written differently): the engine's sentence on screen
        String refused = add(robot, "bertb", " p-4711 ", Role.SUPERVISOR);
        assertThat(refused).isEqualTo("bertb wäre ein zweites prüfendes Konto der Person, die berta hat; eine "
                + "Person hat ein Konto als Sachbearbeitung oder Vorgesetzte.");
        assertThat(robot.lookup("#accounts-one-time-password").tryQuery()).isEmpty();
        assertThat(table(robot).getItems()).extracting(Account::name).containsExactly("admin", "anna", "berta");
        // and the service itself refuses, whoever calls it
        assertThatThrownBy(() -> model.signedIn().users().add("bertc", Role.CLERK, "P-4711",
                "Ganz-Neues-Kennwort-81".toCharArray())).isInstanceOf(UserFacingException.class);

        // the administrator makes themself a clerk: refused, the role stays
        select(robot, "admin");
        ComboBox<Role> role = robot.lookup("#accounts-selected-role").queryAs(ComboBox.class);
        robot.interact(() -> role.setValue(Role.CLERK));
        robot.clickOn("#accounts-change-role");
        idle();
        assertThat(robot.lookup("#accounts-message").queryAs(Label.class).getText())
                .isEqualTo("Die eigene Rolle kann man nicht ändern.");
        assertThat(table(robot).getItems()).filteredOn(a -> a.name().equals("admin")).singleElement()
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.ADMINISTRATOR));
        assertThatThrownBy(() -> model.signedIn().users().setRole("admin", Role.CLERK))
                .isInstanceOf(UserFacingException.class);

        // another account's role changes through the screen
        select(robot, "anna");
        robot.interact(() -> role.setValue(Role.SUPERVISOR));
        robot.clickOn("#accounts-change-role");
        idle();
        assertThat(robot.lookup("#accounts-message").queryAs(Label.class).getText()).isEmpty();
        assertThat(table(robot).getItems()).filteredOn(a -> a.name().equals("anna")).singleElement()
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.SUPERVISOR));
    }

    @Test
    void aClerkGetsNoAccountsScreenAndTheServiceRefusesHer(FxRobot robot) throws Exception {
        signIn(UiTestSupport.CLERK);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-nav-accounts").queryAs(Node.class).isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#accounts-table").tryQuery()).isEmpty();
        assertThat(model.screenProperty().get()).isNotEqualTo("nav.accounts");

        SignedIn clerk = model.signedIn();
        assertThatThrownBy(() -> clerk.users().list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clerk.users().add("eve", Role.CLERK, "P-1", "Ganz-Neues-Kennwort-81"
                .toCharArray())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clerk.users().setRole("anna", Role.SUPERVISOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clerk.users().setPassword("admin", "Ganz-Neues-Kennwort-81".toCharArray()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
