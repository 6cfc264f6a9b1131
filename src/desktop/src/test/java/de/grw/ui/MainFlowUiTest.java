package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.local.LocalWorkbench;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import de.grw.workspace.WorkspaceSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main flow of the desktop, driven headless end to end: a clerk imports two samples, runs the match, opens a
 * cluster, chooses another record's value for a field and proposes the merge; a supervisor approves it and exports;
 * the exported golden record carries the chosen value.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class MainFlowUiTest {
    private static final String PASSWORD = "Verwaltung-2026";
    private WorkbenchModel model;
    private ExecutorService executor;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        dir = Files.createTempDirectory("grw-flow");
        Workspace w = WorkspaceSetup.create(dir.resolve("flow.grw"), Clock.systemUTC(), "person-de");
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator("admin", PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, "anna", Role.CLERK, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login("anna", "Erstes-Kennwort-42".toCharArray()), "anna", PASSWORD.toCharArray());
        // a one-time password from the administrator, then the holder sets their own
        users.addUser(admin, "bernd", Role.SUPERVISOR, "Erstes-Kennwort-42".toCharArray());
        users.setPassword(users.login("bernd", "Erstes-Kennwort-42".toCharArray()), "bernd", PASSWORD.toCharArray());
        model = new WorkbenchModel();
        model.use(LocalWorkbench.of(w));
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    private void signIn(FxRobot robot, String user) throws Exception {
        TextField name = robot.lookup("#start-user").queryAs(TextField.class);
        robot.interact(() -> name.setText(user));
        robot.clickOn("#start-password").write(PASSWORD);
        robot.clickOn("#start-sign-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.signedIn() != null
                && model.signedIn().user().equals(user));
    }

    private void importSample(FxRobot robot, String file) throws Exception {
        robot.clickOn("#nav-nav-import");
        TextField path = robot.lookup("#import-path").queryAs(TextField.class);
        robot.interact(() -> path.clear());
        robot.clickOn("#import-path").write(UiTestSupport.sample(file).toString()).type(KeyCode.ENTER);
        TableView<?> mapping = robot.lookup("#import-mapping").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !mapping.getItems().isEmpty()
                && robot.lookup("#import-run").query().isDisabled() == false);
        WaitForAsyncUtils.waitForFxEvents();
        Label result = robot.lookup("#import-result").queryAs(Label.class);
        String before = result.getText();
        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !result.getText().isEmpty()
                && !result.getText().equals(before));
        assertThat(result.getText()).contains(file.replace(".csv", ""));
    }

    @Test
    void importMatchReviewMergeApproveExport(FxRobot robot) throws Exception {
        signIn(robot, "anna");

        importSample(robot, "melderegister.csv");
        importSample(robot, "sozialamt.csv");

        robot.clickOn("#nav-nav-match");
        robot.clickOn("#match-start");
        Node summary = robot.lookup("#match-summary").query();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, summary::isVisible);

        // keyboard first: Ctrl+4 opens the fourth navigation entry, the review queue
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-nav-review").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        robot.clickOn("#review-case").write("51.2-2026/4711").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#side-by-side").tryQuery().isPresent());
        // the cluster is opened in the background: wait until its rows are drawn
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n.getId() != null
                && n.getId().startsWith("cell-given_names-")).queryAll().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        // choose, for the given names, the value of the cluster's last record
        // the record columns shown (a smaller cluster hides those it leaves empty)
        Set<Node> cells = robot.lookup(n -> n.getId() != null && n.getId().startsWith("cell-given_names-")
                && n.isVisible()).queryAll();
        assertThat(cells).hasSizeGreaterThanOrEqualTo(2);
        Node last = cells.stream().max(java.util.Comparator.comparing(n -> Long.parseLong(n.getId()
                .substring("cell-given_names-".length())))).orElseThrow();
        // the comparison shows as many records as fit beside the frozen columns: step on to the last one
        Node bar = robot.lookup("#records-bar").query();
        Node nextRecord = robot.lookup("#records-next").query();
        for (int i = 0; i < cells.size() && bar.isVisible() && !nextRecord.isDisabled(); i++) {
            robot.clickOn(nextRecord);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.clickOn(last);
        WaitForAsyncUtils.waitForFxEvents();
        String chosen = robot.lookup("#golden-given_names").queryAs(javafx.scene.control.TextInputControl.class).getText();
        assertThat(chosen).isNotBlank();
        assertThat(robot.lookup("#" + last.getId()).query().getStyleClass()).contains("cell-chosen");
        robot.clickOn("#review-merge");
        Label message = robot.lookup("#review-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Zusammenführung "
                + "vorgeschlagen"));

        robot.clickOn("#status-sign-out");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.signedIn() == null);
        signIn(robot, "bernd");
        robot.clickOn("#nav-nav-approval");
        ListView<?> pending = robot.lookup("#approval-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pending.getItems().size() == 1);
        // the merge is loaded in the background
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#approval-golden-given_names")
                .tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#approval-golden-given_names").queryAs(Label.class).getText()).isEqualTo(chosen);
        robot.clickOn("#approval-comment").write("geprüft");
        robot.clickOn("#approval-approve");
        Label approved = robot.lookup("#approval-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> approved.getText().contains("freigegeben"));

        robot.clickOn("#nav-nav-export");
        Path target = dir.resolve("export");
        TextField directory = robot.lookup("#export-directory").queryAs(TextField.class);
        robot.interact(() -> directory.setText(target.toString()));
        robot.clickOn("#export-case").write("51.2-2026/4711");
        robot.clickOn("#export-start");
        Label exported = robot.lookup("#export-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !exported.getText().isEmpty());
        assertThat(exported.getText()).startsWith("1 Golden Records");

        List<String> golden = Files.readAllLines(target.resolve("golden_records.csv"), StandardCharsets.UTF_8);
        assertThat(golden).hasSize(2);
        String header = golden.get(0).replace("\uFEFF", "");
        String[] columns = header.split(";");
        int given = List.of(columns).indexOf("given_names");
        assertThat(given).isPositive();
        assertThat(golden.get(1).split(";", -1)[given].replace("\"", "")).isEqualTo(chosen);
        assertThat(Files.readString(target.resolve("lineage.csv"), StandardCharsets.UTF_8)).contains("given_names");
        UiTestSupport.snapshot(robot, "export.png");
    }
}
