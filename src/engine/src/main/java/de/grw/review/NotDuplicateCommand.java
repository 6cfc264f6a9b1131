package de.grw.review;

import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;

import java.sql.SQLException;
import java.util.List;

/**
 * Two records are not the same person: a cannot-link that every later match run respects. If the cluster consisted
 * of just these two, it is resolved; otherwise it stays in the queue for the rest of its members.
 */
public record NotDuplicateCommand(long recordA, long recordB) implements DecisionCommand {
    public NotDuplicateCommand {
        if (recordA == recordB) {
            throw new IllegalArgumentException("a record cannot be a non-duplicate of itself");
        }
    }

    @Override
    public DecisionKind kind() {
        return DecisionKind.NOT_DUPLICATE;
    }

    @Override
    public boolean needsApproval() {
        return false;
    }

    @Override
    public DecisionPayload.NotDuplicate payload() {
        return new DecisionPayload.NotDuplicate(List.of(Math.min(recordA, recordB), Math.max(recordA, recordB)));
    }

    @Override
    public String describe() {
        return "records " + recordA + " and " + recordB + " are not the same person";
    }

    @Override
    public void apply(ReviewContext context, long decisionId) throws SQLException {
        List<Long> members = ClusterRepository.members(context.connection(), context.clusterId());
        if (!members.contains(recordA) || !members.contains(recordB)) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.both_members", recordA,
                    recordB, context.clusterId()));
        }
        ClusterRepository.addCannotLink(context.connection(), recordA, recordB, decisionId);
        if (members.size() == 2) {
            ClusterRepository.setStatus(context.connection(), context.clusterId(), ClusterStatus.NOT_DUPLICATE, null);
        }
    }

    @Override
    public void revert(ReviewContext context, long decisionId, long revertId) throws SQLException {
        ClusterRepository.revokeCannotLinks(context.connection(), decisionId, revertId);
        ClusterRepository.setStatusIf(context.connection(), context.clusterId(), ClusterStatus.NOT_DUPLICATE,
                ClusterStatus.OPEN);
    }
}
