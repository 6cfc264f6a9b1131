package de.grw.ui.remote;

import static de.grw.ui.UiTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.ReviewViews.PairView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.server.WorkspaceServer;
import de.grw.ui.UiTestSupport;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewViewModel;
import de.grw.ui.review.Waterfall;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The explanation works against a server as in a local workspace: the pairs' stored explanations travel with the
 * cluster, the weakest link explained by default is the pair the queue lists, and the waterfall's bars add up to the
 * score the server's workspace stored.
 */
class RemoteExplanationTest {
    @Test
    void theWeakestLinkAndItsWaterfallComeFromTheServer() throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-remote-explain");
        try (WorkspaceServer server = TestServers.start(dir)) {
            WorkbenchModel model = new WorkbenchModel();
            model.use(RemoteWorkbench.connect(TestServers.url(server), server.certificate().fingerprint()));
            model.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            try {
                ReviewViewModel vm = new ReviewViewModel(UiTestSupport.context(model, new UiTestSupport.Recorded()));
                onFx(() -> vm.caseRefProperty().set("51.2-2026/0815"));
                onFx(vm::refresh);
                int found = -1;
                for (int i = 0; i < vm.queue().size() && found < 0; i++) {
                    QueueEntry e = vm.queue().get(i);
                    if (e.size() >= 3 && e.maxProbability() - e.minProbability() > 0.01) {
                        found = i;
                    }
                }
                assertThat(found).as("a cluster with links of different strength").isNotNegative();
                int index = found;
                onFx(() -> vm.open(index));
                QueueEntry entry = vm.queue().get(index);
                PairView explained = vm.explained().pairProperty().get();
                assertThat(vm.currentProperty().get().clusterId()).isEqualTo(entry.clusterId());
                assertThat(explained.probability()).isCloseTo(entry.minProbability(), within(1e-9));
                for (PairView p : vm.currentProperty().get().pairs()) {
                    Waterfall w = Waterfall.of(p);
                    assertThat(w.steps()).isNotEmpty();
                    assertThat(w.sum()).isCloseTo(p.weight(), within(w.roundingTolerance()));
                }
                onFx(() -> vm.explained().step(1));
                assertThat(vm.explained().pairProperty().get()).isNotEqualTo(explained);
            } finally {
                model.close();
            }
        }
    }
}
