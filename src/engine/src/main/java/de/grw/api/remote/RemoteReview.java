package de.grw.api.remote;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.Comparisons;
import de.grw.api.GovernanceApi;
import de.grw.api.ReviewApi;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.review.BulkViews;
import de.grw.review.DecisionCommand;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The review through the server's queue, cluster and decision routes, as the signed-in user of
 * {@link RemoteSignedIn} (its token): the queue in pages, a cluster shown (logged and claimed there) or read ahead
 * ({@code prefetch}, not logged) and then {@code shown}, decisions proposed and reverted, claims.
 */
final class RemoteReview implements ReviewApi {
    /** The most entries the server gives in one page of the queue. */
    static final int MAX_PAGE = 500;

    private final Transport http;
    private final Supplier<String> token;
    private final GovernanceApi governance;
    private volatile Comparisons comparisons;

    RemoteReview(Transport http, Supplier<String> token, GovernanceApi governance) {
        this.http = http;
        this.token = token;
        this.governance = governance;
    }

    @Override
    public List<QueueEntry> queue(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                  double maxProbability, int limit, de.grw.review.QueueMode mode) {
        List<String> q = query(statuses, sources, minProbability, maxProbability, limit);
        q.add("mode=" + mode.code());
        return http.readList(http.get("/api/v1/queue?" + String.join("&", q), token.get()).path("entries"),
                QueueEntry.class);
    }

    private List<String> query(Set<ClusterStatus> statuses, List<String> sources, double min, double max,
                               int limit) {
        List<String> q = new ArrayList<>();
        for (ClusterStatus s : statuses == null ? Set.<ClusterStatus>of() : statuses) {
            q.add(Transport.query("status", s.name()));
        }
        for (String s : sources == null ? List.<String>of() : sources) {
            q.add(Transport.query("source", s));
        }
        q.add("min=" + min);
        q.add("max=" + max);
        // 0 (all) and more than a page: the server's largest page
        q.add("limit=" + (limit <= 0 || limit > MAX_PAGE ? MAX_PAGE : limit));
        return q;
    }

    @Override
    public List<QueueEntry> queueWithNames(Set<ClusterStatus> statuses, List<String> sources,
                                           double minProbability, double maxProbability, int limit,
                                           String caseRef, de.grw.review.QueueMode mode) {
        List<String> q = query(statuses, sources, minProbability, maxProbability, limit);
        q.add("names=true");
        q.add("mode=" + mode.code());
        String path = "/api/v1/queue?" + String.join("&", q);
        JsonNode answer = caseRef == null || caseRef.isBlank() ? http.get(path, token.get())
                : http.get(path, token.get(), "X-Case-Reference", caseRef.strip());
        return http.readList(answer.path("entries"), QueueEntry.class);
    }

    @Override
    public BulkViews.Sample sampleForBulk(List<String> sources, double minProbability, double maxProbability,
                                          String caseRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sources", sources == null ? List.of() : sources);
        body.put("min", minProbability);
        body.put("max", maxProbability);
        body.put("caseRef", caseRef == null || caseRef.isBlank() ? null : caseRef.strip());
        return http.read(http.post("/api/v1/bulk/samples", token.get(), body), BulkViews.Sample.class);
    }

    @Override
    public BulkViews.Result proposeAll(BulkViews.Proposal proposal) {
        java.util.Objects.requireNonNull(proposal, "proposal");
        return http.read(http.post("/api/v1/bulk/proposals", token.get(), proposal), BulkViews.Result.class);
    }

    @Override
    public int count(Set<ClusterStatus> statuses) {
        return http.get("/api/v1/queue?" + String.join("&", query(statuses, List.of(), 0, 1, 1)), token.get())
                .path("total").asInt();
    }

    @Override
    public List<String> sources() {
        return http.readList(http.get("/api/v1/sources", token.get()), String.class);
    }

    @Override
    public List<Long> memberIds(long clusterId) {
        return http.readList(http.get("/api/v1/clusters/" + clusterId + "/members", token.get()), Long.class);
    }

