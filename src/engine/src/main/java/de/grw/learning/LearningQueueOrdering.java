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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The review's {@link QueueMode#ACTIVE_LEARNING} order from what the clerks' decisions taught ({@link
 * ActiveLearning#order}): each open cluster of the pool is a candidate by its weakest link (its comparison vector,
 * kept with the cluster since schema 18, its unsupervised weight from the link's probability); the correction is
 * fitted to the decisions in effect over the active model ({@link WorkspaceLearning#examples}, {@link
 * LabelledTraining#fit}); the clusters come in the order of the expected information of their answer, then open
 * clusters without a readable weakest link, then deferred ones, as the queue's priority groups.
 * <p>
 * <b>Stand-in.</b> While the learner has no label yet (no decision in effect with a stored comparison vector), or no
 * model is active, the order is {@link ActiveLearningOrder}'s (uncertainty and diversity by the kind of the weakest
 * link), which needs no labels.
 * <p>
 * <b>Cached.</b> The fit and the weakest-link vectors are kept between pages. A page reads the journal's last
 * sequence number (every decision, approval, revert, match run and activation appends to it): while it is unchanged
 * the fit is reused; otherwise it is fitted again (one indexed read per decided cluster), and after a new match run
 * the vectors are forgotten. Vectors not yet known are read for a page at once ({@code clusters.weakest_pattern},
 * {@value #CHUNK} clusters a statement); only clusters stored before schema 18 (or by the link service) fall back to
 * reading their stored pairs. A page thus costs one statement while nothing changed, whatever the pool's size
 * ({@link #statements} counts them).
 */
public final class LearningQueueOrdering implements QueueOrdering {
    private static final double LN2 = Math.log(2);
    /** Clusters whose vectors one statement reads. */
    static final int CHUNK = 500;
    /** Vectors kept at most; then forgotten and read again as needed. */
    private static final int MAX_VECTORS = 200_000;
    private static final Long UNREADABLE = Long.MIN_VALUE;
    private final Workspace workspace;
    private final LearningSettings settings;
    private final Map<Long, Long> vectors = new ConcurrentHashMap<>();
    private final AtomicLong statements = new AtomicLong();
    private volatile Fit fit;

    /**
     * What the learner knows as of a journal position.
     *
     * @param journal    the journal's last sequence number it was read at
     * @param runId      the last match run then
     * @param model      the active model, {@code null}: none (the stand-in orders)
     * @param correction the fit, {@code null}: no label (the stand-in orders)
     * @param threshold  the last run's threshold
     */
    private record Fit(long journal, Long runId, ModelParameters model, Correction correction, double threshold) {
    }

    public LearningQueueOrdering(Workspace workspace, LearningSettings settings) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LearningQueueOrdering(Workspace workspace) {
        this(workspace, LearningSettings.DEFAULTS);
    }

    /** SQL statements this ordering has run on the store so far (for tests of what a page costs). */
    public long statements() {
        return statements.get();
    }

    @Override
    public List<QueueEntry> order(List<QueueEntry> pool, int limit) {
        return workspace.read(c -> order(counting(c), pool, limit));
    }

    private List<QueueEntry> order(Connection c, List<QueueEntry> pool, int limit) throws SQLException {
        Fit f = fit(c);
        if (f.correction() == null) {
            return ActiveLearningOrder.INSTANCE.order(pool, limit);
        }
        readVectors(c, pool, f.model());
        Map<Long, QueueEntry> byId = new LinkedHashMap<>();
        List<ActiveLearning.Candidate> candidates = new ArrayList<>();
        List<QueueEntry> unreadable = new ArrayList<>();
        List<QueueEntry> rest = new ArrayList<>();
        for (QueueEntry e : pool) {
            if (e.status() != ClusterStatus.OPEN) {
                rest.add(e);
                continue;
            }
            Long pattern = vectors.get(e.clusterId());
            if (pattern == null || pattern.equals(UNREADABLE)) {
                unreadable.add(e);
                continue;
            }
            byId.put(e.clusterId(), e);
            candidates.add(new ActiveLearning.Candidate(e.clusterId(), pattern, bits(e.weakest().probability())));
        }
        int max = limit <= 0 ? Integer.MAX_VALUE : limit;
        List<QueueEntry> out = new ArrayList<>();
        for (long id : ActiveLearning.order(candidates, f.correction(), f.threshold(),
                Math.min(max, candidates.size()), QueueMode.ACTIVE_LEARNING)) {
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

    /** The fit as of the journal's last entry: reused while nothing was journalled since. */
    private Fit fit(Connection c) throws SQLException {
        long journal = LabelRepository.journalPosition(c);
        Fit f = fit;
        if (f != null && f.journal() == journal) {
            return f;
        }
        ModelRepository.LastRun last = ModelRepository.lastRun(c);
        Long runId = last == null ? null : last.runId();
        if (f == null || !Objects.equals(f.runId(), runId) || vectors.size() > MAX_VECTORS) {
            vectors.clear(); // a new run: its clusters' vectors are read as they come
        }
        ModelRepository.ActiveModel active = ModelRepository.active(c);
        Correction correction = null;
        ModelParameters model = active == null ? null : active.model();
        if (model != null) {
            WorkspaceLearning.Examples examples = WorkspaceLearning.examples(c, model);
            if (!examples.examples().isEmpty()) {
                correction = LabelledTraining.fit(model, examples.examples(), settings);
            }
        }
        if (f != null && f.model() != null && model != null && !sameModel(f.model(), model)) {
            vectors.clear(); // read back with another model's level names
        }
        Fit next = new Fit(journal, runId, model, correction, last == null ? 0.5 : last.threshold());
        fit = next;
        return next;
    }

    private static boolean sameModel(ModelParameters a, ModelParameters b) {
        return a.comparisons().equals(b.comparisons()) && a.labels().equals(b.labels());
    }

    /** Reads the weakest-link vectors of the pool's open clusters not known yet, {@value #CHUNK} a statement. */
    private void readVectors(Connection c, List<QueueEntry> pool, ModelParameters model) throws SQLException {
        List<Long> wanted = new ArrayList<>();
        for (QueueEntry e : pool) {
            if (e.status() == ClusterStatus.OPEN && e.weakest() != null && !vectors.containsKey(e.clusterId())) {
                wanted.add(e.clusterId());
            }
        }
        Map<Long, QueueEntry> byId = new java.util.HashMap<>();
        pool.forEach(e -> byId.put(e.clusterId(), e));
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            Map<Long, Long> kept = WeakestVectorRepository.of(c, chunk);
            for (long id : chunk) {
                Long pattern = kept.get(id);
                if (pattern == null) {
                    // stored before schema 18 (or by the link service): read back from the stored pair
                    pattern = weakestPattern(c, byId.get(id), model);
                }
                vectors.put(id, pattern == null ? UNREADABLE : pattern);
            }
        }
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

    /** The connection, with every statement prepared or created on it counted in {@link #statements}. */
    private Connection counting(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A probability as a weight in bits, kept finite. */
    static double bits(double probability) {
        double p = Math.max(1e-12, Math.min(1 - 1e-12, probability));
        return Math.log(p / (1 - p)) / LN2;
    }
}
