package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.QueueMode;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.versions.ModelVersionView;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.TestWorkspaces;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model versions through the server (issue 15): the routes are the engine's, so a forged request of a clerk, or of
 * the supervisor who trained a version, is refused (403) as in the desktop; another supervisor activates it and
 * goes back, through the client; the review names the version that proposed a cluster, and the queue its mode.
 */
class ModelRoutesTest extends SharedServerTest {
    @Test
    void forgedRequestsAreRefusedAndAnotherSupervisorActivatesThroughTheClient() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String bernd = s.token(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD);
        TestServer.Response list = s.get("/api/v1/models", anna);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("state").asText()).isEqualTo("active");

        TestServer.Response trained = s.call("POST", "/api/v1/models", bernd, Map.of());
        assertThat(trained.status()).as(trained.toString()).isEqualTo(201);
        int version = trained.json().path("version").asInt();
        assertThat(trained.json().path("state").asText()).isEqualTo("candidate");
        assertThat(trained.json().path("trainedBy").asText()).isEqualTo(TestWorkspaces.SUPERVISOR);

        // a clerk's forged request, and the trainer's own: refused by the engine behind the route
        TestServer.Response byClerk = s.call("POST", "/api/v1/models/" + version + "/activation", anna,
                Map.of("comment", "ich darf das"));
        assertThat(byClerk.status()).as(byClerk.toString()).isEqualTo(403);
        TestServer.Response byTrainer = s.call("POST", "/api/v1/models/" + version + "/activation", bernd,
                Map.of("comment", "meins"));
        assertThat(byTrainer.status()).as(byTrainer.toString()).isEqualTo(403);
        assertThat(byTrainer.key()).isEqualTo("model.four_eyes");
        TestServer.Response back = s.call("POST", "/api/v1/models/" + version + "/reversion", bernd, Map.of());
        assertThat(back.status()).as(back.toString()).isEqualTo(400);
        assertThat(back.key()).isEqualTo("model.revert_never_active");
        assertThat(s.get("/api/v1/models", anna).json().get(0).path("state").asText()).isEqualTo("candidate");

        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint)) {
            SignedIn carla = remote.signIn(TestWorkspaces.SUPERVISOR2,
                    TestWorkspaces.SUPERVISOR2_PASSWORD.toCharArray());
            ModelVersionView active = carla.models().activate(version, "geprüft");
            assertThat(active.state()).isEqualTo("active");
            assertThat(active.activatedBy()).isEqualTo(TestWorkspaces.SUPERVISOR2);
            assertThat(carla.matching().run(null, ProgressListener.NONE, CancellationToken.NONE).modelVersion())
                    .isEqualTo(version);
            assertThat(carla.models().revert(1, "zurück").state()).isEqualTo("active");
            assertThat(carla.models().list()).extracting(ModelVersionView::version, ModelVersionView::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(version, "earlier"),
                            org.assertj.core.groups.Tuple.tuple(1, "active"));
            assertThat(carla.journal().verify().ok()).isTrue();
            SignedIn clerk = remote.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            assertThatThrownBy(() -> clerk.models().activate(version, "")).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theReviewNamesTheProposingVersionAndTheQueueItsMode() {
        try (RemoteWorkbench remote = RemoteWorkbench.connect(url, fingerprint)) {
            SignedIn clerk = remote.signIn(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD.toCharArray());
            List<QueueEntry> uncertain = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), List.of(), 0, 1, 20,
                    QueueMode.UNCERTAIN);
            List<QueueEntry> active = clerk.review().queue(EnumSet.of(ClusterStatus.OPEN), List.of(), 0, 1, 20,
                    QueueMode.ACTIVE_LEARNING);
            assertThat(active).hasSize(20);
            assertThat(active).extracting(QueueEntry::clusterId).isNotEqualTo(uncertain.stream()
                    .map(QueueEntry::clusterId).toList());
            ClusterView view = clerk.review().show(active.get(0).clusterId(), "AZ-MODEL-1");
            assertThat(view.modelVersion()).isEqualTo(1);
        }
        String dora = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        TestServer.Response page = s.get("/api/v1/queue?mode=active-learning&limit=5", dora);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("mode").asText()).isEqualTo("active-learning");
        assertThat(s.get("/api/v1/queue?limit=5", dora).json().path("mode").asText()).isEqualTo("uncertain");
        assertThat(s.get("/api/v1/queue?mode=random", dora).status()).isEqualTo(400);
    }
}
