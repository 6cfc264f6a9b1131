package de.grw.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.api.SignedIn;
import de.grw.api.remote.RemoteWorkbench;
import de.grw.review.BulkViews;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Role;
import de.grw.server.TestServer.Response;
import de.grw.workspace.TestWorkspaces;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk work and the queue's names through the server: forged bulk requests are refused and change nothing, an API
 * account may do none of it, and the remote client carries the sample and the names.
 */
class BulkRoutesTest {
    private static final String API = "fachverfahren";
    private static final String API_PASSWORD = "Schnittstelle-1";
    @TempDir
    Path dir;
    TestServer s;

    @BeforeEach
    void start() {
        s = TestServer.startWith(dir, new TestServer.Account(API, Role.API, API_PASSWORD));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private int pending(String token) {
        return s.get("/api/v1/approvals", token).json().size();
    }

    @Test
    void aForgedOrForeignBulkRequestIsRefusedAndChangesNothing() {
        String anna = s.token(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD);
        String api = s.token(API, API_PASSWORD);
        List<Long> clusters = new ArrayList<>();
        s.get("/api/v1/queue?status=OPEN&limit=50", anna).json().path("entries")
                .forEach(e -> clusters.add(e.path("clusterId").asLong()));
        assertThat(clusters).hasSizeGreaterThan(5);
        int before = pending(anna);

        // a clerk's forged bulk request: no sample shown
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("minProbability", 0);
        forged.put("maxProbability", 1);
        forged.put("clusters", clusters);
        forged.put("sampleId", 1);
        forged.put("sampleIds", clusters.subList(0, 5));
        forged.put("caseRef", "AZ-1");
        Response r = s.post("/api/v1/bulk/proposals", anna, forged);
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.key()).isEqualTo("bulk.no_sample");
        assertThat(pending(anna)).isEqualTo(before);

        // the API role: neither a sample nor a bulk proposal nor a batch approval
        Response sample = s.post("/api/v1/bulk/samples", api, Map.of("min", 0, "max", 1, "caseRef", "AZ-1"));
        assertThat(sample.status()).as(sample.toString()).isEqualTo(403);
        assertThat(sample.body()).doesNotContain("members");
        Response asApi = s.post("/api/v1/bulk/proposals", api, forged);
        assertThat(asApi.status()).isEqualTo(403);
        assertThat(asApi.key()).isEqualTo("access.denied");
        assertThat(s.post("/api/v1/approvals/samples", api, Map.of("decisions", List.of(1))).status())
                .isEqualTo(403);
        assertThat(s.post("/api/v1/approvals/batch", api, Map.of("decisions", List.of(1), "sampleId", 1,
                "sampleIds", List.of(1))).status()).isEqualTo(403);
        // nor the queue with names
        assertThat(s.get("/api/v1/queue?names=true", api, "X-Case-Reference", "AZ-1").status()).isEqualTo(403);

        // the genuine way: the sample, then the batch naming it
        Response shown = s.post("/api/v1/bulk/samples", anna, Map.of("min", 0, "max", 1, "caseRef", "AZ-2"));
        assertThat(shown.status()).as(shown.toString()).isEqualTo(201);
        List<Long> batch = new ArrayList<>();
        shown.json().path("batch").forEach(b -> batch.add(b.asLong()));
        List<Long> sampled = new ArrayList<>();
        shown.json().path("sample").forEach(c -> sampled.add(c.path("clusterId").asLong()));
        assertThat(sampled).hasSize(5).isSubsetOf(batch);
        Map<String, Object> genuine = new LinkedHashMap<>(forged);
        genuine.put("clusters", batch);
        genuine.put("sampleId", shown.json().path("sampleId").asLong());
        genuine.put("sampleIds", sampled);
        // the sample was anna's: dora cannot use it
        String dora = s.token(TestWorkspaces.CLERK2, TestWorkspaces.CLERK2_PASSWORD);
        assertThat(s.post("/api/v1/bulk/proposals", dora, genuine).status()).isEqualTo(403);
        Response done = s.post("/api/v1/bulk/proposals", anna, genuine);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("decided").size()).isEqualTo(batch.size());
        assertThat(pending(anna)).isEqualTo(before + batch.size());
    }

    @Test
    void theRemoteClientCarriesNamesSamplesAndBatches() {
        URI url = URI.create("https://localhost:" + s.server.port());
        String fingerprint = s.server.certificate().fingerprint();
        try (RemoteWorkbench a = RemoteWorkbench.connect(url, fingerprint);
             RemoteWorkbench b = RemoteWorkbench.connect(url, fingerprint)) {
            SignedIn anna = a.signIn(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
            SignedIn bernd = b.signIn(TestWorkspaces.SUPERVISOR, TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
            List<QueueEntry> named = anna.review().queueWithNames(EnumSet.noneOf(
                    de.grw.workspace.ClusterStatus.class), List.of(), 0, 1, 20, "AZ-3");
            assertThat(named).isNotEmpty().allSatisfy(e -> {
                assertThat(e.name()).isNotBlank();
                assertThat(e.sources()).isNotEmpty();
                assertThat(e.weakest()).isNotNull();
            });
            assertThat(anna.review().queue(EnumSet.noneOf(de.grw.workspace.ClusterStatus.class), 20))
                    .allMatch(e -> e.name() == null);

            BulkViews.Sample sample = anna.review().sampleForBulk(List.of(), 0.0, 1.0, "AZ-3");
            assertThat(sample.sample()).isNotEmpty().allSatisfy(c -> assertThat(c.members()).hasSizeGreaterThan(1));
            BulkViews.Result proposed = anna.review().proposeAll(new BulkViews.Proposal(List.of(), 0, 1,
                    sample.batch(), sample.sampleId(), sample.sampleIds(), "Stapel", "AZ-3"));
            assertThat(proposed.decided()).hasSize(sample.batch().size());

            List<Long> decisions = proposed.decided();
            assertThatThrownBy(() -> anna.approval().sampleForApproval(decisions, "AZ-3"))
                    .isInstanceOf(AccessDeniedException.class);
            BulkViews.Sample check = bernd.approval().sampleForApproval(decisions, "AZ-3");
            BulkViews.Result approved = bernd.approval().approveAll(new BulkViews.Approval(decisions,
                    check.sampleId(), check.sampleIds(), "Stichprobe geprüft"));
            assertThat(approved.decided()).containsExactlyInAnyOrderElementsOf(decisions);
            assertThat(approved.skipped()).isEmpty();
        }
    }
}
