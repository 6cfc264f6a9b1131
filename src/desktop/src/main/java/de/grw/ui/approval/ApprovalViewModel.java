package de.grw.ui.approval;

import de.grw.api.SignedIn;
import de.grw.review.ComparisonTable;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.review.FieldRow;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Supervisors' approval of proposed merges: the pending list, the comparison, approve or reject with a comment.
 * Every call of the approval and review interfaces runs through the task runner, never on the FX thread (the
 * approval's write transaction in particular); the comparison is the engine's ({@link de.grw.api.Comparisons}).
 */
public final class ApprovalViewModel {
    private final AppContext ctx;
    private final ObservableList<DecisionView> pending = FXCollections.observableArrayList();
    private final ObjectProperty<DecisionView> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterView> cluster = new SimpleObjectProperty<>();
    private final ObjectProperty<ComparisonTable> table = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Counts selections, so that a slow load of an earlier one does not overwrite a later one. */
    private long selection;

    public ApprovalViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    private SignedIn signedIn() {
        return ctx.model().signedIn();
    }

    /** Reloads the pending merges (in the background) and keeps or moves the selection. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(String doneMessage) {
        SignedIn signedIn = signedIn();
        if (signedIn == null) {
            return;
        }
        var approval = signedIn.approval();
        background(approval::pending, list -> {
            pending.setAll(list);
            if (selected.get() == null || pending.stream().noneMatch(d -> d.id() == selected.get().id())) {
                select(pending.isEmpty() ? null : pending.get(0), doneMessage);
            } else if (doneMessage != null) {
                message.set(doneMessage);
            }
        });
    }

    /** Shows a pending merge (loaded in the background; the display is logged under the clerk's case reference). */
    public void select(DecisionView decision) {
        select(decision, null);
    }

    private void select(DecisionView decision, String doneMessage) {
        long mine = ++selection;
        selected.set(decision);
        rows.clear();
        cluster.set(null);
        table.set(null);
        comment.set("");
        if (decision == null) {
            message.set(doneMessage == null ? "" : doneMessage);
            return;
        }
        SignedIn signedIn = signedIn();
        if (signedIn == null) {
            return;
        }
        var review = signedIn.review();
        var profile = signedIn.governance().profile();
        background(() -> {
            ClusterView view = review.show(decision.clusterId(), decision.caseRef());
            return new Shown(view, review.comparisons().merge(view, decision));
        }, shown -> {
            if (mine != selection) {
                return;
            }
            cluster.set(shown.view());
            String language = ctx.i18n().locale().getLanguage();
            List<FieldRow> built = shown.table().rows().stream().map(r -> new FieldRow(profile
                    .field(r.field()).map(f -> f.label(language)).orElse(r.field()), r)).toList();
            // rows first: the screen draws when the table is set
            rows.setAll(built);
            table.set(shown.table());
            message.set(doneMessage == null ? "" : doneMessage);
        });
    }

    private record Shown(ClusterView view, ComparisonTable table) {
    }

    /** Approves the selected merge (in the background); returns whether it was sent. */
    public boolean approve() {
        DecisionView d = selected.get();
        if (d == null || busy.get() || signedIn() == null) {
            return false;
        }
        var approval = signedIn().approval();
        String text = comment.get();
        background(() -> approval.approve(d.id(), text), done -> {
            selected.set(null);
            refresh(ctx.i18n().get("approval.approved", d.id()));
        });
        return true;
    }

    /** Rejects the selected merge (in the background); returns whether it was sent. */
    public boolean reject() {
        DecisionView d = selected.get();
        if (d == null || busy.get() || signedIn() == null) {
            return false;
        }
        var approval = signedIn().approval();
        String text = comment.get();
        background(() -> approval.reject(d.id(), text), done -> {
            selected.set(null);
            refresh(ctx.i18n().get("approval.rejected", d.id()));
        });
        return true;
    }

    /** Runs workspace work through the task runner; {@code done} on the FX thread, a failure becomes the message. */
    private <T> void background(Callable<T> work, Consumer<T> done) {
        busy.set(true);
        ctx.tasks().call(ctx.i18n().get("nav.approval"), work, value -> {
            busy.set(false);
            done.accept(value);
        }, e -> {
            busy.set(false);
            message.set(Errors.message(e, ctx.i18n()));
        });
    }

    public ObservableList<DecisionView> pending() {
        return pending;
    }

    public ObjectProperty<DecisionView> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ClusterView> clusterProperty() {
        return cluster;
    }

    /** The comparison of the selected merge: its records as columns, the golden record as proposed. */
    public ObjectProperty<ComparisonTable> tableProperty() {
        return table;
    }

    public ObservableList<FieldRow> rows() {
        return rows;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** True while the list, a merge or a decision is being loaded or recorded. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