    @Override
    public ClusterView show(long clusterId, String caseRef) {
        if (caseRef == null || caseRef.isBlank()) {
            // what the engine says without one; the server would refuse the request alike
            throw new UserFacingException(Text.of("server.case_required"));
        }
        JsonNode answer = http.get("/api/v1/clusters/" + clusterId, token.get(), "X-Case-Reference",
                caseRef.strip());
        return http.read(answer.path("cluster"), ClusterView.class);
    }

    @Override
    public ClusterView prefetch(long clusterId, String caseRef) {
        if (caseRef == null || caseRef.isBlank()) {
            throw new UserFacingException(Text.of("server.case_required"));
        }
        JsonNode answer = http.get("/api/v1/clusters/" + clusterId + "/prefetch", token.get(), "X-Case-Reference",
                caseRef.strip());
        return http.read(answer.path("cluster"), ClusterView.class);
    }

    @Override
    public Optional<ClaimView> shown(long clusterId, String caseRef) {
        if (caseRef == null || caseRef.isBlank()) {
            throw new UserFacingException(Text.of("server.case_required"));
        }
        return claimIn(http.post("/api/v1/clusters/" + clusterId + "/shown", token.get(),
                Map.of("caseRef", caseRef.strip())));
    }

    @Override
    public GoldenView golden(String goldenId, String caseRef) {
        if (caseRef == null || caseRef.isBlank()) {
            throw new UserFacingException(Text.of("server.case_required"));
        }
        return http.read(http.get("/api/v1/golden-records/" + RemoteUsers.segment(goldenId), token.get(),
                "X-Case-Reference", caseRef.strip()), GoldenView.class);
    }

    @Override
    public DecisionView propose(long clusterId, DecisionCommand decision, String comment, String caseRef) {
        java.util.Objects.requireNonNull(decision, "decision");
        // a record, so that the command travels with its kind ({"decision":"MERGE",...})
        DecisionRequest body = new DecisionRequest(decision, comment, caseRef);
        return http.read(http.post("/api/v1/clusters/" + clusterId + "/decisions", token.get(), body),
                DecisionView.class);
    }

    @Override
    public Optional<ClaimView> claim(long clusterId) {
        return claimIn(http.post("/api/v1/clusters/" + clusterId + "/claim", token.get(), Map.of()));
    }

    @Override
    public Optional<ClaimView> claimOf(long clusterId) {
        return claimIn(http.get("/api/v1/clusters/" + clusterId + "/claim", token.get()));
    }

    @Override
    public void release(long clusterId) {
        http.delete("/api/v1/clusters/" + clusterId + "/claim", token.get());
    }

    /** {@code {"claim": {...}}} or {@code {"claim": null}}. */
    private Optional<ClaimView> claimIn(JsonNode answer) {
        JsonNode c = answer.path("claim");
        return c.isObject() ? Optional.of(http.read(c, ClaimView.class)) : Optional.empty();
    }

    @Override
    public DecisionView revert(long decisionId, String comment, String caseRef) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", comment);
        body.put("caseRef", caseRef == null || caseRef.isBlank() ? null : caseRef.strip());
        return http.read(http.post("/api/v1/decisions/" + decisionId + "/revert", token.get(), body),
                DecisionView.class);
    }

    @Override
    public List<DecisionView> decisions() {
        return http.readList(http.get("/api/v1/decisions", token.get()), DecisionView.class);
    }

    @Override
    public DecisionView decision(long decisionId) {
        return http.read(http.get("/api/v1/decisions/" + decisionId, token.get()), DecisionView.class);
    }

    @Override
    public Optional<String> goldenRecordOf(long decisionId) {
        JsonNode g = http.get("/api/v1/decisions/" + decisionId + "/golden", token.get()).path("goldenId");
        return g.isTextual() ? Optional.of(g.asText()) : Optional.empty();
    }

    /** Built from the server's profile and settings at the first call (one request), then without I/O. */
    @Override
    public Comparisons comparisons() {
        token.get();
        Comparisons c = comparisons;
        if (c == null) {
            c = new Comparisons(governance.profile(), governance.settings());
            comparisons = c;
        }
        return c;
    }

    /** The body of {@code POST /api/v1/clusters/{id}/decisions}. */
    private record DecisionRequest(DecisionCommand command, String comment, String caseRef) {
    }
}
