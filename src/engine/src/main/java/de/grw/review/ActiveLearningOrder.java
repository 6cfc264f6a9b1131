package de.grw.review;

import de.grw.review.ReviewViews.QueueEntry;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Uncertainty and diversity, as dedupe's active learning does: each open cluster's uncertainty is how close its
 * weakest link is to undecided ({@code 1 - |2p - 1|}: 1 at p = 0.5, 0 at 0 and 1); its kind is what weakens that link
 * most (comparison, level and what it is weighed against). The order takes the most uncertain cluster, then
 * discounts every further cluster of a kind already taken ({@code uncertainty / (1 + taken of that kind)}), so that
 * a page asks about many kinds of doubt instead of fifty times the same one. Open clusters first (as the queue's
 * priority groups), deferred ones after them in their order. No I/O; deterministic (ties by cluster id).
 * <p>
 * A stand-in: the workbench orders active learning with {@code de.grw.learning.LearningQueueOrdering} (the learner's
 * expected information of an answer), which falls back to this order only while the learner has no label yet (no
 * decision in effect) or no model is active.
 * <p>
 * <b>Why two implementations.</b> Replacing this stand-in by {@code ActiveLearning.order} with an empty correction
 * (no label: the prior covariance over the comparison levels) was tried on the test workspace of the three samples
 * (181 open clusters, 2026-12-07): the two orders agree at 10 of 181 positions (the same first cluster, then the same
 * clusters in another order). This order ranks by the weakest link's probability and spreads by the kind of doubt;
 * the learner's, without labels, ranks by uncertainty times the number of comparison levels a pair switches on. The
 * results are not identical, so the stand-in stays, and it needs neither a model nor the stored vectors.
 */
public final class ActiveLearningOrder implements QueueOrdering {
    public static final ActiveLearningOrder INSTANCE = new ActiveLearningOrder();

    @Override
    public List<QueueEntry> order(List<QueueEntry> pool, int limit) {
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        Map<String, Deque<QueueEntry>> byKind = new LinkedHashMap<>();
        List<QueueEntry> rest = new ArrayList<>();
        List<QueueEntry> open = new ArrayList<>();
        for (QueueEntry e : pool) {
            (e.status() == ClusterStatus.OPEN ? open : rest).add(e);
        }
        open.sort(Comparator.comparingDouble(ActiveLearningOrder::uncertainty).reversed()
                .thenComparingLong(QueueEntry::clusterId));
        for (QueueEntry e : open) {
            byKind.computeIfAbsent(kind(e), k -> new ArrayDeque<>()).add(e);
        }
        Map<String, Integer> taken = new java.util.HashMap<>();
        PriorityQueue<String> next = new PriorityQueue<>(Comparator.comparingDouble((String k) -> -score(byKind.get(k)
                .peek(), taken.getOrDefault(k, 0))).thenComparingLong(k -> byKind.get(k).peek().clusterId()));
        next.addAll(byKind.keySet());
        List<QueueEntry> out = new ArrayList<>();
        while (!next.isEmpty() && out.size() < max) {
            String k = next.poll();
            out.add(byKind.get(k).poll());
            taken.merge(k, 1, Integer::sum);
            if (!byKind.get(k).isEmpty()) {
                next.add(k);
            }
        }
        for (QueueEntry e : rest) {
            if (out.size() >= max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** How close a cluster's weakest link is to undecided: 1 at probability 0.5, 0 at 0 or 1. */
    static double uncertainty(QueueEntry e) {
        return 1 - Math.abs(2 * e.minProbability() - 1);
    }

    /** What weakens the cluster's weakest link most ({@code -} when unknown). */
    static String kind(QueueEntry e) {
        ReviewViews.WeakestLink w = e.weakest();
        return w == null || w.comparison() == null ? "-" : w.comparison() + "/" + w.level() + "/" + w.versus();
    }

    private static double score(QueueEntry head, int taken) {
        return uncertainty(head) / (1 + taken);
    }
}
