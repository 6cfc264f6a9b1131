package de.grw.ui.remote;

import de.grw.api.Workbench;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.ReviewViews.QueueEntry;
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
 * Not a test: shows the review of a cluster of three or more records with links of different strength (the pair
 * explained, the cluster graph, the waterfall, the grains of the grid) in a real window, connected to a server
 * started here, to look at it with window-shot. Runs only with {@code -Dgrw.window.show=true}:
 * <pre>
 * window-shot --size 1024x700 --wait 75 --out target/shots/explain-de-1024 -- mvn -B -o test -pl src/desktop -am \
 *     -Dtest=ExplainWindowShow -Dsurefire.failIfNoSpecifiedTests=false -Dgrw.window.show=true \
 *     -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ExplainWindowShow {

    @Test
    void showTheExplanationOfAChain() throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-explain-show");
        Locale locale = Locale.forLanguageTag(System.getProperty("grw.window.language", "de"));
        long seconds = Long.getLong("grw.window.seconds", 40);
        int skip = Integer.getInteger("grw.window.skip", 0);
        try (WorkspaceServer server = TestServers.start(dir)) {
            Workbench workbench = RemoteWorkbench.connect(TestServers.url(server), server.certificate().fingerprint());
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
            int index = -1;
            for (int i = 0; i < vm[0].queue().size(); i++) {
                QueueEntry e = vm[0].queue().get(i);
                if (e.size() >= 3 && e.maxProbability() - e.minProbability() > 0.01 && skip-- <= 0) {
                    index = i;
                    break;
                }
            }
            int open = index;
            WaitForAsyncUtils.asyncFx(() -> {
                vm[0].caseRefProperty().set("51.2-2026/0815");
                vm[0].open(open);
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm[0].currentProperty().get() != null);
            System.out.println("explain-window-show: cluster " + vm[0].currentProperty().get().clusterId()
                    + " open; window open for " + seconds + " s");
            Thread.sleep(seconds * 1000);
            WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
            executor.shutdown();
        }
    }
}
