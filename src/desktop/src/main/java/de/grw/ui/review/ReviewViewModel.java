package de.grw.ui.review;

import de.grw.api.SignedIn;
import de.grw.profile.MatchProfile;
import de.grw.review.FieldChoice;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The review of the queue: filters, the current cluster, the side-by-side rows with the clerk's choices, and the
 * decisions (merge, not a duplicate, split, defer, undo). Holds properties and calls the review interface through
 * the task runner, never on the FX thread; knows no controls, so it is tested without a robot. Its parts: the
 * decision commands ({@link ReviewDecisions}), the next cluster and its read-ahead ({@link NextCluster}), the grid's
 * rows and the clerk's marks ({@link GridState}), and the claims and change feed ({@link ReviewLive}).
 */
public final class ReviewViewModel {
    /** Which statuses the queue shows. */
    public enum StatusFilter { OPEN_AND_DEFERRED, OPEN, DEFERRED }

    private final AppContext ctx;
    private final ObservableList<QueueEntry> queue = FXCollections.observableArrayList();
    private final ObjectProperty<Band> band = new SimpleObjectProperty<>(Band.ALL);
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.OPEN_AND_DEFERRED);
    private final ObservableList<String> selectedSources = FXCollections.observableArrayList();
    /** The queue's order: most uncertain first, or active learning (issue 15). */
    private final ObjectProperty<de.grw.review.QueueMode> mode = new SimpleObjectProperty<>(
            de.grw.review.QueueMode.UNCERTAIN);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ClusterView> current = new SimpleObjectProperty<>();
    /** The grid's rows, explanation and the clerk's marks on the open cluster. */
    private final GridState grid = new GridState();
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    /** For a cluster in which new records join a golden record: which one, and the values kept for it. */
    private final StringProperty extension = new SimpleStringProperty("");
    private final IntegerProperty remaining = new SimpleIntegerProperty(0);
    private final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty();
    /** The queue shows this many clusters at a time: a large workspace stays quick to open. */
    static final int PAGE = 500;

    private final ReviewLive live;
    /** The pair the explanation, the waterfall and the contribution column explain (default: the weakest link). */
    private final ExplainedPair explained = new ExplainedPair();
    private final ReviewDecisions decisions = new ReviewDecisions(this);
    /** The cluster the review moves on to, read ahead of the key press. */
    private final NextCluster following;

    public ReviewViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.following = new NextCluster(this);
        this.live = new ReviewLive(ctx, this);
        explained.onChange(this::rebuild);
        // the case reference belongs to the signed-in user: kept for another language, gone at sign-out
        caseRef.bindBidirectional(ctx.model().caseRefProperty());
        // a cluster closed (a decision, an empty queue): nothing of it stays drawn
        current.addListener((o, was, now) -> {
            if (now == null) {
                rebuild();
            }
        });
    }

    /** Claims on clusters and the change feed: what others do reaches this screen while it is open. */
    public ReviewLive live() {
        return live;
    }

    /** Sets the case reference (Aktenzeichen) under which records are shown, and opens the cluster at hand. */
    public void confirmCaseReference() {
        if (signedIn() != null && current.get() == null && !queue.isEmpty() && !busy.get()) {
            open(Math.max(0, position.get()));
        }
    }

    SignedIn signedIn() {
        return ctx.model().signedIn();
    }

    I18n t() {
        return ctx.i18n();
    }

    AppContext ctx() {
        return ctx;
    }

    /** The cluster the review moves on to after a decision, and its read-ahead. */
    NextCluster nextCluster() {
        return following;
    }

    /** Reloads the queue with the filters (in the background); keeps the current cluster if it is still queued. */
    public void refresh() {
        reload(null, null);
    }

    /**
     * Reloads the queue after others changed it, without the busy state (the decision buttons stay as they are):
     * clusters listed before that another clerk now holds stay listed, marked.
     */
    void refreshLive() {
        refreshLive(true);
    }

    /**
     * As {@link #refreshLive()}; {@code full} false for the periodic look at the queue when the change feed told of
     * nothing (it is asked to see others' new claims): then only the clusters of the page are read, without names
     * and without a log entry, and the queue is read with names only where that page differs from the one shown.
     * Either way the FX thread gets only the rows that changed.
     */
    void refreshLive(boolean full) {
        if (signedIn() == null || busy.get()) {
            return;
        }
        Long open = current.get() == null ? null : current.get().clusterId();
        SignedIn asked = signedIn();
        List<QueueEntry> before = List.copyOf(queue);
        java.util.concurrent.Callable<QueuePage> read = loader(before, open);
        java.util.concurrent.Callable<QueuePage> work = full ? read : QueuePage.checker(signedIn().review(),
                status.get(), List.copyOf(selectedSources), band.get(), before, open, read);
        ctx.tasks().quietly(work, loaded -> {
            // nothing the previous user asked for reaches the next one
            if (!busy.get() && signedIn() == asked) {
                if (loaded.unchanged()) {
                    live.claimsFound(queue, loaded.claims());
                } else {
                    apply(loaded, null, null);
                }
            }
        }, e -> message.set(Errors.message(e, t())));
    }

    /**
     * Reloads the queue and opens a cluster: the one at {@code wanted} (clamped to the queue) if given, else the
     * current one if it is still queued, else the first. {@code doneMessage} replaces the cluster's note once opened.
     */
    void reload(Integer wanted, String doneMessage) {
        if (signedIn() == null) {
            return;
        }
        background(loader(List.of(), null), loaded -> apply(loaded, wanted, doneMessage));
    }

    private java.util.concurrent.Callable<QueuePage> loader(List<QueueEntry> before, Long open) {
        return QueuePage.loader(signedIn().review(), status.get(), mode.get(), List.copyOf(selectedSources), band.get(), before,
                open, caseRef.get());
    }

    /** Shows a loaded queue and opens a cluster as {@link #reload} says (FX thread). */
    private void apply(QueuePage loaded, Integer wanted, String doneMessage) {
        if (!sources.equals(loaded.sources())) {
            // only when they changed: the screen's check boxes follow this list
            sources.setAll(loaded.sources());
        }
        QueuePage.update(queue, loaded.queue());
        live.claimsFound(loaded.queue(), loaded.claims());
        remaining.set(loaded.remaining());
        // the cluster open before: this one's, or the user's before the window was rebuilt (another language)
        Long keep = current.get() == null ? ctx.model().openClusterProperty().get()
                : Long.valueOf(current.get().clusterId());
        int index = 0;
        for (int i = 0; keep != null && i < queue.size(); i++) {
            if (queue.get(i).clusterId() == keep) {
                index = i;
            }
        }
        if (wanted != null) {
            index = Math.min(wanted, queue.size() - 1);
        }
        if (wanted != null || keep == null || index == 0 && !queue.isEmpty() && queue.get(0).clusterId() != keep) {
            // moving on: to the next cluster nobody else holds, if there is one
            for (int i = index; i < queue.size(); i++) {
                if (!loaded.claims().containsKey(queue.get(i).clusterId())) {
                    index = i;
                    break;
                }
            }
        }
        if (queue.isEmpty()) {
            live.leave();
            position.set(-1);
            current.set(null);
            grid.clear();
            explained.clear();
            if (doneMessage != null) {
                message.set(doneMessage);
            }
        } else if (wanted != null || position.get() < 0 || current.get() == null
                || current.get().clusterId() != queue.get(index).clusterId()) {
            open(index, doneMessage, 3);
        } else {
            position.set(index);
        }
    }

    /** Opens the cluster at a queue position (in the background; the display is logged with the case reference). */
    public void open(int index) {
        open(index, null, 0);
    }

    /** Opens a cluster; moving on by itself ({@code hops} > 0) it passes over clusters another clerk holds. */
    void open(int index, String doneMessage, int hops) {
        SignedIn signedIn = signedIn();
        if (signedIn == null || index < 0 || index >= queue.size()) {
            return;
        }
        if (caseMissing()) {
            position.set(index);
            message.set(doneMessage != null ? doneMessage : t().get("review.caseFirst"));
            return;
        }
        background(following.opening(queue.get(index)), opened -> shown(opened, index, doneMessage, hops));
    }

    /** Whether the workspace's settings demand a case reference and none is given. */
    boolean caseMissing() {
        SignedIn signedIn = signedIn();
        return signedIn != null && signedIn.governance().settings().required().caseReferenceToShow()
                && caseRef.get().isBlank();
    }

    /** Swaps an opened cluster in (FX thread): what {@link NextCluster#opening} read and built is shown as it is. */
    void shown(NextCluster.Shown opened, int index, String doneMessage, int hops) {
        long t = RedrawTimes.now();
        ClusterView view = opened.view();
        live.opened(view.clusterId(), opened.claim());
        if (hops > 0 && live.readOnlyProperty().get() && index + 1 < queue.size()) {
            open(index + 1, doneMessage, hops - 1);
            return;
        }
        position.set(index);
        grid.fresh();
        comment.set("");
        explained.open(view, opened.listed());
        current.set(view);
        ctx.model().openClusterProperty().set(view.clusterId());
        extension.set(ClusterTexts.extension(view, t(), signedIn().governance().profile()));
        ClusterState built = opened.state();
        grid.swapIn(built);
        message.set(doneMessage != null ? doneMessage : view.note() == null || view.note().isBlank() ? ""
                : view.note());
        RedrawTimes.add("cluster swapped in (with its redraw)", t);
        // while the clerk looks at this one, the next is read ahead (not logged: nobody has seen it yet)
        following.readAhead();
    }

    public void next() {
        if (!busy.get() && position.get() + 1 < queue.size()) {
            open(position.get() + 1);
        }
    }

    public void previous() {
        if (!busy.get() && position.get() > 0) {
            open(position.get() - 1);
        }
    }

    /** Takes the value of a record column for a field (or the field's group, such as the address). */
    public void choose(String field, long recordId) {
        if (readOnly()) {
            return;
        }
        grid.choices().put(field, new FieldChoice.FromRecord(recordId));
        rebuild();
    }

    /** Types a corrected value for a field. */
    public void setManual(String field, String value) {
        if (readOnly()) {
            return;
        }
        grid.choices().put(field, new FieldChoice.Manual(value));
        rebuild();
    }

    /** Takes a record out of the cluster for the merge, or puts it back. */
    public void toggleExcluded(long recordId) {
        if (readOnly()) {
            return;
        }
        if (!grid.excluded().remove(recordId)) {
            grid.excluded().add(recordId);
        }
        rebuild();
    }

    /** Marks a record for "not a duplicate" or "split", or unmarks it. */
    public void toggleMarked(long recordId) {
        if (readOnly()) {
            return;
        }
        if (!grid.marked().remove(recordId)) {
            grid.marked().add(recordId);
        }
    }

    /**
     * Proposes to merge the cluster's records (without those taken out) with the chosen values. Returns whether the
     * decision was sent (it is recorded in the background; the message tells the outcome).
     */
    public boolean merge() {
        return decisions.merge();
    }

    /** The two marked records (or the only two) are not the same person. */
    public boolean notDuplicate() {
        return decisions.notDuplicate();
    }

    /** Splits the marked records from the others. */
    public boolean split() {
        return decisions.split();
    }

    public boolean defer() {
        return decisions.defer();
    }

    /** Reverts the last decision taken in this session (in the background). */
    public boolean undo() {
        return decisions.undo();
    }

    /** Nothing is open any more (a decision reverted): nothing of the cluster stays drawn or is reopened. */
    void closeCluster() {
        ctx.model().openClusterProperty().set(null);
        current.set(null);
    }

    /**
     * Runs workspace work through the task runner (never on the FX thread: the queue, a cluster and every decision
     * read or write the workspace); {@code done} runs on the FX thread, a failure becomes the message. While it
     * runs, {@link #busyProperty()} is true and further decisions are refused.
     */
    <T> void background(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        background(work, done, e -> message.set(Errors.message(e, t())));
    }

    /** As {@link #background(java.util.concurrent.Callable, java.util.function.Consumer)}, {@code failed} on failure. */
    <T> void background(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                        java.util.function.Consumer<Throwable> failed) {
        busy.set(true);
        SignedIn asked = signedIn();
        ctx.tasks().call(t().get("nav.review"), work, value -> {
            busy.set(false);
            if (signedIn() != asked) {
                return; // signed out meanwhile: what was asked for is not shown to anyone
            }
            done.accept(value);
        }, e -> {
            busy.set(false);
            failed.accept(e);
        });
    }

    /**
     * Recomputes the side-by-side rows from the current cluster, the records taken out and the choices, with the
     * engine's comparison (in memory, from the cluster already loaded: no I/O, so on the FX thread).
     */
    void rebuild() {
        grid.rebuild(current.get(), signedIn(), explained, t().locale().getLanguage());
    }

    /** Whether the workspace's settings demand a case reference before records are shown. */
    boolean caseReferenceNeeded() {
        SignedIn s = signedIn();
        return s != null && s.governance().settings().required().caseReferenceToShow();
    }

    /** True while another clerk holds the open cluster: it is shown, but nothing can be decided or marked. */
    public boolean readOnly() {
        return live.readOnlyProperty().get();
    }

    /** The workspace's profile (its fields' normalisers), or null when nobody is signed in. */
    MatchProfile profile() {
        return signedIn() == null ? null : signedIn().governance().profile();
    }

    /** True while the queue, a cluster or a decision is being loaded or recorded. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<QueueEntry> queue() {
        return queue;
    }

    /** Clusters left in the queue with the status filter (may exceed the page loaded). */
    public IntegerProperty remainingProperty() {
        return remaining;
    }

    public ObjectProperty<Band> bandProperty() {
        return band;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    /** The queue's order (most uncertain first, or active learning). */
    public ObjectProperty<de.grw.review.QueueMode> modeProperty() {
        return mode;
    }

    /** The sources whose clusters the queue shows (a cluster with a record from any of them); empty for all. */
    public ObservableList<String> selectedSources() {
        return selectedSources;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public ObjectProperty<ClusterView> currentProperty() {
        return current;
    }

    public ObservableList<FieldRow> rows() {
        return grid.rows();
    }

    /** What the screen draws: the open cluster with its rows and explanation, replaced as one value. */
    public javafx.beans.property.ReadOnlyObjectProperty<ClusterState> stateProperty() {
        return grid.state();
    }

    /** The explained pair's lines: comparison, level, weight, versus (what the pair is weighed against). */
    public ObservableList<String[]> explanation() {
        return grid.explanation();
    }

    /** Which pair is explained; choosing another rebuilds the rows (the contribution column follows). */
    public ExplainedPair explained() {
        return explained;
    }

    public ObservableMap<String, FieldChoice> choices() {
        return grid.choices();
    }

    public ObservableSet<Long> excluded() {
        return grid.excluded();
    }

    public ObservableSet<Long> marked() {
        return grid.marked();
    }

    public StringProperty caseRefProperty() {
        return caseRef;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty extensionProperty() {
        return extension;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
