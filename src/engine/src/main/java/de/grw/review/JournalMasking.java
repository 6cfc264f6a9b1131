package de.grw.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.grw.journal.CanonicalJson;
import de.grw.journal.JournalEntry;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import de.grw.workspace.GovernanceConfig;
import de.grw.workspace.WorkspaceProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal as shown to a user who may not see records under a blocking notice: in the entries of decisions on
 * a blocked person's records ({@code decision.proposed}, {@code decision.taken}), the values a clerk or supervisor
 * typed for the golden record ({@code "choices":{field:{"value":...}}}) of the fields the governance settings mask
 * read {@code ***}. The stored journal is not changed (its chain seals the original); the entry's hash is that of
 * the stored payload, so a masked entry shown is a view, and {@code verify} checks the store.
 * <p>
 * An export masks the same values in {@code journal.jsonl} ({@link #forExport}) unless it includes the blocked
 * records (a supervisor's {@code --include-blocked}): the masked entries are written redacted
 * ({@link JournalEntry#redacted}), carrying the stored entry's hash and Merkle leaf, so the exported journal and
 * its tree head still verify, and {@code verify} names the redacted entries.
 */
public final class JournalMasking {
    static final String MASK = de.grw.review.RecordLoader.MASK;

    private JournalMasking() {
    }

    /** The entries as {@code session} may read them (unchanged for a user who may see blocked records). */
    public static List<JournalEntry> mask(Workspace workspace, Session session, List<JournalEntry> entries) {
        if (session.may(Permission.VIEW_BLOCKED) || entries.isEmpty()) {
            return entries;
        }
        return masked(workspace, entries, false);
    }

    /**
     * The entries for an export's {@code journal.jsonl} that leaves out the blocked records: every masked entry
     * redacted (it keeps its stored hash and carries its stored Merkle leaf).
     */
    public static List<JournalEntry> forExport(Workspace workspace, List<JournalEntry> entries) {
        return entries.isEmpty() ? entries : masked(workspace, entries, true);
    }

    private static List<JournalEntry> masked(Workspace workspace, List<JournalEntry> entries, boolean redact) {
        GovernanceConfig governance = WorkspaceProfile.governance(workspace);
        Set<String> masked = new HashSet<>(governance.maskedFields());
        Set<Long> blocked = new HashSet<>(workspace.read(de.grw.workspace.SourceRepository::blockedRecordIds));
        if (blocked.isEmpty() || masked.isEmpty()) {
            return entries;
        }
        List<JournalEntry> out = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            JournalEntry m = maskEntry(e, masked, blocked);
            out.add(redact && m != e ? e.redacted(m.payload()) : m);
        }
        return out;
    }

    private static JournalEntry maskEntry(JournalEntry e, Set<String> masked, Set<Long> blocked) {
        if (!e.action().equals("decision.proposed") && !e.action().equals("decision.taken")) {
            return e;
        }
        JsonNode payload;
        try {
            payload = CanonicalJson.parse(e.payload());
        } catch (RuntimeException notJson) {
            return e;
        }
        if (!payload.path("content").isObject()) {
            return e;
        }
        ObjectNode copy = payload.deepCopy();
        return maskContent((ObjectNode) copy.path("content"), masked, blocked) ? new JournalEntry(e.seq(), e.at(),
                e.user(), e.action(), CanonicalJson.write(copy), e.prev(), e.hash()) : e;
    }

    /**
     * Masks, in a merge's content ({@code {"members":[...],"choices":{...}}}) of a blocked person's records, the typed
     * values of masked fields; whether it changed anything.
     */
    private static boolean maskContent(ObjectNode content, Set<String> masked, Set<Long> blocked) {
        JsonNode choices = content.path("choices");
        if (!choices.isObject() || !anyBlocked(content.path("members"), blocked)) {
            return false;
        }
        boolean changed = false;
        for (var it = choices.fields(); it.hasNext(); ) {
            var field = it.next();
            if (masked.contains(field.getKey()) && field.getValue().has("value")
                    && !field.getValue().path("value").isNull()) {
                ((ObjectNode) field.getValue()).put("value", MASK);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The decisions as {@code session} may read them: as the journal, a merge of a blocked person's records shows
     * the values typed for masked fields as {@code ***} to a user who may not see blocked records (the list of
     * decisions, one decision, the pending approvals, a cluster's history). The stored decision is not changed.
     */
    static List<ReviewViews.DecisionView> maskDecisions(java.sql.Connection c, Session session,
                                                        GovernanceConfig governance,
                                                        List<ReviewViews.DecisionView> decisions)
            throws java.sql.SQLException {
        if (session == null || session.may(Permission.VIEW_BLOCKED) || decisions.isEmpty()
                || governance.maskedFields().isEmpty()) {
            return decisions;
        }
        // only merges with typed values can show one; most decisions have none, and then nothing more is read
        Set<Long> members = new HashSet<>();
        for (ReviewViews.DecisionView d : decisions) {
            if (d.kind() == DecisionKind.MERGE && d.payloadJson() != null && d.payloadJson().contains("\"value\"")
                    && d.payload() instanceof DecisionPayload.Merge m) {
                members.addAll(m.members());
            }
        }
        if (members.isEmpty()) {
            return decisions;
        }
        Set<Long> blocked = new HashSet<>(de.grw.workspace.SourceRepository.blockedAmong(c, members));
        if (blocked.isEmpty()) {
            return decisions;
        }
        Set<String> masked = new HashSet<>(governance.maskedFields());
        List<ReviewViews.DecisionView> out = new ArrayList<>(decisions.size());
        for (ReviewViews.DecisionView d : decisions) {
            out.add(maskDecision(d, masked, blocked));
        }
        return out;
    }

    private static ReviewViews.DecisionView maskDecision(ReviewViews.DecisionView d, Set<String> masked,
                                                         Set<Long> blocked) {
        if (d.kind() != DecisionKind.MERGE || d.payloadJson() == null) {
            return d;
        }
        JsonNode content;
        try {
            content = CanonicalJson.parse(d.payloadJson());
        } catch (RuntimeException notJson) {
            return d;
        }
        if (!content.isObject() || !maskContent((ObjectNode) content, masked, blocked)) {
            return d;
        }
        return new ReviewViews.DecisionView(d.id(), d.clusterId(), d.kind(), d.state(), d.proposedBy(),
                d.proposedAt(), d.comment(), d.caseRef(), CanonicalJson.write(content), d.reviewedBy(),
                d.reviewedAt(), d.reviewComment(), d.reverts());
    }

    private static boolean anyBlocked(JsonNode members, Set<Long> blocked) {
        for (JsonNode m : members) {
            if (m.isIntegralNumber() && blocked.contains(m.asLong())) {
                return true;
            }
        }
        return false;
    }
}
