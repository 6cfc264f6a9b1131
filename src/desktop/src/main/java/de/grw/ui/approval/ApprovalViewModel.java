package de.grw.ui.approval;

import de.grw.journal.CanonicalJson;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.review.DecisionCommand;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.Survivorship;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.review.FieldRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Supervisors' approval of proposed merges: the pending list, the comparison, approve or reject with a comment. */
public final class ApprovalViewModel {
    private final AppContext ctx;
    private final ObservableList<DecisionView> pending = FXCollections.observableArrayList();
    private final ObjectProperty<DecisionView> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterView> cluster = new SimpleObjectProperty<>();
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public ApprovalViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    private ReviewService service() {
        return ctx.model().review();
    }

    public void refresh() {
        if (service() == null) {
            return;
        }
        pending.setAll(service().pendingApprovals(ctx.model().session()));
        if (selected.get() == null || pending.stream().noneMatch(d -> d.id() == selected.get().id())) {
            select(pending.isEmpty() ? null : pending.get(0));
        }
    }

    /** Shows a pending merge (the display is logged under the clerk's case reference). */
    public void select(DecisionView decision) {
        selected.set(decision);
        rows.clear();
        cluster.set(null);
        comment.set("");
        if (decision == null) {
            return;
        }
        try {
            ClusterView view = service().show(ctx.model().session(), decision.clusterId(), decision.caseRef());
            cluster.set(view);
            MergeCommand merge = (MergeCommand) decision.payload().command();
            List<MemberRecord> members = view.members().stream().filter(m -> merge.members().contains(m.id()))
                    .toList();
            Map<String, GoldenValue> golden = new Survivorship(service().profile(),
                    service().governance().survivorship()).golden(members, merge.choices());
            boolean masked = members.stream().anyMatch(MemberRecord::masked);
            for (FieldSpec f : service().profile().fields()) {
                if (f.type() == FieldType.ID) {
                    continue;
                }
                int index = service().profile().fieldIndex(f.name());
                List<String> values = new ArrayList<>();
                for (MemberRecord m : members) {
                    values.add(m.values().get(index));
                }
                GoldenValue g = golden.get(f.name());
                String value = g == null ? null : g.value();
                if (masked && value != null && !g.manual() && service().governance().maskedFields()
                        .contains(f.name())) {
                    value = de.grw.review.RecordLoader.MASK;
                }
                if (value == null && values.stream().allMatch(v -> v == null)) {
                    continue;
                }
                int origin = -1;
                for (int i = 0; g != null && i < members.size(); i++) {
                    if (!g.manual() && members.get(i).id() == g.originRecord()) {
                        origin = i;
                    }
                }
                boolean differs = values.stream().filter(v -> v != null).map(String::toLowerCase).distinct()
                        .count() > 1;
                rows.add(new FieldRow(f.name(), f.label(ctx.i18n().locale().getLanguage()), values, value, origin,
                        g != null && g.manual(), null, null, differs));
            }
            message.set("");
        } catch (RuntimeException e) {
            message.set(Errors.message(e, ctx.i18n()));
        }
    }

    public boolean approve() {
        DecisionView d = selected.get();
        if (d == null) {
            return false;
        }
        try {
            service().approve(ctx.model().session(), d.id(), comment.get());
            message.set(ctx.i18n().get("approval.approved", d.id()));
            selected.set(null);
            refresh();
            return true;
        } catch (RuntimeException e) {
            message.set(Errors.message(e, ctx.i18n()));
            return false;
        }
    }

    public boolean reject() {
        DecisionView d = selected.get();
        if (d == null) {
            return false;
        }
        try {
            service().reject(ctx.model().session(), d.id(), comment.get());
            message.set(ctx.i18n().get("approval.rejected", d.id()));
            selected.set(null);
            refresh();
            return true;
        } catch (RuntimeException e) {
            message.set(Errors.message(e, ctx.i18n()));
            return false;
        }
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

    public ObservableList<FieldRow> rows() {
        return rows;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
