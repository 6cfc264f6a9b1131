package de.grw.ui.review;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which pair of the open cluster the explanation panel, the waterfall and the grid's contribution column explain.
 * <p>
 * By default the cluster's <em>weakest link</em>: the pair whose probability the queue lists for the cluster (the
 * lowest probability among the pairs that linked it; pairs scored below the threshold are candidates the run did not
 * link and lie below that figure). Without a listed figure (a cluster not opened from the queue) it is the weakest
 * edge of the cluster's maximum spanning tree: the link at which the cluster would fall apart first. The clerk can
 * explain any other candidate pair of the cluster instead. Pure logic over the loaded cluster: no I/O.
 */
public final class ExplainedPair {
    /** Probabilities are stored as the engine computed them: equal within this tolerance means the same figure. */
    static final double SAME_PROBABILITY = 1e-9;

    private final ObjectProperty<PairView> pair = new SimpleObjectProperty<>();
    private PairView weakest;
    private ClusterView view;
    private Runnable onChange = () -> { };

    /** What to do after the clerk chose another pair (the view model rebuilds its rows). */
    void onChange(Runnable action) {
        this.onChange = action;
    }

    /** A cluster was opened: explain its weakest link ({@code listedMin}: the queue's figure, NaN if unknown). */
    void open(ClusterView opened, double listedMin) {
        view = opened;
        weakest = opened == null ? null : weakestLink(opened.pairs(), listedMin);
        pair.set(weakest);
    }

    /** Explains another pair of the open cluster (ignored when it is none of its pairs). */
    public void select(PairView chosen) {
        if (view != null && chosen != null && view.pairs().contains(chosen) && !chosen.equals(pair.get())) {
            pair.set(chosen);
            onChange.run();
        }
    }

    /** Explains the next ({@code by} 1) or previous ({@code by} -1) pair as the chooser lists them; wraps around. */
    public void step(int by) {
        if (view == null || view.pairs().size() < 2) {
            return;
        }
        List<PairView> order = ordered(view, weakest);
        int at = Math.max(0, order.indexOf(pair.get()));
        pair.set(order.get(Math.floorMod(at + by, order.size())));
        onChange.run();
    }

    /** The pairs of the open cluster as the chooser lists them (see {@link #ordered}). */
    public List<PairView> choices() {
        return view == null ? List.of() : ordered(view, weakest);
    }

    void clear() {
        view = null;
        weakest = null;
        pair.set(null);
    }

    public ObjectProperty<PairView> pairProperty() {
        return pair;
    }

    /** The cluster's weakest link, as {@link #open} chose it. */
    public PairView weakest() {
        return weakest;
    }

    /**
     * The pairs as the chooser lists them: the weakest link first, then the others by probability, lowest first
     * (the doubtful ones are those worth a look).
     */
    static List<PairView> ordered(ClusterView view, PairView weakest) {
        List<PairView> out = new ArrayList<>(view.pairs());
        out.sort(Comparator.comparingDouble(PairView::probability));
        if (weakest != null && out.remove(weakest)) {
            out.add(0, weakest);
        }
        return out;
    }

    /**
     * The weakest link of a cluster: the pair with the lowest probability not below {@code listedMin} (the queue's
     * figure); when that is NaN or no pair reaches it, the weakest edge of the maximum spanning tree.
     */
    static PairView weakestLink(List<PairView> pairs, double listedMin) {
        if (pairs.isEmpty()) {
            return null;
        }
        if (!Double.isNaN(listedMin)) {
            PairView best = null;
            for (PairView p : pairs) {
                if (p.probability() >= listedMin - SAME_PROBABILITY
                        && (best == null || p.probability() < best.probability())) {
                    best = p;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return bottleneck(pairs);
    }

    /** The weakest edge of a maximum spanning tree (Kruskal over the pairs, strongest first). */
    static PairView bottleneck(List<PairView> pairs) {
        List<PairView> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble(PairView::probability).reversed());
        Map<Long, Long> parent = new HashMap<>();
        PairView last = null;
        for (PairView p : sorted) {
            long a = root(parent, p.recordA());
            long b = root(parent, p.recordB());
            if (a != b) {
                parent.put(a, b);
                last = p;
            }
        }
        return last;
    }

    private static long root(Map<Long, Long> parent, long x) {
        long r = x;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /**
     * The cluster as the comparison and the explanation lines see it: with the explained pair alone among its pairs
     * (the cluster itself when no pair is chosen).
     */
    ClusterView focus(ClusterView view) {
        return focus(view, pair.get());
    }

    /** The cluster with {@code p} alone among its pairs (the cluster itself when {@code p} is none of them). */
    static ClusterView focus(ClusterView view, PairView p) {
        if (view == null || p == null || !view.pairs().contains(p)) {
            return view;
        }
        return new ClusterView(view.clusterId(), view.status(), view.note(), view.members(), List.of(p),
                view.proposal(), view.decisions(), view.extending(), view.modelVersion());
    }

    /** The column (1-based) of a record in the side-by-side grid, or 0. */
    static int column(ClusterView view, long recordId) {
        List<MemberRecord> members = view.members();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() == recordId) {
                return i + 1;
            }
        }
        return 0;
    }
}
