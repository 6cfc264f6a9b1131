package de.grw.ui.review;

import de.grw.api.SignedIn;
import de.grw.review.FieldChoice;
import de.grw.review.ReviewViews.ClusterView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * What the review's grid and explanation draw of the open cluster, and the clerk's marks on it: the side-by-side
 * rows, the explanation's lines, the values chosen, the records taken out or marked, and all of it as one value
 * ({@link ClusterState}) that the screen redraws from. Refilled at once from a cluster built in the background
 * ({@link #swapIn}), or rebuilt in memory after a choice ({@link #rebuild}: no I/O, so on the FX thread). FX thread
 * only.
 */
final class GridState {
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    /** The cluster with its rows and explanation as one value: what the screen draws. */
    private final ObjectProperty<ClusterState> state = new SimpleObjectProperty<>(ClusterState.EMPTY);
    private final ObservableList<String[]> explanation = FXCollections.observableArrayList();
    private final ObservableMap<String, FieldChoice> choices = FXCollections.observableHashMap();
    private final ObservableSet<Long> excluded = FXCollections.observableSet();
    private final ObservableSet<Long> marked = FXCollections.observableSet();

    /** Another cluster is opened: nothing chosen, taken out or marked yet. */
    void fresh() {
        choices.clear();
        excluded.clear();
        marked.clear();
    }

    /** Swaps in a cluster built in the background: the rows, the explanation, then the state as one value. */
    void swapIn(ClusterState built) {
        explanation.setAll(built.explanation());
        rows.setAll(built.rows());
        // last, and as one value: the screen redraws once, from a cluster and its own rows
        state.set(built);
    }

    /** Nothing open: no rows, no explanation (the state follows with the next rebuild). */
    void clear() {
        rows.clear();
        explanation.clear();
    }

    /**
     * Recomputes the rows from the open cluster ({@code view}, null for none), the records taken out and the
     * choices, with the engine's comparison (in memory, from the cluster already loaded: no I/O).
     */
    void rebuild(ClusterView view, SignedIn signedIn, ExplainedPair explained, String language) {
        swapIn(view == null || signedIn == null ? ClusterState.EMPTY
                : ClusterState.build(view, signedIn.review().comparisons(), signedIn.governance().profile(),
                        explained, excluded, choices, language));
    }

    ObservableList<FieldRow> rows() {
        return rows;
    }

    ObjectProperty<ClusterState> state() {
        return state;
    }

    ObservableList<String[]> explanation() {
        return explanation;
    }

    ObservableMap<String, FieldChoice> choices() {
        return choices;
    }

    ObservableSet<Long> excluded() {
        return excluded;
    }

    ObservableSet<Long> marked() {
        return marked;
    }
}
