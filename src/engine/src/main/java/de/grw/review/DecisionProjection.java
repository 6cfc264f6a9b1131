package de.grw.review;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalAction;
import de.grw.journal.JournalEntry;
import de.grw.review.ReviewViews.DecisionView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The decisions table as a projection of the journal, for {@code verify}: the journal's decision entries (proposed
 * or taken, approved, rejected, reverted) are replayed into the rows they must have left, and each stored decision
 * is compared with its replayed row column by column. A row edited, added or removed in the store past the engine
 * is named by its id and column, with or without a ledger (the journal itself is the reference: its chain, and with
 * a ledger its signed head, are checked apart).
 * <p>
 * Compared: cluster, kind, state, proposer, comment, case reference, content ({@code payload_json}), reviewer,
 * review comment and the decision reverted. Not compared: {@code proposed_at} and {@code reviewed_at}, which the
 * journal does not carry (its entries have their own time, taken a moment apart). Values of the free-text and
 * content columns are not printed (they may name a person); the others are. A field an older journal entry does
 * not carry is not compared.
 */
public final class DecisionProjection {
    /** At most this many differences are listed; the rest are counted. */
    private static final int LISTED = 5;

    private DecisionProjection() {
    }

    /** One decision as the journal says it must be stored; a null field is not known from the journal. */
    private static final class Row {
        final long id;
        Long cluster;
        String kind;
        String state;
        String proposedBy;
        String comment;
        String caseRef;
        JsonNode content;
        String reviewedBy;
        String reviewComment;
        Long reverts;

        Row(long id) {
            this.id = id;
        }
    }

    /** The decisions the journal's entries leave, by id. */
    static Map<Long, Row> replay(List<JournalEntry> journal) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (JournalEntry e : journal) {
            String action = e.action();
            boolean proposed = action.equals(JournalAction.DECISION_PROPOSED.code());
            if (!proposed && !action.equals(JournalAction.DECISION_TAKEN.code())
                    && !action.equals(JournalAction.DECISION_APPROVED.code())
                    && !action.equals(JournalAction.DECISION_REJECTED.code())
                    && !action.equals(JournalAction.DECISION_REVERTED.code())) {
                continue;
            }
            JsonNode p = CanonicalJson.parse(e.payload());
            long id = p.path("decision").asLong();
            if (proposed || action.equals(JournalAction.DECISION_TAKEN.code())) {
                Row r = rows.computeIfAbsent(id, Row::new);
                r.cluster = p.path("cluster").isIntegralNumber() ? p.path("cluster").asLong() : null;
                r.kind = text(p, "kind");
                r.state = proposed ? DecisionState.PENDING.name() : DecisionState.EFFECTIVE.name();
                r.proposedBy = e.user();
                r.comment = text(p, "comment");
                r.caseRef = text(p, "case");
                r.content = p.has("content") ? p.path("content") : null;
            } else if (action.equals(JournalAction.DECISION_APPROVED.code())
                    || action.equals(JournalAction.DECISION_REJECTED.code())) {
                Row r = rows.computeIfAbsent(id, Row::new);
                r.state = action.equals(JournalAction.DECISION_APPROVED.code()) ? DecisionState.EFFECTIVE.name()
                        : DecisionState.REJECTED.name();
                r.reviewedBy = e.user();
                r.reviewComment = text(p, "comment");
            } else {
                long undone = p.path("reverts").asLong();
                Row r = rows.computeIfAbsent(id, Row::new);
                r.cluster = p.path("cluster").isIntegralNumber() ? p.path("cluster").asLong() : null;
                r.kind = DecisionKind.REVERT.name();
                r.state = DecisionState.EFFECTIVE.name();
                r.proposedBy = e.user();
                r.comment = text(p, "comment");
                r.caseRef = text(p, "case");
                r.content = CanonicalJson.parse(CanonicalJson.write(new DecisionPayload.Revert(undone)));
                r.reverts = undone;
                Row before = rows.computeIfAbsent(undone, Row::new);
                before.state = DecisionState.PENDING.name().equals(before.state) ? DecisionState.WITHDRAWN.name()
                        : DecisionState.REVERTED.name();
            }
        }
        return rows;
    }

    private static String text(JsonNode p, String field) {
        return p.has(field) && !p.path(field).isNull() ? p.path(field).asText() : null;
    }

    /** What differs between the store's decisions and the journal's, if anything. */
    public static Optional<String> check(Connection c) throws SQLException {
        Map<Long, Row> expected = replay(Journal.all(c));
        List<String> problems = new ArrayList<>();
        for (DecisionView d : DecisionRepository.all(c)) {
            Row r = expected.remove(d.id());
            if (r == null) {
                problems.add("decision " + d.id() + " is not in the journal");
                continue;
            }
            List<String> columns = new ArrayList<>();
            shown(columns, "cluster_id", r.cluster, d.clusterId());
            shown(columns, "kind", r.kind, d.kind().name());
            shown(columns, "state", r.state, d.state().name());
            shown(columns, "proposed_by", r.proposedBy, d.proposedBy());
            hidden(columns, "comment", r.comment, d.comment());
            hidden(columns, "case_ref", r.caseRef, d.caseRef());
            if (r.content != null && !r.content.equals(CanonicalJson.parse(d.payloadJson()))) {
                columns.add("payload_json differs");
            }
            if (r.reviewedBy != null || d.reviewedBy() != null) {
                shown(columns, "reviewed_by", r.reviewedBy, d.reviewedBy());
                hidden(columns, "review_comment", r.reviewComment, d.reviewComment());
            }
            if (r.kind != null && r.kind.equals(DecisionKind.REVERT.name()) || d.reverts() != null) {
                shown(columns, "reverts", r.reverts, d.reverts());
            }
            if (!columns.isEmpty()) {
                problems.add("decision " + d.id() + ": " + String.join(", ", columns));
            }
        }
        for (Row r : expected.values()) {
            if (r.kind != null) {
                problems.add("decision " + r.id + " of the journal is missing from the store");
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String listed = String.join("; ", problems.subList(0, Math.min(LISTED, problems.size())));
        return Optional.of("the decisions table differs from the journal's decisions: " + listed
                + (problems.size() > LISTED ? "; and " + (problems.size() - LISTED) + " more" : ""));
    }

    private static void shown(List<String> out, String column, Object journal, Object store) {
        if (journal != null && !Objects.equals(String.valueOf(journal), String.valueOf(store))) {
            out.add(column + " is " + (store == null ? "empty" : "'" + store + "'") + ", the journal says '"
                    + journal + "'");
        }
    }

    private static void hidden(List<String> out, String column, String journal, String store) {
        if (journal != null && !journal.equals(store == null ? "" : store)) {
            out.add(column + " differs");
        }
    }
}
