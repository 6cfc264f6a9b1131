package de.grw.ui.remote;

import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.shell.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Several workstations against one server in the remote desktop UI tests, each a German window of its own (the
 * test's primary stage for the first) with its own model, executor and settings, 1280 x 860; the robot works in the
 * one in front. {@link #close} ends them after each test.
 */
final class Workstations {
    /** One workstation: its own model, executor, settings and window. */
    record Client(WorkbenchModel model, ExecutorService executor, UserSettings settings, Stage stage) {
        Node find(FxRobot robot, String query) {
            return robot.from(stage.getScene().getRoot()).lookup(query).query();
        }

        ReviewViewModel review() {
            MainWindow w = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
            return ((ReviewScreen) w.screen("nav.review")).viewModel();
        }
    }

    private final List<Client> clients = new ArrayList<>();
    private final Stage primary;
    private final boolean closeOnExecutor;

    /**
     * @param closeOnExecutor as the application: signing out and closing run on each workstation's executor
     *                        ({@link WorkbenchModel#closeWith}), which is shut down after; otherwise the executor is
     *                        stopped first and the model closed on the FX thread
     */
    Workstations(Stage primary, boolean closeOnExecutor) {
        this.primary = primary;
        this.closeOnExecutor = closeOnExecutor;
    }

    /** Opens a workstation in a window of its own, in front, the others' windows hidden. */
    Client open(UserSettings settings) throws Exception {
        Client[] made = new Client[1];
        WaitForAsyncUtils.asyncFx(() -> {
            for (Client c : clients) {
                c.stage().hide();
            }
            Stage stage = clients.isEmpty() ? primary : new Stage();
            WorkbenchModel model = new WorkbenchModel();
            ExecutorService executor = Executors.newSingleThreadExecutor();
            if (closeOnExecutor) {
                model.closeWith(executor);
            }
            I18n i18n = I18n.german();
            stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n), stage));
            stage.setWidth(1280);
            stage.setHeight(860);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
            made[0] = new Client(model, executor, settings, stage);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clients.add(made[0]);
        return made[0];
    }

    /** A new workstation connected to the server (the fingerprint given) and signed in. */
    Client signedIn(FxRobot robot, String url, String fingerprint, String user, String password) throws Exception {
        Client c = open(new UserSettings());
        robot.clickOn(serverTab(robot, c));
        TextField address = (TextField) c.find(robot, "#connect-url");
        robot.interact(() -> address.setText(url));
        TextField print = (TextField) c.find(robot, "#connect-fingerprint");
        robot.interact(() -> print.setText(fingerprint));
        robot.clickOn(c.find(robot, "#connect-button"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.model().workbench() != null);
        WaitForAsyncUtils.waitForFxEvents();
        signIn(robot, c, user, password);
        return c;
    }

    /** Opens the server tab and types the address (and a fingerprint, if given). */
    void typeServer(FxRobot robot, Client c, String address, String typedFingerprint) {
        robot.clickOn(serverTab(robot, c));
        TextField field = (TextField) c.find(robot, "#connect-url");
        robot.interact(field::clear);
        robot.clickOn(field).write(address);
        if (typedFingerprint != null) {
            robot.clickOn(c.find(robot, "#connect-fingerprint")).write(typedFingerprint);
        }
    }

    private static Label serverTab(FxRobot robot, Client c) {
        return robot.from(c.stage().getScene().getRoot()).lookup(".tab-label")
                .match((Label l) -> l.getText().equals("Mit Server verbinden")).queryAs(Label.class);
    }

    /** Signs in on the start screen and waits until the user is signed in. */
    void signIn(FxRobot robot, Client c, String user, String password) throws Exception {
        TextField name = (TextField) c.find(robot, "#start-user");
        robot.interact(() -> name.setText(user));
        robot.clickOn(c.find(robot, "#start-password")).write(password);
        robot.clickOn(c.find(robot, "#start-sign-in"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> c.model().signedIn() != null
                && c.model().signedIn().user().equals(user));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows one workstation's window in front, the others hidden (the robot works in the visible one). */
    void front(Client c) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Client o : clients) {
                if (o != c) {
                    o.stage().hide();
                }
            }
            c.stage().setX(0);
            c.stage().setY(0);
            c.stage().show();
            c.stage().toFront();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ends every workstation: its model closed (signed out), its window closed (but the primary stage). */
    void close() throws Exception {
        for (Client c : clients) {
            if (!closeOnExecutor) {
                c.executor().shutdownNow();
            }
            WaitForAsyncUtils.asyncFx(() -> {
                c.model().close();
                if (c.stage() != primary) {
                    c.stage().close();
                }
            }).get(10, TimeUnit.SECONDS);
            if (closeOnExecutor) {
                c.executor().shutdown();
                c.executor().awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        clients.clear();
    }
}
