package de.grw.ui.review;

import de.grw.profile.ComparisonSpec;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.review.DeferCommand;
import de.grw.review.FieldChoice;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.NotDuplicateCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.PairView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.SplitCommand;
import de.grw.review.Survivorship;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.workspace.ClusterStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * decisions (merge, not a duplicate, split, defer, undo). Holds properties and calls the review service; knows no
 * controls, so it is tested without a robot.
 */
public final class ReviewViewModel {
    /** Which statuses the queue shows. */
    public enum StatusFilter { OPEN_AND_DEFERRED, OPEN, DEFERRED }

    private final AppContext ctx;
    private final ObservableList<QueueEntry> queue = FXCollections.observableArrayList();
    private final ObjectProperty<Band> band = new SimpleObjectProperty<>(Band.ALL);
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.OPEN_AND_DEFERRED);
    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ClusterView> current = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String[]> explanation = FXCollections.observableArrayList();
    private final ObservableMap<String, FieldChoice> choices = FXCollections.observableHashMap();
    private final ObservableSet<Long> excluded = FXCollections.observableSet();
    private final ObservableSet<Long> marked = FXCollections.observableSet();
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final Deque<Long> undo = new ArrayDeque<>();
    private final IntegerProperty remaining = new SimpleIntegerProperty(0);
    /** The queue shows this many clusters at a time: a large workspace stays quick to open. */
    static final int PAGE = 500;

    public ReviewViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Sets the case reference (Aktenzeichen) under which records are shown, and opens the cluster at hand. */
    public void confirmCaseReference() {
        if (current.get() == null && !queue.isEmpty()) {
            open(Math.max(0, position.get()));
        }
    }

    private ReviewService service() {
        return ctx.model().review();
    }

    private I18n t() {
        return ctx.i18n();
    }

    /** Reloads the queue with the filters; keeps the current cluster if it is still queued. */
    public void refresh() {
        if (service() == null) {
            return;
        }
        sources.setAll(service().sources(ctx.model().session()));
        Set<ClusterStatus> statuses = switch (status.get()) {
            case OPEN -> EnumSet.of(ClusterStatus.OPEN);
            case DEFERRED -> EnumSet.of(ClusterStatus.DEFERRED);
            default -> EnumSet.of(ClusterStatus.OPEN, ClusterStatus.DEFERRED);
        };
        Long keep = current.get() == null ? null : current.get().clusterId();
        queue.setAll(service().queue(ctx.model().session(), statuses, source.get(), band.get().from, band.get().to,
                PAGE));
        boolean filtered = !source.get().isBlank() || band.get() != Band.ALL;
        remaining.set(filtered ? queue.size() : service().count(ctx.model().session(), statuses));
        int index = 0;
        for (int i = 0; keep != null && i < queue.size(); i++) {
            if (queue.get(i).clusterId() == keep) {
                index = i;
            }
        }
        if (queue.isEmpty()) {
            position.set(-1);
            current.set(null);
            rows.clear();
            explanation.clear();
        } else if (position.get() < 0 || current.get() == null || current.get().clusterId() != queue.get(index)
                .clusterId()) {
            open(index);
        } else {
            position.set(index);
        }
    }

    /** Opens the cluster at a queue position (the display is logged with the case reference). */
    public void open(int index) {
        if (index < 0 || index >= queue.size()) {
            return;
        }
        if (service().governance().required().caseReferenceToShow() && caseRef.get().isBlank()) {
            position.set(index);
            message.set(t().get("review.caseFirst"));
            return;
        }
        try {
            ClusterView view = service().show(ctx.model().session(), queue.get(index).clusterId(), caseRef.get());
            position.set(index);
            choices.clear();
            excluded.clear();
            marked.clear();
            comment.set("");
            current.set(view);
            rebuild();
            message.set(view.note() == null || view.note().isBlank() ? "" : view.note());
        } catch (RuntimeException e) {
            message.set(Errors.message(e, t()));
        }
    }

    public void next() {
        if (position.get() + 1 < queue.size()) {
            open(position.get() + 1);
        }
    }

    public void previous() {
        if (position.get() > 0) {
            open(position.get() - 1);
        }
    }

    /** Takes the value of a record column for a field (or the field's group, such as the address). */
    public void choose(String field, long recordId) {
        choices.put(field, new FieldChoice.FromRecord(recordId));
        rebuild();
    }

    /** Types a corrected value for a field. */
    public void setManual(String field, String value) {
        choices.put(field, new FieldChoice.Manual(value));
        rebuild();
    }

    /** Takes a record out of the cluster for the merge, or puts it back. */
    public void toggleExcluded(long recordId) {
        if (!excluded.remove(recordId)) {
            excluded.add(recordId);
        }
        rebuild();
    }

    /** Marks a record for "not a duplicate" or "split", or unmarks it. */
    public void toggleMarked(long recordId) {
        if (!marked.remove(recordId)) {
            marked.add(recordId);
        }
    }

    /** Proposes to merge the cluster's records (without those taken out) with the chosen values. */
    public boolean merge() {
        ClusterView view = current.get();
        if (view == null) {
            return false;
        }
        List<Long> members = view.members().stream().map(MemberRecord::id).filter(id -> !excluded.contains(id))
                .toList();
        if (members.size() < 2) {
            message.set(t().get("review.mergeNeedsTwo"));
            return false;
        }
        return decide(new MergeCommand(members, new LinkedHashMap<>(choices)), "review.merged");
    }

    /** The two marked records (or the only two) are not the same person. */
    public boolean notDuplicate() {
        ClusterView view = current.get();
        if (view == null) {
            return false;
        }
        List<Long> pair = view.members().size() == 2 ? view.members().stream().map(MemberRecord::id).toList()
                : new ArrayList<>(marked);
        if (pair.size() != 2) {
            message.set(t().get("review.markTwo"));
            return false;
        }
        return decide(new NotDuplicateCommand(pair.get(0), pair.get(1)), "review.notDuplicateDone");
    }

    /** Splits the marked records from the others. */
    public boolean split() {
        ClusterView view = current.get();
        if (view == null) {
            return false;
        }
        List<Long> all = view.members().stream().map(MemberRecord::id).toList();
        List<Long> a = all.stream().filter(marked::contains).toList();
        List<Long> b = all.stream().filter(id -> !marked.contains(id)).toList();
        if (a.isEmpty() || b.isEmpty()) {
            message.set(t().get("review.markForSplit"));
            return false;
        }
        return decide(new SplitCommand(List.of(a, b)), "review.splitDone");
    }

    public boolean defer() {
        return current.get() != null && decide(new DeferCommand(), "review.deferred");
    }

    /** Reverts the last decision taken in this session. */
    public boolean undo() {
        Long last = undo.peek();
        if (last == null) {
            message.set(t().get("review.nothingToUndo"));
            return false;
        }
        try {
            service().revert(ctx.model().session(), last, t().get("review.undoComment"), caseRef.get());
            undo.pop();
            message.set(t().get("review.undone", last));
            current.set(null);
            refresh();
            return true;
        } catch (RuntimeException e) {
            message.set(Errors.message(e, t()));
            return false;
        }
    }

    private boolean decide(de.grw.review.DecisionCommand command, String doneKey) {
        try {
            DecisionView d = service().propose(ctx.model().session(), current.get().clusterId(), command,
                    comment.get(), caseRef.get());
            undo.push(d.id());
            message.set(t().get(doneKey, d.id()));
            int at = position.get();
            current.set(null);
            refresh();
            if (!queue.isEmpty()) {
                open(Math.min(at, queue.size() - 1));
                message.set(t().get(doneKey, d.id()));
            }
            return true;
        } catch (RuntimeException e) {
            message.set(Errors.message(e, t()));
            return false;
        }
    }

    /** Recomputes the side-by-side rows from the current cluster and the choices. */
    void rebuild() {
        ClusterView view = current.get();
        rows.clear();
        explanation.clear();
        if (view == null) {
            return;
        }
        MatchProfile profile = service().profile();
        List<MemberRecord> members = view.members();
        List<MemberRecord> included = members.stream().filter(m -> !excluded.contains(m.id())).toList();
        Map<String, GoldenValue> golden = new Survivorship(profile, service().governance().survivorship())
                .golden(included.isEmpty() ? members : included, choices);
        boolean masked = members.stream().anyMatch(MemberRecord::masked);
        Map<String, String[]> byField = contributions(view, profile);
        for (FieldSpec f : profile.fields()) {
            if (f.type() == FieldType.ID) {
                continue;
            }
            int index = profile.fieldIndex(f.name());
            List<String> values = new ArrayList<>();
            for (MemberRecord m : members) {
                values.add(m.values().get(index));
            }
            GoldenValue g = golden.get(f.name());
            String goldenValue = g == null ? null : g.value();
            if (masked && goldenValue != null && !(g.manual()) && service().governance().maskedFields()
                    .contains(f.name())) {
                goldenValue = de.grw.review.RecordLoader.MASK;
            }
            int origin = -1;
            for (int i = 0; g != null && !g.manual() && i < members.size(); i++) {
                if (members.get(i).id() == g.originRecord()) {
                    origin = i;
                }
            }
            de.grw.normalising.Normaliser normaliser = de.grw.normalising.Normalisers.get(f.normaliser());
            boolean differs = values.stream().filter(v -> v != null && !v.equals(de.grw.review.RecordLoader.MASK))
                    .map(v -> {
                        String n = normaliser.normalise(v);
                        return n == null ? "" : n;
                    }).distinct().count() > 1;
            boolean allEmpty = values.stream().allMatch(v -> v == null) && goldenValue == null;
            if (allEmpty) {
                continue;
            }
            String[] contribution = byField.get(f.name());
            rows.add(new FieldRow(f.name(), f.label(t().locale().getLanguage()), values, goldenValue, origin,
                    g != null && g.manual(), contribution == null ? null : Double.valueOf(contribution[2]),
                    contribution == null ? null : contribution[1], differs));
        }
    }

    /** Per field, the contribution of the comparison it leads, from the cluster's strongest pair. */
    private Map<String, String[]> contributions(ClusterView view, MatchProfile profile) {
        Map<String, String[]> out = new HashMap<>();
        if (view.pairs().isEmpty()) {
            return out;
        }
        PairView strongest = view.pairs().get(0);
        Map<String, String> leader = new HashMap<>();
        for (ComparisonSpec c : profile.comparisons()) {
            leader.put(c.name(), c.fields().get(0));
        }
        for (String[] row : ReviewService.explanation(strongest.explanationJson())) {
            if (!"missing".equals(row[1])) {
                explanation.add(row);
            }
            String field = leader.get(row[0]);
            if (field != null && !"missing".equals(row[1])) {
                out.put(field, row);
            }
        }
        return out;
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

    public StringProperty sourceProperty() {
        return source;
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
        return rows;
    }

    /** The strongest pair's explanation: comparison, level, weight. */
    public ObservableList<String[]> explanation() {
        return explanation;
    }

    public ObservableMap<String, FieldChoice> choices() {
        return choices;
    }

    public ObservableSet<Long> excluded() {
        return excluded;
    }

    public ObservableSet<Long> marked() {
        return marked;
    }

    public StringProperty caseRefProperty() {
        return caseRef;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
