package de.grw.ui.review;

import de.grw.review.ReviewViews.ClusterView;
import java.util.List;

/**
 * One cluster as the screen draws it: the cluster, its side-by-side rows and its explanation, always built from the
 * same cluster and replaced as one value. The screen redraws from this, never from a cluster whose rows are not yet
 * rebuilt (a 2-record cluster's rows under a 3-record cluster's columns).
 *
 * @param view        the cluster shown, or null for none
 * @param rows        its side-by-side rows, one value per member of {@code view}
 * @param explanation its strongest pair's explanation rows
 */
public record ClusterState(ClusterView view, List<FieldRow> rows, List<String[]> explanation) {
    /** Nothing shown. */
    public static final ClusterState EMPTY = new ClusterState(null, List.of(), List.of());

    public ClusterState {
        rows = List.copyOf(rows);
        explanation = List.copyOf(explanation);
    }
}
