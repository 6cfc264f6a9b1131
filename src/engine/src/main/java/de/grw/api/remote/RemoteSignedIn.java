package de.grw.api.remote;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.api.AccessLogApi;
import de.grw.api.ApprovalApi;
import de.grw.api.Changes;
import de.grw.api.ExportApi;
import de.grw.api.GovernanceApi;
import de.grw.api.ImportApi;
import de.grw.api.JournalApi;
import de.grw.api.MatchingApi;
import de.grw.api.ReviewApi;
import de.grw.api.SignedIn;
import de.grw.api.UsersApi;
import de.grw.common.Text;
import de.grw.journal.JournalEntry;
import de.grw.profile.MatchProfile;
import de.grw.review.BulkViews;
import de.grw.journal.JournalVerifier;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.rights.AccessDeniedException;
import de.grw.rights.Permission;
import de.grw.rights.Role;
import de.grw.workspace.GovernanceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user signed in to a workspace server: the bearer token of the server's session, and the user, role and
 * permissions the sign-in answered (no I/O for them). Each feature call is one request as this user; the server
 * decides. Closing signs out on the server ({@code DELETE /api/v1/sessions/current}).
 */
final class RemoteSignedIn implements SignedIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteSignedIn.class);
    private final RemoteWorkbench workbench;
    private final Transport http;
    private final String token;
    private final String user;
    private final Role role;
    private final Set<Permission> permissions;
    private final ReviewApi review;
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
        this.review = new RemoteReview(http, this::token, governance);
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
