package de.grw.learning;

import de.grw.matching.model.ModelParameters;
import de.grw.review.ActiveLearningOrder;
import de.grw.review.QueueMode;
import de.grw.review.QueueOrdering;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.ReviewViews.WeakestLink;
import de.grw.store.Workspace;
import de.grw.workspace.ClusterStatus;
import de.grw.workspace.ModelRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The review's {@link QueueMode#ACTIVE_LEARNING} order from what the clerks' decisions taught ({@link
 * ActiveLearning#order}): each open cluster of the pool is a candidate by its weakest link (its comparison vector read
 * back from the stored pair, its unsupervised weight from the link's probability); the correction is fitted to the
 * decisions in effect over the active model ({@link WorkspaceLearning#examples}, {@link LabelledTraining#fit}); the
 * clusters come in the order of the expected information of their answer, then open clusters without a readable
 * weakest link, then deferred ones, as the queue's priority groups.
 * <p>
 * <b>Stand-in.</b> While the learner has no label yet (no decision in effect with a stored comparison vector), or no
 * model is active, the order is {@link ActiveLearningOrder}'s (uncertainty and diversity by the kind of the weakest
 * link), which needs no labels.
 * <p>
 * Unlike {@link QueueOrdering}'s default this ordering reads the workspace: one read transaction per page, with one
 * indexed read per decided cluster (the labels) and per open cluster of the pool (its weakest pair's vector).
 */
public final class LearningQueueOrdering implements QueueOrdering {
    private static final double LN2 = Math.log(2);
    private final Workspace workspace;
    private final LearningSettings settings;

    public LearningQueueOrdering(Workspace workspace, LearningSettings settings) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LearningQueueOrdering(Workspace workspace) {
        this(workspace, LearningSettings.DEFAULTS);
    }

    @Override
    public List<QueueEntry> order(List<QueueEntry> pool, int limit) {
        return workspace.read(c -> order(c, pool, limit));
    }

    private List<QueueEntry> order(Connection c, List<QueueEntry> pool, int limit) throws SQLException {
        ModelRepository.ActiveModel active = ModelRepository.active(c);
        if (active == null) {
            return ActiveLearningOrder.INSTANCE.order(pool, limit);
        }
        ModelParameters model = active.model();
        WorkspaceLearning.Examples examples = WorkspaceLearning.examples(c, model);
        if (examples.examples().isEmpty()) {
            return ActiveLearningOrder.INSTANCE.order(pool, limit);
        }
        Correction correction = LabelledTraining.fit(model, examples.examples(), settings);
        ModelRepository.LastRun last = ModelRepository.lastRun(c);
        double threshold = last == null ? 0.5 : last.threshold();
        Map<Long, QueueEntry> byId = new LinkedHashMap<>();
        List<ActiveLearning.Candidate> candidates = new ArrayList<>();
        List<QueueEntry> unreadable = new ArrayList<>();
        List<QueueEntry> rest = new ArrayList<>();
        for (QueueEntry e : pool) {
            if (e.status() != ClusterStatus.OPEN) {
                rest.add(e);
                continue;
            }
            Long pattern = weakestPattern(c, e, model);
            if (pattern == null) {
                unreadable.add(e);
                continue;
            }
            byId.put(e.clusterId(), e);
            candidates.add(new ActiveLearning.Candidate(e.clusterId(), pattern, bits(e.weakest().probability())));
        }
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        List<QueueEntry> out = new ArrayList<>();
        for (long id : ActiveLearning.order(candidates, correction, threshold, Math.min(max, candidates.size()),
                QueueMode.ACTIVE_LEARNING)) {
            out.add(byId.get(id));
        }
        for (List<QueueEntry> group : List.of(unreadable, rest)) {
            for (QueueEntry e : group) {
                if (out.size() >= max) {
                    return out;
                }
                out.add(e);
            }
        }
        return out;
    }

    /** The comparison vector of a cluster's weakest link, from its stored pair; {@code null} if not readable. */
    private static Long weakestPattern(Connection c, QueueEntry e, ModelParameters model) throws SQLException {
        WeakestLink w = e.weakest();
        if (w == null) {
            return null;
        }
        for (LabelRepository.StoredPair p : LabelRepository.pairsOfCluster(c, e.clusterId())) {
            if (Math.min(p.recordA(), p.recordB()) == Math.min(w.recordA(), w.recordB())
                    && Math.max(p.recordA(), p.recordB()) == Math.max(w.recordA(), w.recordB())) {
                return WorkspaceLearning.pattern(p.explanationJson(), model);
            }
        }
        return null;
    }

    /** A probability as a weight in bits, kept finite. */
    static double bits(double probability) {
        double p = Math.max(1e-12, Math.min(1 - 1e-12, probability));
        return Math.log(p / (1 - p)) / LN2;
    }
}
