package de.grw.review;

import de.grw.workspace.ClusterRepository;
import de.grw.workspace.ClusterStatus;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster holds several people: its members are split into groups. Members of different groups get
 * cannot-links; each group of two or more returns to the queue as a cluster of its own.
 */
public record SplitCommand(List<List<Long>> groups) implements DecisionCommand {
    public SplitCommand {
        groups = groups.stream().map(List::copyOf).toList();
        if (groups.size() < 2) {
            throw new IllegalArgumentException("a split needs at least two groups");
        }
    }

    @Override
    public DecisionKind kind() {
        return DecisionKind.SPLIT;
    }

    @Override
    public boolean needsApproval() {
        return false;
    }

    @Override
    public DecisionPayload.Split payload() {
        return new DecisionPayload.Split(groups);
    }

    @Override
    public String describe() {
        return "split the cluster into " + groups;
    }

    @Override
    public void apply(ReviewContext context, long decisionId) throws SQLException {
        var c = context.connection();
        Set<Long> members = new HashSet<>(ClusterRepository.members(c, context.clusterId()));
        Set<Long> seen = new HashSet<>();
        for (List<Long> g : groups) {
            for (Long id : g) {
                if (!members.contains(id) || !seen.add(id)) {
                    throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.split_member", id,
                            context.clusterId()));
                }
            }
        }
        if (!seen.equals(members)) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("review.split_all",
                    context.clusterId()));
        }
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (long a : groups.get(i)) {
                    for (long b : groups.get(j)) {
                        ClusterRepository.addCannotLink(c, a, b, decisionId);
                    }
                }
            }
        }
        long run = ClusterRepository.lastRun(c);
        for (List<Long> g : groups) {
            if (g.size() > 1) {
                ClusterRepository.ensure(c, g.stream().mapToLong(Long::longValue).toArray(), run);
            }
        }
        ClusterRepository.setStatus(c, context.clusterId(), ClusterStatus.SPLIT, null);
    }

    @Override
    public void revert(ReviewContext context, long decisionId, long revertId) throws SQLException {
        var c = context.connection();
        ClusterRepository.revokeCannotLinks(c, decisionId, revertId);
        for (List<Long> g : groups) {
            if (g.size() > 1) {
                long id = ClusterRepository.ensure(c, g.stream().mapToLong(Long::longValue).toArray(),
                        ClusterRepository.lastRun(c));
                ClusterRepository.supersedeIfQueued(c, id);
            }
        }
        ClusterRepository.setStatus(c, context.clusterId(), ClusterStatus.OPEN, null);
    }
}
