package de.grw.ui.review;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TextDiff;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The side-by-side comparison: records as columns, fields as rows, the characters that differ from the golden value
 * highlighted, each row's contribution to the score as a bar, and the golden record as the last column. Clicking a
 * cell takes its value; the golden cell can be typed into; a header check box takes a record out of the merge.
 */
final class SideBySide {
    private static final double MAX_BITS = 16;

    private SideBySide() {
    }

    static Node build(ReviewViewModel vm, I18n t) {
        GridPane grid = new GridPane();
        grid.setId("side-by-side");
        grid.getStyleClass().add("side-by-side");
        // no gaps: the cells' borders draw the lines (a frozen column must hide what scrolls beneath it)
        grid.setHgap(0);
        grid.setVgap(0);
        // the cluster and its rows from one value: never one cluster's rows under another's columns
        ClusterState state = vm.stateProperty().get();
        ClusterView view = state.view();
        if (view == null) {
            Label empty = new Label(emptyText(vm, t));
            empty.setId("review-empty");
            empty.setWrapText(true);
            return empty;
        }
        List<MemberRecord> members = view.members();
        // the field and contribution columns and the golden record's column stay in view while the records scroll
        grid.getProperties().put(FrozenColumns.FROZEN, 2);
        grid.getProperties().put(FrozenColumns.RECORDS, members.size());
        grid.getProperties().put(FrozenColumns.CLUSTER, view.clusterId());
        ColumnConstraints labelColumn = new ColumnConstraints(140);
        ColumnConstraints barColumn = new ColumnConstraints(90);
        grid.getColumnConstraints().addAll(labelColumn, barColumn);
        for (int i = 0; i <= members.size(); i++) {
            ColumnConstraints c = new ColumnConstraints(110, 150, 300);
            grid.getColumnConstraints().add(c);
        }
        grid.add(header(t.get("review.field")), 0, 0);
        grid.add(header(t.get("review.why")), 1, 0);
        for (int i = 0; i < members.size(); i++) {
            MemberRecord m = members.get(i);
            CheckBox in = new CheckBox(t.get("review.inMerge"));
            in.setId("member-in-" + m.id());
            in.setSelected(!vm.excluded().contains(m.id()));
            in.setOnAction(e -> vm.toggleExcluded(m.id()));
            CheckBox mark = new CheckBox(t.get("review.mark"));
            mark.setId("member-mark-" + m.id());
            mark.setSelected(vm.marked().contains(m.id()));
            mark.setOnAction(e -> vm.toggleMarked(m.id()));
            // a cluster another clerk holds is shown, not changed
            in.setDisable(vm.readOnly());
            mark.setDisable(vm.readOnly());
            Label title = new Label(m.source() + "\n" + m.recordKey());
            title.getStyleClass().add("text-bold");
            de.grw.ui.common.LazyTooltip.install(title, (m.source() + " · " + m.recordKey()));
            Label blocked = new Label(m.masked() ? t.get("review.masked") : m.blocked() ? t.get("review.blocked") : "");
            blocked.getStyleClass().add("danger");
            VBox head = new VBox(2, title, in, mark, blocked);
            head.getStyleClass().add("record-header");
            head.setPadding(new Insets(4));
            grid.add(head, 2 + i, 0);
        }
        grid.add(header(t.get("review.golden")), 2 + members.size(), 0);
        int row = 1;
        for (FieldRow r : state.rows()) {
            Label label = new Label(r.label());
            label.setId("field-" + r.field());
            label.getStyleClass().add(r.labelStyle());
            if (r.equalAfterNormalising()) {
                de.grw.ui.common.LazyTooltip.install(label, (t.get("review.equalAfterNormalising")));
            }
            label.setPadding(new Insets(4));
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMaxHeight(Double.MAX_VALUE);
            grid.add(label, 0, row);
            grid.add(bar(r, t), 1, row);
            for (int i = 0; i < members.size(); i++) {
                String value = r.values().get(i);
                MemberRecord m = members.get(i);
                StackPane cell = new StackPane();
                // equal, written differently (same after normalising), near (a typo) or unrelated
                cell.getChildren().add(GrainCells.flow(vm.profile(), r, value, cell, t));
                cell.setId("cell-" + r.field() + "-" + m.id());
                cell.setAlignment(Pos.CENTER_LEFT);
                cell.setPadding(new Insets(4));
                cell.getStyleClass().add(0, r.originColumn() == i ? "cell-chosen" : "cell");
                if (value != null && !m.masked()) {
                    de.grw.ui.common.LazyTooltip.install(cell, (t.get("review.clickToChoose")));
                    cell.setOnMouseClicked(e -> vm.choose(r.field(), m.id()));
                }
                grid.add(cell, 2 + i, row);
            }
            TextField golden = new TextField(r.golden() == null ? "" : r.golden());
            golden.setId("golden-" + r.field());
            golden.getStyleClass().add(r.manual() ? "golden-manual" : "golden");
            golden.setEditable(!vm.readOnly());
            golden.setOnAction(e -> vm.setManual(r.field(), golden.getText().isBlank() ? null : golden.getText()));
            golden.focusedProperty().addListener((o, was, now) -> {
                String before = r.golden() == null ? "" : r.golden();
                if (!now && !golden.getText().equals(before)) {
                    vm.setManual(r.field(), golden.getText().isBlank() ? null : golden.getText());
                }
            });
            StackPane goldenCell = new StackPane(golden);
            goldenCell.getStyleClass().add("golden-cell");
            goldenCell.setPadding(new Insets(2));
            goldenCell.setAlignment(Pos.CENTER_LEFT);
            grid.add(goldenCell, 2 + members.size(), row);
            row++;
        }
        return GrainCells.withLegend(grid, t);
    }

    /**
     * Why no cluster is shown, agreeing with the queue beside it: an empty queue, a case reference still missing,
     * a cluster on its way, or none chosen yet.
     */
    static String emptyText(ReviewViewModel vm, I18n t) {
        if (vm.queue().isEmpty()) {
            return vm.busyProperty().get() ? t.get("review.loading") : t.get("review.empty");
        }
        if (vm.caseRefProperty().get().isBlank() && vm.caseReferenceNeeded()) {
            return t.get("review.caseFirst");
        }
        return vm.busyProperty().get() ? t.get("review.opening") : t.get("review.chooseCluster");
    }

    private static Node header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        l.setPadding(new Insets(4));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setWrapText(true);
        return l;
    }

    private static Node bar(FieldRow r, I18n t) {
        if (r.weight() == null) {
            Region empty = new Region();
            empty.getStyleClass().add("bar-cell");
            return empty;
        }
        double w = r.weight();
        Region bar = new Region();
        bar.getStyleClass().add(w >= 0 ? "bar-positive" : "bar-negative");
        bar.setPrefHeight(10);
        bar.setMinWidth(2);
        bar.setPrefWidth(Math.max(2, Math.min(1, Math.abs(w) / MAX_BITS) * 40));
        bar.setMaxWidth(bar.getPrefWidth());
        Label text = new Label(String.format(t.locale(), "%+.1f", w));
        text.getStyleClass().add("text-small");
        HBox box = new HBox(4, bar, text);
        box.getStyleClass().add("bar-cell");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4));
        de.grw.ui.common.LazyTooltip.install(box, (t.get("review.contribution", r.comparison(), String.format(t.locale(),
                "%+.1f", w))));
        return box;
    }
}
