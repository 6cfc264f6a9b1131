package de.grw.review;

import de.grw.common.UserFacingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Golden records in the workspace: created, extended and joined by approved merges, and taken back by reverts.
 * Nothing is deleted: memberships and values carry the decision that added them and the one that ended them, so
 * the state before any decision can be restored exactly and every value's origin stays traceable. The rows are
 * read and written by {@link GoldenRepository}.
 */
final class GoldenStore {
    private GoldenStore() {
    }

    /** Applies a merge; returns the golden record's id (an existing one's when members belonged to one). */
    static String merge(ReviewContext ctx, long decisionId, List<Long> members, Map<String, FieldChoice> choices)
            throws SQLException {
        Connection c = ctx.connection();
        List<String> existing = GoldenRepository.activeGoldenOf(c, members);
        String target;
        if (existing.isEmpty()) {
            target = GoldenRepository.nextId(c);
            GoldenRepository.insert(c, target, ctx.now().toString(), decisionId);
        } else {
            target = existing.get(0); // the oldest keeps its id
            for (String other : existing.subList(1, existing.size())) {
                for (long record : GoldenRepository.activeMembers(c, other)) {
                    GoldenRepository.endMembership(c, other, record, decisionId);
                    GoldenRepository.addMembership(c, target, record, decisionId);
                }
                GoldenRepository.mergedInto(c, other, target);
                GoldenRepository.supersedeValues(c, other, decisionId);
            }
        }
        Set<Long> current = new LinkedHashSet<>(GoldenRepository.activeMembers(c, target));
        for (long m : members) {
            if (!current.contains(m)) {
                GoldenRepository.addMembership(c, target, m, decisionId);
            }
        }
        List<Long> now = GoldenRepository.activeMembers(c, target);
        List<MemberRecord> all = RecordLoader.load(c, now, null, ctx.governance());
        // a golden record that grows keeps the values clerks chose or typed for it, unless this merge changes them
        Map<String, FieldChoice> effective = new LinkedHashMap<>(keptChoices(c, existing, now));
        effective.putAll(choices);
        Map<String, GoldenValue> values = new Survivorship(ctx.profile(), ctx.governance().survivorship())
                .golden(all, effective);
        GoldenRepository.supersedeValues(c, target, decisionId);
        GoldenRepository.insertValues(c, target, values.values(), decisionId);
        return target;
    }

    /**
     * The choices clerks made for golden records in the merges that built them and are still in effect, by field or
     * field group, a later merge's choice replacing an earlier one; a value chosen from a record that is no member
     * any more is not kept.
     *
     * @param members the records the golden record has (or will have): a choice from another record is dropped
     */
    static Map<String, FieldChoice> keptChoices(Connection c, List<String> goldens, java.util.Collection<Long> members)
            throws SQLException {
        Map<String, FieldChoice> kept = new LinkedHashMap<>();
        for (ReviewViews.DecisionView d : history(c, goldens)) {
            if (d.state() == DecisionState.EFFECTIVE && d.payload() instanceof DecisionPayload.Merge m) {
                m.choices().forEach((field, choice) -> {
                    if (!(choice instanceof FieldChoice.FromRecord r) || members.contains(r.recordId())) {
                        kept.put(field, choice);
                    } else {
                        kept.remove(field);
                    }
                });
            }
        }
        return kept;
    }

    /** The merges that set values of the golden records (including reverted ones), oldest first. */
    static List<ReviewViews.DecisionView> history(Connection c, List<String> goldens) throws SQLException {
        List<ReviewViews.DecisionView> out = new java.util.ArrayList<>();
        for (long id : GoldenRepository.valueDecisions(c, goldens)) {
            out.add(DecisionRepository.find(c, id));
        }
        return out;
    }

    /** Undoes an approved merge; refused while a later merge builds on the same golden record. */
    static void unmerge(ReviewContext ctx, long decisionId, long revertId) throws SQLException {
        Connection c = ctx.connection();
        for (String g : GoldenRepository.touchedBy(c, decisionId)) {
            long latest = GoldenRepository.latestDecision(c, g);
            if (latest > decisionId) {
                throw new UserFacingException(de.grw.common.Text.of("review.later_decision", latest, g));
            }
        }
        GoldenRepository.endMembershipsAddedBy(c, decisionId, revertId);
        // memberships and values the decision ended come back as they were, still owned by the decisions that
        // made them, so that those decisions can themselves be reverted later
        for (GoldenRepository.Membership m : GoldenRepository.endedBy(c, decisionId)) {
            GoldenRepository.addMembership(c, m.golden(), m.record(), m.addedBy());
        }
        GoldenRepository.supersedeValuesSetBy(c, decisionId, revertId);
        GoldenRepository.restoreValuesEndedBy(c, decisionId);
        GoldenRepository.retireCreatedBy(c, decisionId);
        GoldenRepository.reactivateMergedBy(c, decisionId);
    }

    static List<String> activeGoldenOf(Connection c, List<Long> records) throws SQLException {
        return GoldenRepository.activeGoldenOf(c, records);
    }

    static List<Long> activeMembers(Connection c, String golden) throws SQLException {
        return GoldenRepository.activeMembers(c, golden);
    }
}
