package de.grw.review;

import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merge all or some members of a cluster into one golden record, with the clerk's choice of values where the
 * survivorship proposal is not right. Takes effect only when a supervisor other than the proposer approves.
 *
 * @param members the records to merge (database ids)
 * @param choices per field (or field group such as {@code address}): another member's value or a typed one
 */
public record MergeCommand(List<Long> members, Map<String, FieldChoice> choices) implements DecisionCommand {
    public MergeCommand {
        members = List.copyOf(members);
        choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        if (members.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two records");
        }
    }

    @Override
    public DecisionKind kind() {
        return DecisionKind.MERGE;
    }

    @Override
    public boolean needsApproval() {
        return true;
    }

    @Override
    public DecisionPayload.Merge payload() {
        return new DecisionPayload.Merge(members.stream().sorted().toList(), choices);
    }

    @Override
    public String describe() {
        return "merge records " + members + " into one golden record"
                + (choices.isEmpty() ? "" : " with chosen values for " + choices.keySet());
    }

    /**
     * Checks the merge against its cluster: every record to merge is a member, and every value chosen from a record
     * comes from one of the records merged. Run when the merge is proposed and again when it is approved.
     */
    void check(List<Long> clusterMembers, long clusterId) {
        for (Long m : members) {
            if (!clusterMembers.contains(m)) {
                throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.not_member", m,
                        clusterId));
            }
        }
        choices.forEach((field, choice) -> {
            if (choice instanceof FieldChoice.FromRecord r && !members.contains(r.recordId())) {
                throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.value_not_merged", field,
                        r.recordId(), members));
            }
        });
    }

    @Override
    public void apply(ReviewContext context, long decisionId) throws SQLException {
        check(ClusterRepository.members(context.connection(), context.clusterId()), context.clusterId());
        GoldenStore.merge(context, decisionId, members, choices);
        ClusterRepository.setStatus(context.connection(), context.clusterId(), ClusterStatus.MERGED, null);
    }

    @Override
    public void revert(ReviewContext context, long decisionId, long revertId) throws SQLException {
        GoldenStore.unmerge(context, decisionId, revertId);
        ClusterRepository.setStatus(context.connection(), context.clusterId(), ClusterStatus.OPEN, null);
    }
}
