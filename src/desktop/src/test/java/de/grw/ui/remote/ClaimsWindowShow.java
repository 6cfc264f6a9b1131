package de.grw.ui.remote;

import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.server.WorkspaceServer;
import de.grw.ui.UiTestSupport;
import de.grw.ui.WorkbenchApp;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.shell.MainWindow;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: shows the review of a cluster another clerk holds in a real window, to look at it (screenshots with
 * window-shot). anna at this desktop, connected to a server started here; dora holds the second cluster of anna's
 * queue, which anna opens. Runs only with {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 75 --out target/shots/de-1024 -- mvn -B -o test -pl src/desktop -am \
 *     -Dtest=ClaimsWindowShow -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.window.show=true \
 *     -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ClaimsWindowShow {

    @Test
    void showAClusterAnotherClerkHolds() throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-claims-show");
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
        long seconds = Long.getLong("grw.window.seconds", 40);
        try (WorkspaceServer server = TestServers.start(dir)) {
            String url = TestServers.url(server);
            String fingerprint = server.certificate().fingerprint();
            Workbench workbench = RemoteWorkbench.connect(url, fingerprint);
            SignedIn dora = RemoteWorkbench.connect(url, fingerprint).signIn(TestWorkspaces.CLERK2,
                    TestWorkspaces.CLERK2_PASSWORD.toCharArray());
            WorkbenchModel model = new WorkbenchModel();
            model.use(workbench);
            model.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ExecutorService executor = Executors.newSingleThreadExecutor();
            model.closeWith(executor);
            Stage stage = FxToolkit.registerPrimaryStage();
            ReviewViewModel[] vm = new ReviewViewModel[1];
            WaitForAsyncUtils.asyncFx(() -> {
                I18n i18n = new I18n(locale);
                UserSettings settings = new UserSettings();
                settings.language = locale.getLanguage();
                stage.setScene(WorkbenchApp.createScene(i18n, settings, model, new TaskRunner(executor, i18n),
                        stage));
                stage.setTitle(i18n.get("app.title"));
                var bounds = Screen.getPrimary().getVisualBounds();
                stage.setX(bounds.getMinX());
                stage.setY(bounds.getMinY());
                stage.setWidth(bounds.getWidth());
                stage.setHeight(bounds.getHeight());
                stage.show();
                MainWindow w = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);
                vm[0] = ((ReviewScreen) w.screen("nav.review")).viewModel();
            }).get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm[0].queue().size() > 2
                    && !vm[0].busyProperty().get());
            long held = vm[0].queue().get(1).clusterId();
            dora.review().show(held, "51.2-2026/0815"); // dora opens it: her claim
            WaitForAsyncUtils.asyncFx(() -> {
                vm[0].caseRefProperty().set("51.2-2026/0815");
                vm[0].open(1);
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm[0].readOnly());
            System.out.println("claims-window-show: anna sees cluster " + held + " held by dora; window open for "
                    + seconds + " s");
            Thread.sleep(seconds * 1000);
            WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
            executor.shutdown();
            dora.close();
        }
    }
}
