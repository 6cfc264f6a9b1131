package de.grw.ui.review;

import de.grw.api.Comparisons;
import de.grw.profile.MatchProfile;
import de.grw.review.ComparisonTable;
import de.grw.review.FieldChoice;
import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Builds the side-by-side rows of a cluster from the records not taken out and the clerk's choices, with the
     * engine's comparison (in memory, from the cluster already loaded: no I/O, so on the FX thread). The
     * contributions and the explanation are those of the pair explained, not always the strongest.
     *
     * @param language the language of the fields' labels
     */
    static ClusterState build(ClusterView view, Comparisons comparisons, MatchProfile profile,
                              ExplainedPair explained, Set<Long> excluded, Map<String, FieldChoice> choices,
                              String language) {
        return build(view, comparisons, profile, explained.focus(view), excluded, choices, language);
    }

    /**
     * As {@link #build(ClusterView, Comparisons, MatchProfile, ExplainedPair, Set, Map, String)} for the cluster as
     * focused on the pair explained ({@link ExplainedPair#focus}); pure computation over values, so it also runs in
     * the background while the next cluster is read (then with no record taken out and no choice).
     */
    static ClusterState build(ClusterView view, Comparisons comparisons, MatchProfile profile, ClusterView focused,
                              Set<Long> excluded, Map<String, FieldChoice> choices, String language) {
        List<Long> merged = view.members().stream().map(MemberRecord::id).filter(id -> !excluded.contains(id))
                .toList();
        ComparisonTable table = comparisons.cluster(focused, merged, choices);
        List<FieldRow> built = new ArrayList<>();
        for (ComparisonTable.Row r : table.rows()) {
            built.add(new FieldRow(profile.field(r.field()).map(f -> f.label(language)).orElse(r.field()), r));
        }
        return new ClusterState(view, built, ClusterTexts.explanationRows(focused));
    }
}
