package de.grw.ui.remote;

import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.server.WorkspaceServer;
import de.grw.ui.WindowShow;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.review.ReviewViewModel;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

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
class ExplainWindowShow extends WindowShow {

    @Test
    void showTheExplanationOfAChain() throws Exception {
        Path dir = Files.createTempDirectory("grw-explain-show");
        int skip = Integer.getInteger("grw.window.skip", 0);
        try (WorkspaceServer server = TestServers.start(dir)) {
            use(new WorkbenchModel()).use(RemoteWorkbench.connect(TestServers.url(server),
                    server.certificate().fingerprint()));
            model.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ReviewViewModel[] vm = new ReviewViewModel[1];
            show(() -> vm[0] = ((ReviewScreen) window.screen("nav.review")).viewModel());
            waitFor(() -> vm[0].queue().size() > 2 && !vm[0].busyProperty().get());
            int index = -1;
            for (int i = 0; i < vm[0].queue().size(); i++) {
                QueueEntry e = vm[0].queue().get(i);
                if (e.size() >= 3 && e.maxProbability() - e.minProbability() > 0.01 && skip-- <= 0) {
                    index = i;
                    break;
                }
            }
            int open = index;
            onFx(() -> {
                vm[0].caseRefProperty().set("51.2-2026/0815");
                vm[0].open(open);
            });
            waitFor(() -> vm[0].currentProperty().get() != null);
            hold("explain-window-show", "cluster " + vm[0].currentProperty().get().clusterId() + " open", 40);
        }
    }
}
