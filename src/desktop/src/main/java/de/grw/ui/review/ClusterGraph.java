package de.grw.ui.review;

import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.PairView;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster as a small graph: records as nodes (numbered as the grid's columns), scored pairs as edges, the weakest
 * link marked, so that a clerk sees at once whether the cluster is a chain (A–B and B–C strong, A–C weak or never
 * scored). Pure geometry over the loaded cluster; {@link ClusterGraphView} draws it.
 *
 * @param nodes the records, in column order, with their place
 * @param edges the scored pairs
 */
public record ClusterGraph(List<Node> nodes, List<Edge> edges) {
    /** Space kept between a node's centre and the drawing's border (the node's radius and its number). */
    static final double MARGIN = 16;

    /** A record: its column in the grid (1-based) and its centre. */
    public record Node(long recordId, int column, double x, double y) {
    }

    /**
     * A scored pair.
     *
     * @param linked  the run linked the pair (its probability reaches the cluster's weakest link); otherwise a
     *                candidate pair scored below the threshold
     * @param weakest the cluster's weakest link
     */
    public record Edge(PairView pair, Node a, Node b, boolean linked, boolean weakest) {
    }

    /**
     * Lays the records of a cluster out on an ellipse inside {@code width} x {@code height} (the first at the top,
     * clockwise), so that every edge is a straight chord that no node sits on.
     */
    static ClusterGraph of(ClusterView view, PairView weakest, double width, double height) {
        int n = view.members().size();
        double cx = width / 2;
        double cy = height / 2;
        // an ellipse filling the drawing: the records spread over its width
        double rx = Math.max(0, width / 2 - MARGIN);
        double ry = Math.max(0, height / 2 - MARGIN);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = n == 2 ? Math.PI * i : -Math.PI / 2 + 2 * Math.PI * i / n;
            double x = n == 2 ? cx + (i == 0 ? -rx : rx) : cx + rx * Math.cos(angle);
            double y = n == 2 ? cy : cy + ry * Math.sin(angle);
            nodes.add(new Node(view.members().get(i).id(), i + 1, x, y));
        }
        double floor = weakest == null ? Double.NEGATIVE_INFINITY : weakest.probability();
        List<Edge> edges = new ArrayList<>();
        for (PairView p : view.pairs()) {
            Node a = find(nodes, p.recordA());
            Node b = find(nodes, p.recordB());
            if (a != null && b != null) {
                edges.add(new Edge(p, a, b, p.probability() >= floor - ExplainedPair.SAME_PROBABILITY,
                        p.equals(weakest)));
            }
        }
        return new ClusterGraph(nodes, edges);
    }

    private static Node find(List<Node> nodes, long id) {
        return nodes.stream().filter(n -> n.recordId() == id).findFirst().orElse(null);
    }

    /** The edge drawn for a pair, if any. */
    java.util.Optional<Edge> edge(PairView pair) {
        return edges.stream().filter(e -> e.pair().equals(pair)).findFirst();
    }
}
