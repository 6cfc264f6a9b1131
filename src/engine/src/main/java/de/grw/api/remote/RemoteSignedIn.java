package de.grw.api.remote;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.AccessLogApi;
import de.grw.api.ApprovalApi;
import de.grw.api.Changes;
import de.grw.api.Comparisons;
import de.grw.api.ExportApi;
import de.grw.api.GovernanceApi;
import de.grw.api.ImportApi;
import de.grw.api.JournalApi;
import de.grw.api.MatchingApi;
import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.api.UsersApi;
import de.grw.common.Text;
import de.grw.common.UserFacingException;
import de.grw.journal.JournalEntry;
import de.grw.profile.MatchProfile;
import de.grw.journal.JournalVerifier;
import de.grw.review.BulkViews;
import de.grw.review.DecisionCommand;
import de.grw.review.ReviewViews.ClaimView;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user signed in to a workspace server: the bearer token of the server's session, and the user, role and
 * permissions the sign-in answered (no I/O for them). Each feature call is one request as this user; the server
 * decides. Closing signs out on the server ({@code DELETE /api/v1/sessions/current}).
 */
final class RemoteSignedIn implements SignedIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteSignedIn.class);
    /** The most entries the server gives in one page of the queue. */
    static final int MAX_PAGE = 500;

    private final RemoteWorkbench workbench;
    private final Transport http;
    private final String token;
    private final String user;
    private final Role role;
    private final Set<Permission> permissions;
    private final ReviewApi review = new Review();
    private final ApprovalApi approval = new Approval();
    private final JournalApi journal = new Journal();
    private final UsersApi users;
    private final AccessLogApi accessLog;
    private final RemoteData data;
    private final GovernanceApi governance = new GovernanceApi() {
        @Override
        public MatchProfile profile() {
            return http.read(governanceNode().path("profile"), MatchProfile.class);
        }

        @Override
        public GovernanceConfig settings() {
            return http.read(governanceNode().path("settings"), GovernanceConfig.class);
        }
    };
    private JsonNode governanceNode;
    private volatile Comparisons comparisons;
    private volatile boolean closed;

    RemoteSignedIn(RemoteWorkbench workbench, Transport http, JsonNode session) {
        this.workbench = workbench;
        this.http = http;
        this.token = session.path("token").asText();
        this.user = session.path("user").asText();
        this.role = Role.valueOf(session.path("role").asText());
        Set<Permission> p = EnumSet.noneOf(Permission.class);
        for (JsonNode n : session.path("permissions")) {
            try {
                p.add(Permission.valueOf(n.asText()));
            } catch (IllegalArgumentException e) {
                LOG.debug("the server names a permission this client does not know: {}", n.asText());
            }
        }
        this.permissions = Collections.unmodifiableSet(p);
        this.users = new RemoteUsers(http, this::token);
        this.accessLog = new RemoteAccessLog(http, this::token);
        this.data = new RemoteData(http, this::token);
    }

    /** The token while signed in. */
    String token() {
        if (closed || workbench.closed()) {
            throw new AccessDeniedException(Text.of("users.signed_out"));
        }
        return token;
    }

    JsonNode workspace() {
        return http.get("/api/v1/workspace", token());
    }

    @Override
    public String user() {
        token();
        return user;
    }

    @Override
    public Role role() {
        token();
        return role;
    }

    @Override
    public Set<Permission> permissions() {
        token();
        return permissions;
    }

    @Override
    public ReviewApi review() {
        token();
        return review;
    }

    @Override
    public ApprovalApi approval() {
        token();
        return approval;
    }

    @Override
    public JournalApi journal() {
        token();
        return journal;
    }

    @Override
    public ImportApi imports() {
        token();
        return data.imports;
    }

    @Override
    public MatchingApi matching() {
        token();
        return data.matching;
    }

    @Override
    public de.grw.api.ModelsApi models() {
        token();
        return data.models;
    }

    @Override
    public AccessLogApi accessLog() {
        token();
        return accessLog;
    }

    @Override
    public ExportApi export() {
        token();
        return data.export;
    }

    @Override
    public UsersApi users() {
        token();
        return users;
    }

    @Override
    public de.grw.api.LinkApi link() {
        token();
        return link;
    }

    /** Real-time linking over {@code POST /api/v1/link} and the golden record routes; masked and logged there. */
    private final de.grw.api.LinkApi link = new de.grw.api.LinkApi() {
        @Override
        public de.grw.linking.LinkViews.LinkAnswer link(java.util.Map<String, String> record, String caseRef,
                                                        String storeIn) {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("record", record);
            body.put("caseRef", caseRef);
            if (storeIn != null && !storeIn.isBlank()) {
                body.put("store", storeIn.strip());
            }
            return http.read(http.post("/api/v1/link", token(), body), de.grw.linking.LinkViews.LinkAnswer.class);
        }

        @Override
        public GoldenView golden(String goldenId, String caseRef) {
            return http.read(http.get("/api/v1/golden/" + RemoteUsers.segment(goldenId), token(),
                    "X-Case-Reference", caseRef == null ? "" : caseRef.strip()), GoldenView.class);
        }

        @Override
        public de.grw.linking.LinkViews.LinkAnswer search(String familyName, String givenName, String birthDate,
                                                          String caseRef) {
            StringBuilder q = new StringBuilder();
            for (String[] p : new String[][] {{"familyName", familyName}, {"givenName", givenName},
                {"birthDate", birthDate}}) {
                if (p[1] != null && !p[1].isBlank()) {
                    q.append(q.length() == 0 ? "?" : "&").append(Transport.query(p[0], p[1]));
                }
            }
            return http.read(http.get("/api/v1/golden" + q, token(), "X-Case-Reference",
                    caseRef == null ? "" : caseRef.strip()), de.grw.linking.LinkViews.LinkAnswer.class);
        }
    };

    @Override
    public GovernanceApi governance() {
        token();
        return governance;
    }

    /** The profile and the settings, fetched once (they change only with an administrator's import of a profile). */
    private synchronized JsonNode governanceNode() {
        if (governanceNode == null) {
            governanceNode = http.get("/api/v1/governance", token());
        }
        return governanceNode;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workbench.signedOut(this);
        try {
            http.delete("/api/v1/sessions/current", token);
        } catch (RuntimeException e) {
            // the session ends on the server at its idle timeout anyway
            LOG.info("signing {} out at {} failed: {}", user, http.base(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SignedIn[" + user + " (" + role + ") at " + http.base() + (closed ? ", signed out" : "") + "]";
    }

    /** The review through the server's queue, cluster and decision routes. */
    private final class Review implements ReviewApi {
        @Override
        public List<QueueEntry> queue(Set<ClusterStatus> statuses, List<String> sources, double minProbability,
                                      double maxProbability, int limit, de.grw.review.QueueMode mode) {
            List<String> q = query(statuses, sources, minProbability, maxProbability, limit);
            q.add("mode=" + mode.code());
            return http.readList(http.get("/api/v1/queue?" + String.join("&", q), token()).path("entries"),
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
            JsonNode answer = caseRef == null || caseRef.isBlank() ? http.get(path, token())
                    : http.get(path, token(), "X-Case-Reference", caseRef.strip());
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
            return http.read(http.post("/api/v1/bulk/samples", token(), body), BulkViews.Sample.class);
        }

        @Override
        public BulkViews.Result proposeAll(BulkViews.Proposal proposal) {
            java.util.Objects.requireNonNull(proposal, "proposal");
            return http.read(http.post("/api/v1/bulk/proposals", token(), proposal), BulkViews.Result.class);
        }

        @Override
        public int count(Set<ClusterStatus> statuses) {
            return http.get("/api/v1/queue?" + String.join("&", query(statuses, List.of(), 0, 1, 1)), token())
                    .path("total").asInt();
        }

        @Override
        public List<String> sources() {
            return http.readList(http.get("/api/v1/sources", token()), String.class);
        }

        @Override
        public List<Long> memberIds(long clusterId) {
            return http.readList(http.get("/api/v1/clusters/" + clusterId + "/members", token()), Long.class);
        }

        @Override
        public ClusterView show(long clusterId, String caseRef) {
            if (caseRef == null || caseRef.isBlank()) {
                // what the engine says without one; the server would refuse the request alike
                throw new UserFacingException(Text.of("server.case_required"));
            }
            JsonNode answer = http.get("/api/v1/clusters/" + clusterId, token(), "X-Case-Reference",
                    caseRef.strip());
            return http.read(answer.path("cluster"), ClusterView.class);
        }

        @Override
        public ClusterView prefetch(long clusterId, String caseRef) {
            if (caseRef == null || caseRef.isBlank()) {
                throw new UserFacingException(Text.of("server.case_required"));
            }
            JsonNode answer = http.get("/api/v1/clusters/" + clusterId + "/prefetch", token(), "X-Case-Reference",
                    caseRef.strip());
            return http.read(answer.path("cluster"), ClusterView.class);
        }

        @Override
        public Optional<ClaimView> shown(long clusterId, String caseRef) {
            if (caseRef == null || caseRef.isBlank()) {
                throw new UserFacingException(Text.of("server.case_required"));
            }
            return claimIn(http.post("/api/v1/clusters/" + clusterId + "/shown", token(),
                    Map.of("caseRef", caseRef.strip())));
        }

        @Override
        public GoldenView golden(String goldenId, String caseRef) {
            if (caseRef == null || caseRef.isBlank()) {
                throw new UserFacingException(Text.of("server.case_required"));
            }
            return http.read(http.get("/api/v1/golden-records/" + RemoteUsers.segment(goldenId), token(),
                    "X-Case-Reference", caseRef.strip()), GoldenView.class);
        }

        @Override
        public DecisionView propose(long clusterId, DecisionCommand decision, String comment, String caseRef) {
            java.util.Objects.requireNonNull(decision, "decision");
            // a record, so that the command travels with its kind ({"decision":"MERGE",...})
            DecisionRequest body = new DecisionRequest(decision, comment, caseRef);
            return http.read(http.post("/api/v1/clusters/" + clusterId + "/decisions", token(), body),
                    DecisionView.class);
        }

        @Override
        public Optional<ClaimView> claim(long clusterId) {
            return claimIn(http.post("/api/v1/clusters/" + clusterId + "/claim", token(), Map.of()));
        }

        @Override
        public Optional<ClaimView> claimOf(long clusterId) {
            return claimIn(http.get("/api/v1/clusters/" + clusterId + "/claim", token()));
        }

        @Override
        public void release(long clusterId) {
            http.delete("/api/v1/clusters/" + clusterId + "/claim", token());
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
            return http.read(http.post("/api/v1/decisions/" + decisionId + "/revert", token(), body),
                    DecisionView.class);
        }

        @Override
        public List<DecisionView> decisions() {
            return http.readList(http.get("/api/v1/decisions", token()), DecisionView.class);
        }

        @Override
        public DecisionView decision(long decisionId) {
            return http.read(http.get("/api/v1/decisions/" + decisionId, token()), DecisionView.class);
        }

        @Override
        public Optional<String> goldenRecordOf(long decisionId) {
            JsonNode g = http.get("/api/v1/decisions/" + decisionId + "/golden", token()).path("goldenId");
            return g.isTextual() ? Optional.of(g.asText()) : Optional.empty();
        }

        /** Built from the server's profile and settings at the first call (one request), then without I/O. */
        @Override
        public Comparisons comparisons() {
            token();
            Comparisons c = comparisons;
            if (c == null) {
                c = new Comparisons(governance.profile(), governance.settings());
                comparisons = c;
            }
            return c;
        }
    }

    /** The body of {@code POST /api/v1/clusters/{id}/decisions}. */
    private record DecisionRequest(DecisionCommand command, String comment, String caseRef) {
    }

    /** The approval through the server's approval routes. */
    private final class Approval implements ApprovalApi {
        @Override
        public List<DecisionView> pending() {
            return http.readList(http.get("/api/v1/approvals", token()), DecisionView.class);
        }

        @Override
        public DecisionView approve(long decisionId, String comment) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("comment", comment);
            return http.read(http.post("/api/v1/decisions/" + decisionId + "/approval", token(), body),
                    DecisionView.class);
        }

        @Override
        public BulkViews.Sample sampleForApproval(List<Long> decisions, String caseRef) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decisions", decisions == null ? List.of() : decisions);
            body.put("caseRef", caseRef == null || caseRef.isBlank() ? null : caseRef.strip());
            return http.read(http.post("/api/v1/approvals/samples", token(), body), BulkViews.Sample.class);
        }

        @Override
        public BulkViews.Result approveAll(BulkViews.Approval approval) {
            java.util.Objects.requireNonNull(approval, "approval");
            return http.read(http.post("/api/v1/approvals/batch", token(), approval), BulkViews.Result.class);
        }

        @Override
        public DecisionView reject(long decisionId, String comment) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("comment", comment);
            return http.read(http.post("/api/v1/decisions/" + decisionId + "/rejection", token(), body),
                    DecisionView.class);
        }
    }

    /** The journal's verification through the server. */
    private final class Journal implements JournalApi {
        @Override
        public List<JournalEntry> entries(String user, String from, String to, String person) {
            List<String> q = new ArrayList<>();
            String[][] filters = {{"user", user}, {"from", from}, {"to", to}, {"person", person}};
            for (String[] f : filters) {
                if (f[1] != null && !f[1].isBlank()) {
                    q.add(Transport.query(f[0], f[1].strip()));
                }
            }
            return http.readList(http.get("/api/v1/journal" + (q.isEmpty() ? "" : "?" + String.join("&", q)),
                    token()), JournalEntry.class);
        }

        @Override
        public Changes changes(long after, int waitSeconds) {
            int wait = Math.max(0, Math.min(waitSeconds, MAX_WAIT_SECONDS));
            return http.read(http.get("/api/v1/changes?after=" + Math.max(0, after) + "&wait=" + wait, token()),
                    Changes.class);
        }

        @Override
        public JournalVerifier.Result verify() {
            return http.read(http.get("/api/v1/journal/verification", token()), JournalVerifier.Result.class);
        }
    }
}
