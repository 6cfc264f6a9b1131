package de.grw.ui.remote;

import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
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
class ClaimsWindowShow extends WindowShow {

    @Test
    void showAClusterAnotherClerkHolds() throws Exception {
        Path dir = Files.createTempDirectory("grw-claims-show");
        try (WorkspaceServer server = TestServers.start(dir)) {
            String url = TestServers.url(server);
            String fingerprint = server.certificate().fingerprint();
            SignedIn dora = RemoteWorkbench.connect(url, fingerprint).signIn(TestWorkspaces.CLERK2,
                    TestWorkspaces.CLERK2_PASSWORD.toCharArray());
            use(new WorkbenchModel()).use(RemoteWorkbench.connect(url, fingerprint));
            model.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            ReviewViewModel[] vm = new ReviewViewModel[1];
            show(() -> vm[0] = ((ReviewScreen) window.screen("nav.review")).viewModel());
            waitFor(() -> vm[0].queue().size() > 2 && !vm[0].busyProperty().get());
            long held = vm[0].queue().get(1).clusterId();
            dora.review().show(held, "51.2-2026/0815"); // dora opens it: her claim
            onFx(() -> {
                vm[0].caseRefProperty().set("51.2-2026/0815");
                vm[0].open(1);
            });
            waitFor(() -> vm[0].readOnly());
            hold("claims-window-show", "anna sees cluster " + held + " held by dora", 40);
            dora.close();
        }
    }
}
