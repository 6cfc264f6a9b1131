package de.grw.review;

import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;

import java.sql.SQLException;

/** Put a cluster back: it stays in the queue, after the open ones. */
public record DeferCommand() implements DecisionCommand {
    @Override
    public DecisionKind kind() {
        return DecisionKind.DEFER;
    }

    @Override
    public boolean needsApproval() {
        return false;
    }

    @Override
    public DecisionPayload.Defer payload() {
        return new DecisionPayload.Defer();
    }

    @Override
    public String describe() {
        return "defer the cluster";
    }

    @Override
    public void apply(ReviewContext context, long decisionId) throws SQLException {
        ClusterRepository.setStatus(context.connection(), context.clusterId(), ClusterStatus.DEFERRED, null);
    }

    @Override
    public void revert(ReviewContext context, long decisionId, long revertId) throws SQLException {
        ClusterRepository.setStatusIf(context.connection(), context.clusterId(), ClusterStatus.DEFERRED, ClusterStatus.OPEN);
    }
}
